// A stylist request from the widget becomes a ticket: priority from tier and urgency, an answer-by time in
// business hours, reasons from the engine's triggers, the transcript and shortlist as they were, a
// confirmation email (within the visitor's email caps, without echoing what they typed) and (on a management
// trigger) an alert, all in one transaction. Card numbers in the name or message are masked before anything is kept.
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import type { CustomerTier, TicketPriority } from '../../db/schema';
import { isUniqueViolation } from '../../db/unique-violation';
import type { AlertService } from '../alerts/service';
import type { ConversationService } from '../conversations/service';
import type { MailService } from '../mail/service';
import { ticketConfirmationEmail } from '../mail/templates';
import type { ShortlistService } from '../shortlist/service';
import { computeAnswerBy, describeAnswerBy } from './business-hours';
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
  /** "11:30 AM Monday (ET)"; null when urgent (a stylist reaches out right away). */
  answerByText: string | null;
}

export function priorityFor(urgent: boolean, tier: CustomerTier): TicketPriority {
  return urgent ? 'urgent' : tier === 'vip' ? 'high' : 'normal';
}

/** Business hours until the promised reply: 0 (immediate) for urgent, then by tier. */
export function answerHoursFor(priority: TicketPriority, config: Config): number {
  return priority === 'urgent' ? 0 : priority === 'high' ? config.businessHours.vipHours : config.businessHours.standardHours;
}

export function createEscalation(deps: EscalationDeps) {
  const { db, config, now, repo } = deps;

  function describe(row: TicketRow): Escalation['answerByText'] {
    return row.priority === 'urgent' ? null : describeAnswerBy(new Date(row.answer_by), new Date(row.created_at), config.businessHours.timeZone);
  }

  function reasonsFrom(texts: string[], tier: CustomerTier, extra: string[]): { reasons: string[]; management: string[] } {
    const stylist = new Set<string>(extra);
    const management = new Set<string>();
    for (const text of texts) {
      const { triggers } = deps.understand(text, { customerTier: tier });
      triggers.stylist.forEach((r) => stylist.add(r));
      triggers.management.forEach((r) => management.add(r));
    }
    return { reasons: [...stylist, ...management], management: [...management] };
  }

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
    const { reasons, management } = reasonsFrom([request.message, ...customerTexts], tier, options.reasons ?? []);
    const priority = priorityFor(request.urgent, tier);
    const answerBy = computeAnswerBy(at, answerHoursFor(priority, config), config.businessHours).toISOString();
    const shortlist = await shortlistSnapshot(conversation.visitorId);
    const reservation = await deps.visitorEmails.reserve(email, options.requester);

    try {
      const row = await db.kysely.transaction().execute(async (trx) => {
        const ticket = await repo.insert(trx, {
          conversation_id: conversation.id,
          customer_name: request.name.trim(),
          email,
          message: request.message.trim(),
          urgent: request.urgent ? 1 : 0,
          tier,
          priority,
          status: 'open',
          assignee_id: null,
          answer_by: answerBy,
          reasons: JSON.stringify(reasons),
          management: management.length > 0 ? 1 : 0,
          transcript: JSON.stringify(transcript),
          shortlist: JSON.stringify(shortlist),
          idempotency_key: key,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        });
        await repo.addEvent(trx, { ticket_id: ticket.id, actor_id: null, type: 'created', body: ticket.message, data: JSON.stringify({ priority, tier, answerBy, reasons }), created_at: at.toISOString() });
        const content = ticketConfirmationEmail({ shopName: config.shop.name, customerName: ticket.customer_name, ticketId: ticket.id, answerBy: describe(ticket) });
        await deps.mail.enqueue({ kind: 'ticket_confirmation', to: email, ...content, dedupeKey: `ticket:${ticket.id}:confirmation`, ticketId: ticket.id }, trx);
        if (management.length > 0) {
          await deps.alerts.raise(
            'management_escalation',
            `ticket:${ticket.id}:management`,
            `Management escalation: ticket #${ticket.id} from ${ticket.customer_name} (${tier === 'vip' ? 'VIP' : 'standard'} customer): ${management.join(', ').replace(/_/g, ' ')}.`,
            { ticket: ticket.id, reasons: management, priority, link: `${config.publicUrl}/dashboard/support/tickets/${ticket.id}` },
            trx,
          );
        }
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
