// A stylist request from the widget becomes a ticket: priority from tier and urgency, an answer-by time in
// business hours, reasons from the engine's triggers, the transcript and shortlist as they were, a
// confirmation email (within the visitor's email caps, without echoing what they typed) and (on a management
// trigger) an alert, all in one transaction. Card numbers in the name or message are masked before anything is kept.
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import type { Insertable, Transaction } from 'kysely';
import type { CustomerTier, Database, TicketPriority, TicketsTable } from '../../db/schema';
import { isUniqueViolation } from '../../db/unique-violation';
import { parseJson } from '../../db/json-column';
import type { AlertService } from '../alerts/service';
import type { ConversationService } from '../conversations/service';
import type { MailService } from '../mail/service';
import { ticketConfirmationEmail } from '../mail/templates';
import type { ShortlistService } from '../shortlist/service';
import { computeAnswerBy, describeAnswerBy, isOpen, nextOpening } from './business-hours';
import type { TicketRepo, TicketRow } from './repo';
import { toTicket, type ShortlistSnapshotItem, type Ticket } from './types';
import { normalizeEmail } from '../../email';
import { maskCardNumbersIn } from '../../engine/index';
import type { EmailRequester, VisitorEmailLimits } from '../limits/visitor-emails';

/** The engine's reading of a message; only its triggers matter here. */
export type Understand = (text: string, context?: { customerTier?: CustomerTier }) => { triggers: { stylist: readonly string[]; management: readonly string[] } };

export interface EscalationDeps {
  db: Db;
  config: Config;
  now: () => Date;
  repo: TicketRepo;
  mail: MailService;
  visitorEmails: Pick<VisitorEmailLimits, 'reserve'>;
  alerts: AlertService;
  conversations: Pick<ConversationService, 'transcript'>;
  shortlist: Pick<ShortlistService, 'list'>;
  understand: Understand;
}

export interface StylistRequest {
  name: string;
  email: string;
  message: string;
  urgent: boolean;
}

export interface EscalationOptions {
  /** The widget's Idempotency-Key: a double submit answers the first ticket. */
  idempotencyKey?: string;
  /** Reasons the caller already knows (e.g. complex_resizing from the returns form). */
  reasons?: string[];
  /** The visitor's session and address: the confirmation email counts against their caps. */
  requester: EmailRequester;
}

export interface Escalation {
  ticket: Ticket;
  created: boolean;
  /** "11:30 AM Monday (ET)"; null when due at once (urgent while the shop is open). */
  answerByText: string | null;
}

/** Management triggers (legal threat, a wrong charge, privacy, an unhappy VIP) get the top priority. */
export function priorityFor(urgent: boolean, tier: CustomerTier, management = false): TicketPriority {
  return urgent || management ? 'urgent' : tier === 'vip' ? 'high' : 'normal';
}

/**
 * Business hours until the promised reply, by policy: a management ticket at the top priority has its own
 * (ANSWER_HOURS_MANAGEMENT), urgent is due at the first open moment, then by tier.
 */
export function answerHoursFor(priority: TicketPriority, config: Config, management = false): number {
  const hours = config.businessHours;
  if (priority === 'urgent') return management ? hours.managementHours : 0;
  return priority === 'high' ? hours.vipHours : hours.standardHours;
}

/** "11:30 AM Monday (ET)"; null when due at once (the shop is open and the request is urgent). */
export function describeDue(row: Pick<TicketRow, 'answer_by' | 'created_at'>, timeZone: string): string | null {
  return row.answer_by <= row.created_at ? null : describeAnswerBy(new Date(row.answer_by), new Date(row.created_at), timeZone);
}

export type NewTicket = Omit<Insertable<TicketsTable>, 'id' | 'priority' | 'answer_by' | 'status' | 'assignee_id' | 'created_at' | 'updated_at' | 'awaiting_since' | 'management' | 'reasons'> & {
  reasons: string[];
  management: string[];
};

