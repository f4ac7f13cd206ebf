// Bulk assign / status (issue 12 item 5): many tickets in one transaction, each only from the version the agent saw.
// A ticket a colleague changed meanwhile is skipped with the reason (the same compare-and-set and 409 message as a
// single change, concurrency.ts), never overwritten; the others change, each with its history event.
import type { Kysely, Transaction } from 'kysely';
import type { Database, TicketStatus } from '../../db/schema';
import { invalid } from '../../errors';
import { staleTicketError } from './concurrency';
import type { TicketRepo, TicketRow } from './repo';

export type BulkChange = { assigneeId: number | null } | { status: TicketStatus };

export interface SeenTicket {
  id: number;
  /** The ticket's version as the list showed it. */
  version: number;
}

export interface BulkSkip {
  id: number;
  reason: 'changed' | 'not_found' | 'already';
  message: string;
}

export interface BulkResult {
  changed: number[];
  skipped: BulkSkip[];
}

const STATUS_WORDS: Record<TicketStatus, string> = { open: 'Open', in_progress: 'In progress', resolved: 'Resolved' };

/** The update and history event for one ticket, or null when it already is what the agent asked for. */
function planFor(row: TicketRow, change: BulkChange) {
  if ('status' in change) return row.status === change.status ? null : { type: 'status', values: { status: change.status }, data: { from: row.status, to: change.status, bulk: true } };
  return row.assignee_id === change.assigneeId ? null : { type: 'assigned', values: { assignee_id: change.assigneeId }, data: { from: row.assignee_id, to: change.assigneeId, bulk: true } };
}

/** Exactly one change: a new assignee (or none) or a new status. */
export function bulkChangeOf(input: { assigneeId?: number | null; status?: TicketStatus }): BulkChange {
  if ((input.assigneeId === undefined) === (input.status === undefined)) throw invalid('Choose one change for the selected tickets: an assignee or a status.');
  return input.status !== undefined ? { status: input.status } : { assigneeId: input.assigneeId! };
}

export function createBulkTicketChanges(db: Kysely<Database>, repo: TicketRepo, now: () => Date) {
  // Inside the transaction: on SQLite a read outside it would wait for it to end.
  const describeTarget = async (change: BulkChange, trx: Transaction<Database>) => {
    if ('status' in change) return STATUS_WORDS[change.status];
    if (change.assigneeId === null) return 'unassigned';
    return `assigned to ${(await repo.staffName(change.assigneeId, trx))?.name ?? 'them'}`;
  };
  return async function bulkChange(tickets: SeenTicket[], requested: { assigneeId?: number | null; status?: TicketStatus }, actorId: number): Promise<BulkResult> {
    const change = bulkChangeOf(requested);
    const at = now().toISOString();
    return db.transaction().execute(async (trx) => {
      const result: BulkResult = { changed: [], skipped: [] };
      for (const seen of new Map(tickets.map((t) => [t.id, t])).values()) {
        const row = await repo.get(seen.id, trx);
        if (!row) {
          result.skipped.push({ id: seen.id, reason: 'not_found', message: `Ticket #${seen.id} was not found.` });
          continue;
        }
        if (row.version !== seen.version) {
          result.skipped.push({ id: row.id, reason: 'changed', message: (await staleTicketError(repo, trx, row)).message });
          continue;
        }
        const plan = planFor(row, change);
        if (!plan) {
          result.skipped.push({ id: row.id, reason: 'already', message: `Ticket #${row.id} is already ${await describeTarget(change, trx)}.` });
          continue;
        }
        // Another instance may have changed it since the read above: the compare-and-set decides.
        if (!(await repo.updateIfVersion(trx, row.id, seen.version, { ...plan.values, updated_at: at }))) {
          result.skipped.push({ id: row.id, reason: 'changed', message: (await staleTicketError(repo, trx, (await repo.get(row.id, trx))!)).message });
          continue;
        }
        await repo.addEvent(trx, { ticket_id: row.id, actor_id: actorId, type: plan.type, body: null, data: JSON.stringify(plan.data), created_at: at });
        result.changed.push(row.id);
      }
      return result;
    });
  };
}
