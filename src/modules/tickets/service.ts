// Stylist tickets (W7, D2, D3): created from the widget, changed by staff in the dashboard. (The dashboard
// reads them, list and detail, through src/modules/dashboard/tickets-queries.ts.)
//
// Changes (actor ids are staff_users.id; every change is written to the ticket's history):
// - assign(id, assigneeId | null, actorId, { expectedVersion }?) → Ticket
// - setStatus(id, 'open' | 'in_progress' | 'resolved', actorId, { expectedVersion }?) → Ticket
//   (with the version the agent saw: a 409 when the assignee or status changed meanwhile; see concurrency.ts)
// - versionConflict(id, expectedVersion) → the 409 to report, or null (for bulk actions)
// - setPriority(id, 'urgent' | 'high' | 'normal', actorId) → Ticket (answer-by recomputed from now; an overdue one keeps it)
// - customerReplied(id, at) → Ticket (a next-reply deadline starts; for the inbound email)
// - addNote(id, body, actorId) → TicketEvent (internal, never shown to the customer)
// - reply(id, body, actorId) → TicketEvent (emails the customer; an open ticket moves to in_progress; it answers
//   the customer once the email is delivered)
// For the widget: escalate(conversation, request, options) (see escalate.ts). For the scheduler: checkOverdue().
import type { Transaction } from 'kysely';
import type { CustomerTier, Database, TicketPriority, TicketStatus } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import { stylistReplyEmail } from '../mail/templates';
import { computeAnswerBy } from './business-hours';
import { answerHoursFor, createEscalation, describeDue, openTicket, reasonsFrom, type EscalationDeps, type NewTicket } from './escalate';
import { createTicketRepo, type TicketRow } from './repo';
import { createCustomerEmails } from './customer-email';
import { createBulkTicketChanges } from './bulk';
import { createTicketTags } from './tags';
import { staleTicketError, type VersionCheck } from './concurrency';
import type { LiveBus } from '../live/bus';
import { isOverdue, TICKET_PRIORITIES, TICKET_STATUSES, toTicket, toTicketEvent, type Ticket, type TicketEvent } from './types';
import { plural } from '../alerts/slack';

export type TicketServiceDeps = Omit<EscalationDeps, 'repo'> & {
  /** Every history event reaches the dashboards live (src/modules/live). */
  live?: Pick<LiveBus, 'publish'>;
};

const MAX_BODY = 10_000;

function requireText(body: string, what: string): string {
  const text = body.trim();
  if (!text) throw invalid(`The ${what} is empty.`, { fields: { body: `Write a ${what}.` } });
  if (text.length > MAX_BODY) throw invalid(`The ${what} is too long (at most ${MAX_BODY} characters).`, { fields: { body: 'Too long.' } });
  return text;
}