function alertParts(config: Config, ticket: TicketRow) {
  return { link: `${config.publicUrl}/dashboard/support/tickets/${ticket.id}`, who: `${ticket.customer_name} (${ticket.tier === 'vip' ? 'VIP' : 'standard'} customer)` };
}

/** Once per ticket and set of reasons: a later form that adds a reason (a legal threat after a wrong charge) alerts again. */
async function raiseManagementAlert(deps: Pick<EscalationDeps, 'config' | 'alerts'>, trx: Transaction<Database>, ticket: TicketRow, reasons: string[]): Promise<void> {
  const { link, who } = alertParts(deps.config, ticket);
  await deps.alerts.raise(
    'management_escalation',
    `ticket:${ticket.id}:management${reasons.length > 0 && ticket.channel === 'chat' ? `:${[...reasons].sort().join('+')}` : ''}`,
    `Management escalation: ticket #${ticket.id} from ${who}: ${reasons.join(', ').replace(/_/g, ' ')}.`,
    { ticket: ticket.id, reasons, priority: ticket.priority, link },
    trx,
  );
}

/**
 * Writes a new ticket in `trx` with its policy deadline, its "created" history event and its alerts: management
 * (once per ticket) and, for an urgent ticket outside business hours, the on-call alert.
 */
export async function openTicket(deps: Pick<EscalationDeps, 'config' | 'alerts'> & { repo: TicketRepo }, trx: Transaction<Database>, fields: NewTicket, at: Date): Promise<TicketRow> {
  const { config } = deps;
  const management = fields.management.length > 0;
  const priority = priorityFor(fields.urgent === 1, fields.tier, management);
  const answerBy = computeAnswerBy(at, answerHoursFor(priority, config, management), config.businessHours).toISOString();
  const ticket = await deps.repo.insert(trx, {
    ...fields,
    reasons: JSON.stringify(fields.reasons),
    management: management ? 1 : 0,
    priority,
    status: 'open',
    assignee_id: null,
    answer_by: answerBy,
    awaiting_since: at.toISOString(),
    created_at: at.toISOString(),
    updated_at: at.toISOString(),
  });
  await deps.repo.addEvent(trx, { ticket_id: ticket.id, actor_id: null, type: 'created', body: ticket.message, data: JSON.stringify({ priority, tier: ticket.tier, answerBy, reasons: fields.reasons, channel: ticket.channel }), created_at: at.toISOString() });
  if (management) await raiseManagementAlert(deps, trx, ticket, fields.management);
  if (priority === 'urgent' && !isOpen(at, config.businessHours)) {
    const { link, who } = alertParts(config, ticket);
    const opening = describeAnswerBy(nextOpening(at, config.businessHours), at, config.businessHours.timeZone);
    await deps.alerts.raise('urgent_after_hours', `ticket:${ticket.id}:on_call`, `On call: urgent ticket #${ticket.id} from ${who} arrived outside business hours; the customer was told ${opening}.`, { ticket: ticket.id, answerBy, link }, trx);
  }
  return ticket;
}

/** The stylist and management triggers the engine finds in the customer's texts, plus those the caller knows. */
export function reasonsFrom(understand: Understand, texts: string[], tier: CustomerTier, extra: string[]): { reasons: string[]; management: string[] } {
  const stylist = new Set<string>(extra);
  const management = new Set<string>();
  for (const text of texts) {
    const { triggers } = understand(text, { customerTier: tier });
    triggers.stylist.forEach((r) => stylist.add(r));
    triggers.management.forEach((r) => management.add(r));
  }
  return { reasons: [...stylist, ...management], management: [...management] };
}

