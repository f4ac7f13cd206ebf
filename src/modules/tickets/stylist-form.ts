// The widget's stylist form (W7): a ticket, the promised reply time in the customer's words, the transcript.
import type { Config } from '../../config';
import type { ConversationService } from '../conversations/service';
import type { EmailRequester } from '../limits/visitor-emails';
import type { TicketPriority } from '../../db/schema';
import type { TicketService } from './service';
import type { StylistFormBody } from './schema';

export type FormReply =
  | { type: 'text'; text: string }
  | { type: 'links'; links: { label: string; href: string }[] }
  | { type: 'form'; form: 'order_lookup' | 'return' | 'stylist' | 'csat'; prefill: Record<string, string | number | boolean | unknown[]> };

export interface StylistFormAnswer {
  replies: FormReply[];
  ticket: { id: number; priority: TicketPriority; answerBy: string };
}

/** Asked when a flow completes (W10); the widget renders the stars. */
export const CSAT_PROMPT: FormReply = { type: 'form', form: 'csat', prefill: { trigger: 'flow_completed' } };

export function createStylistForm(deps: { config: Config; conversations: Pick<ConversationService, 'requireActive' | 'appendExchange'>; tickets: Pick<TicketService, 'escalate'> }) {
  return {
    async submit(sessionId: string, body: StylistFormBody, context: { idempotencyKey?: string; clientAddress: string }): Promise<StylistFormAnswer> {
      const conversation = await deps.conversations.requireActive(sessionId);
      const request = { name: body.name, email: body.email, message: body.message, urgent: body.urgent ?? false };
      const requester: EmailRequester = { sessionId, clientAddress: context.clientAddress };
      const { ticket, answerByText } = await deps.tickets.escalate(conversation, request, { idempotencyKey: context.idempotencyKey, requester });
      const firstName = ticket.customerName.split(/\s+/)[0];
      const promise = !answerByText
        ? 'You marked this as urgent, so a stylist is contacting you right away.'
        : request.urgent
          ? `You marked this as urgent. We are closed right now, so a stylist will contact you when we open, by ${answerByText}; our on-call team has been alerted.`
          : `A stylist will reply by ${answerByText}.`;
      const replies: FormReply[] = [
        { type: 'text', text: `Thank you, ${firstName}. Your request is ticket #${ticket.id}. ${promise} We sent a confirmation to ${ticket.email}.` },
        CSAT_PROMPT,
      ];
      await deps.conversations.appendExchange(sessionId, {
        customerText: `Stylist request${request.urgent ? ' (urgent)' : ''}: ${request.message}`,
        replies,
        intent: 'stylist_escalation',
        customerEmail: ticket.email,
        // The same form submitted twice is one exchange in the transcript.
        idempotencyKey: `ticket-${ticket.id}`,
      });
      return { replies, ticket: { id: ticket.id, priority: ticket.priority, answerBy: ticket.answerBy } };
    },
  };
}

export type StylistForm = ReturnType<typeof createStylistForm>;
