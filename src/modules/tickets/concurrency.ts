// Optimistic concurrency on tickets (issue 12 item 5): a change of assignee or status carries the version the agent
// saw; when a colleague (or the customer) changed either meanwhile, the change is refused with a 409 that says what
// happened, instead of the last click silently winning. Bulk actions use the same check per ticket.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { parseJson } from '../../db/json-column';
import type { TicketRepo, TicketRow } from './repo';

export interface VersionCheck {
  /** The ticket's `version` as the agent's page showed it; omitted, the change applies to whatever is current. */
  expectedVersion?: number;
}

const STATUS_WORDS: Record<string, string> = { open: 'Open', in_progress: 'In progress', resolved: 'Resolved' };

/** "Sam Stylist assigned it to Mia Stylist", "the customer replied by email": the latest change, in words. */
function describeChange(change: Awaited<ReturnType<TicketRepo['latestStateChange']>>, assigneeName: string | null): string | null {
  if (!change) return null;
  const who = change.actor_name ?? (change.type === 'customer_reply' ? 'the customer' : 'the system');
  const data = parseJson<{ to?: unknown; why?: unknown }>(change.data, {});
  switch (change.type) {
    case 'assigned':
      return data.to === null ? `${who} unassigned it` : `${who} assigned it${assigneeName ? ` to ${assigneeName}` : ''}`;
    case 'status':
      return data.why === 'customer_reply' ? 'the customer wrote again and it reopened' : `${who} set it to ${STATUS_WORDS[String(data.to)] ?? String(data.to)}`;
    case 'reply':
      return `${who} replied to the customer`;
    default:
      return 'the customer replied by email';
  }
}

/** The 409 for a change made from an older version of `row` (the ticket as it is now). */
export async function staleTicketError(repo: TicketRepo, trx: Transaction<Database>, row: TicketRow): Promise<AppError> {
  const assigneeName = row.assignee_id === null ? null : ((await repo.staffName(row.assignee_id, trx))?.name ?? null);
  const what = describeChange(await repo.latestStateChange(row.id, trx), assigneeName);
  const now = `${STATUS_WORDS[row.status] ?? row.status}, ${assigneeName ? `assigned to ${assigneeName}` : 'unassigned'}`;
  return new AppError(
    'conflict',
    `Ticket #${row.id} changed while you had it open${what ? `: ${what}` : ''}. It is now ${now}. Your change was not saved; check the ticket as it is now and choose again.`,
    { current: { version: row.version, status: row.status, assigneeId: row.assignee_id } },
  );
}