export function createEscalation(deps: EscalationDeps) {
  const { db, config, now, repo } = deps;

  const describe = (row: TicketRow) => describeDue(row, config.businessHours.timeZone);

  async function shortlistSnapshot(visitorId: string | null): Promise<ShortlistSnapshotItem[]> {
    if (!visitorId) return [];
    return (await deps.shortlist.list(visitorId)).map((p) => ({ id: p.id, name: p.name, slug: p.slug, url: `/products/${p.slug}`, price: p.priceCents / 100, currency: p.currency }));
  }

  return async function escalate(conversation: { id: string; visitorId: string | null }, typed: StylistRequest, options: EscalationOptions): Promise<Escalation> {
    const key = options.idempotencyKey ? `${conversation.id}:${options.idempotencyKey}` : null;
    const answered = key ? await repo.byIdempotencyKey(key) : undefined;
    if (answered) return { ticket: toTicket(answered, now().toISOString()), created: false, answerByText: describe(answered) };

    const at = now();
    const request = maskCardNumbersIn(typed);
    const email = normalizeEmail(request.email);
    const tier = await repo.tierOf(email);
    const transcript = await deps.conversations.transcript(conversation.id);
    const customerTexts = transcript.filter((m) => m.role === 'customer' && m.text).map((m) => m.text!);
    const { reasons, management } = reasonsFrom(deps.understand, [request.message, ...customerTexts], tier, options.reasons ?? []);
    const shortlist = await shortlistSnapshot(conversation.visitorId);
    const reservation = await deps.visitorEmails.reserve(email, options.requester);
    const chatTicket = await repo.openChatTicket(conversation.id);
    if (chatTicket) {
      // A management trigger already opened this conversation's ticket: the form adds the customer's details to it.
      const row = await db.kysely
        .transaction()
        .execute(async (trx) => {
          const known = parseJson<string[]>(chatTicket.reasons, []);
          const added = management.filter((reason) => !known.includes(reason));
          const merged = [...new Set([...known, ...reasons])];
          await repo.update(trx, chatTicket.id, { customer_name: request.name.trim(), reasons: JSON.stringify(merged), ...(chatTicket.email ? {} : { email, tier }), updated_at: at.toISOString() });
          await repo.addEvent(trx, { ticket_id: chatTicket.id, actor_id: null, type: 'customer_message', body: request.message.trim(), data: JSON.stringify({ via: 'stylist_form', email }), created_at: at.toISOString() });
          const ticket = (await repo.get(chatTicket.id, trx))!;
          if (added.length > 0) await raiseManagementAlert(deps, trx, ticket, added);
          const content = ticketConfirmationEmail({ shopName: config.shop.name, customerName: ticket.customer_name, ticketId: ticket.id, answerBy: describe(ticket) });
          await deps.mail.enqueue({ kind: 'ticket_confirmation', to: ticket.email, ...content, dedupeKey: `ticket:${ticket.id}:confirmation`, ticketId: ticket.id }, trx);
          return ticket;
        })
        .catch(async (error: unknown) => {
          await reservation.release();
          throw error;
        });
      return { ticket: toTicket(row, at.toISOString()), created: false, answerByText: describe(row) };
    }

    try {
      const row = await db.kysely.transaction().execute(async (trx) => {
        const ticket = await openTicket(deps, trx, {
          conversation_id: conversation.id,
          customer_name: request.name.trim(),
          email,
          message: request.message.trim(),
          urgent: request.urgent ? 1 : 0,
          tier,
          reasons,
          management,
          transcript: JSON.stringify(transcript),
          shortlist: JSON.stringify(shortlist),
          idempotency_key: key,
          order_id: null,
          channel: 'widget',
        }, at);
        const content = ticketConfirmationEmail({ shopName: config.shop.name, customerName: ticket.customer_name, ticketId: ticket.id, answerBy: describe(ticket) });
        await deps.mail.enqueue({ kind: 'ticket_confirmation', to: email, ...content, dedupeKey: `ticket:${ticket.id}:confirmation`, ticketId: ticket.id }, trx);
        return ticket;
      });
      return { ticket: toTicket(row, at.toISOString()), created: true, answerByText: describe(row) };
    } catch (error) {
      await reservation.release(); // nothing was queued
      const winner = key && isUniqueViolation(error) ? await repo.byIdempotencyKey(key) : undefined;
      if (winner) return { ticket: toTicket(winner, now().toISOString()), created: false, answerByText: describe(winner) };
      throw error;
    }
  };
}