export function createTicketService(deps: TicketServiceDeps) {
  const { db, config, now } = deps;
  const repo = createTicketRepo(db.kysely, deps.live);
  const nowIso = () => now().toISOString();

  async function requireTicket(id: number, trx?: Transaction<Database>): Promise<TicketRow> {
    const row = await repo.get(id, trx);
    if (!row) throw notFound('That ticket');
    return row;
  }

  /**
   * One change by a staff member: the update and its history event in one transaction. With an expected version the
   * update is a compare-and-set: a ticket changed meanwhile (here or on another instance) is a 409, not overwritten.
   * A change that is already true (a colleague did the same) is no change and no conflict.
   */
  async function change(id: number, actorId: number, type: string, apply: (row: TicketRow) => { values: Partial<TicketRow>; data: Record<string, unknown>; body?: string } | null, check: VersionCheck = {}): Promise<Ticket> {
    const at = nowIso();
    const row = await db.kysely.transaction().execute(async (trx) => {
      const current = await requireTicket(id, trx);
      const outcome = apply(current);
      if (!outcome) return current;
      const { expectedVersion } = check;
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw await staleTicketError(repo, trx, current);
      if (!(await repo.updateIfVersion(trx, id, expectedVersion, { ...outcome.values, updated_at: at }))) throw await staleTicketError(repo, trx, await requireTicket(id, trx));
      await repo.addEvent(trx, { ticket_id: id, actor_id: actorId, type, body: outcome.body ?? null, data: JSON.stringify(outcome.data), created_at: at });
      return (await repo.get(id, trx))!;
    });
    return toTicket(row, at);
  }

  return {
    escalate: createEscalation({ ...deps, repo }),
    /** Assign or set the status of many tickets at once, each from the version the agent saw (bulk.ts). */
    bulkChange: createBulkTicketChanges(db.kysely, repo, now),
    /** Tags staff add and remove on a ticket (tags.ts). */
    tags: createTicketTags(db.kysely, repo, now),

    /** A new ticket from another channel (contact form, chat), written in the caller's transaction by the same policy. */
    open: (trx: Transaction<Database>, fields: NewTicket, at: Date): Promise<TicketRow> => openTicket({ config, alerts: deps.alerts, repo }, trx, fields, at),
    tierOf: (email: string) => repo.tierOf(email),
    byIdempotencyKey: (key: string) => repo.byIdempotencyKey(key),
    reasonsOf: (texts: string[], tier: CustomerTier, extra: string[] = []) => reasonsFrom(deps.understand, texts, tier, extra),
    describeDue: (row: TicketRow) => describeDue(row, config.businessHours.timeZone),
    /** For the inbound mail service: customers' emailed replies and new requests by email. */
    customerEmails: createCustomerEmails({ config, now, repo, mail: deps.mail, alerts: deps.alerts }),

    assign(id: number, assigneeId: number | null, actorId: number, check: VersionCheck = {}): Promise<Ticket> {
      return change(id, actorId, 'assigned', (row) => (row.assignee_id === assigneeId ? null : { values: { assignee_id: assigneeId }, data: { from: row.assignee_id, to: assigneeId } }), check);
    },

    setStatus(id: number, status: TicketStatus, actorId: number, check: VersionCheck = {}): Promise<Ticket> {
      if (!TICKET_STATUSES.includes(status)) throw invalid(`Status must be one of ${TICKET_STATUSES.join(', ')}.`);
      return change(id, actorId, 'status', (row) => (row.status === status ? null : { values: { status }, data: { from: row.status, to: status } }), check);
    },

    /**
     * The same check as assign/setStatus, for callers that change many tickets (bulk actions): null while ticket `id`
     * is still at `expectedVersion`, otherwise the 409 that says what changed (report it per ticket, or throw it).
     */
    async versionConflict(id: number, expectedVersion: number): Promise<AppError | null> {
      return db.kysely.transaction().execute(async (trx) => {
        const current = await requireTicket(id, trx);
        return current.version === expectedVersion ? null : staleTicketError(repo, trx, current);
      });
    },

    /**
     * A new priority moves the answer-by going forward (its policy hours from now), except that a ticket already
     * overdue keeps its answer-by: the time it is late stays visible until a reply is delivered.
     */
    setPriority(id: number, priority: TicketPriority, actorId: number): Promise<Ticket> {
      if (!TICKET_PRIORITIES.includes(priority)) throw invalid(`Priority must be one of ${TICKET_PRIORITIES.join(', ')}.`);
      return change(id, actorId, 'priority', (row) => {
        if (row.priority === priority) return null;
        const at = now();
        const keptOverdue = isOverdue(row, at.toISOString());
        const answerBy = keptOverdue ? row.answer_by : computeAnswerBy(at, answerHoursFor(priority, config, row.management === 1), config.businessHours).toISOString();
        return { values: { priority, answer_by: answerBy }, data: { from: row.priority, to: priority, answerBy, previousAnswerBy: row.answer_by, keptOverdue } };
      });
    },

    /**
     * The customer wrote again (the inbound-email helper calls this): a next-reply deadline starts at `at` by the
     * ticket's policy, a resolved ticket reopens, and the overdue alert may fire again. A ticket already overdue
     * keeps its answer-by (its lateness is not reset by the customer chasing it).
     */
    async customerReplied(id: number, at: Date): Promise<Ticket> {
      const atIso = at.toISOString();
      const row = await db.kysely.transaction().execute(async (trx) => {
        const current = await requireTicket(id, trx);
        const stillLate = isOverdue(current, atIso);
        const answerBy = stillLate ? current.answer_by : computeAnswerBy(at, answerHoursFor(current.priority, config, current.management === 1), config.businessHours).toISOString();
        await repo.update(trx, id, {
          answer_by: answerBy,
          awaiting_since: stillLate ? current.awaiting_since : atIso,
          answered_at: null,
          overdue_alerted_at: stillLate ? current.overdue_alerted_at : null,
          ...(current.status === 'resolved' ? { status: 'open' as const } : {}),
          updated_at: atIso,
        });
        await repo.addEvent(trx, { ticket_id: id, actor_id: null, type: 'deadline', body: null, data: JSON.stringify({ cause: 'customer_replied', answerBy, keptOverdue: stillLate }), created_at: atIso });
        return (await repo.get(id, trx))!;
      });
      return toTicket(row, nowIso());
    },

    async addNote(id: number, body: string, actorId: number): Promise<TicketEvent> {
      const text = requireText(body, 'note');
      await change(id, actorId, 'note', () => ({ values: {}, data: {}, body: text }));
      return (await repo.events(id)).map(toTicketEvent).filter((e) => e.type === 'note').at(-1)!;
    },

    /** Emails the customer (through the outbox) and keeps the reply in the ticket's thread. */
    async reply(id: number, body: string, actorId: number): Promise<TicketEvent> {
      const text = requireText(body, 'reply');
      const staff = await repo.staffName(actorId);
      if (!staff) throw new AppError('forbidden', 'Only a staff member can reply to a customer.');
      const at = nowIso();
      await db.kysely.transaction().execute(async (trx) => {
        const row = await requireTicket(id, trx);
        const content = stylistReplyEmail({ shopName: config.shop.name, customerName: row.customer_name, ticketId: id, stylistName: staff.name, body: text });
        const outboxId = await deps.mail.enqueue({ kind: 'stylist_reply', to: row.email, ...content, ticketId: id }, trx);
        // The reply answers the customer once its email is delivered (recordDeliveredReplies), not when queued.
        await repo.update(trx, id, { updated_at: at, ...(row.status === 'open' ? { status: 'in_progress' as const } : {}) });
        await repo.addEvent(trx, { ticket_id: id, actor_id: actorId, type: 'reply', body: text, data: JSON.stringify({ outboxId, to: row.email }), created_at: at });
      });
      return (await repo.events(id)).map(toTicketEvent).filter((e) => e.type === 'reply').at(-1)!;
    },

    /** Alerts (once per ticket) on open tickets past their answer-by time without a reply. */
    async checkOverdue(): Promise<number> {
      const at = nowIso();
      await repo.recordDeliveredReplies();
      let alerted = 0;
      for (const row of await repo.overdue(at, 50)) {
        const claimed = await db.kysely.transaction().execute(async (trx) => {
          if (!(await repo.claimOverdueAlert(trx, row.id, at))) return false;
          const late = Math.max(1, Math.round((Date.parse(at) - Date.parse(row.answer_by)) / 60_000));
          await deps.alerts.raise(
            'ticket_overdue',
            `ticket:${row.id}:overdue`,
            `Ticket #${row.id} (${row.priority}) from ${row.customer_name} is ${plural(late, 'minute')} past its answer-by time and has no reply yet.`,
            { ticket: row.id, priority: row.priority, answerBy: row.answer_by, assignee: row.assignee_id ?? 'unassigned', link: `${config.publicUrl}/dashboard/support/tickets/${row.id}` },
            trx,
          );
          return true;
        });
        if (claimed) alerted++;
      }
      return alerted;
    },
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
