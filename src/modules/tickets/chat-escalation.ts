// A management trigger said in chat (legal threat, wrong charge, privacy, an unhappy VIP) opens a flagged,
// top-priority ticket with the transcript and alerts the team at once, whether or not the customer sends a form.
// One ticket per conversation and trigger: the same trigger said again (or a retried turn) answers the first.
import type { Db } from '../../db/connection';
import { isUniqueViolation } from '../../db/unique-violation';
import { maskCardNumbers } from '../../engine/index';
import type { ConversationService } from '../conversations/service';
import type { TicketRow } from './repo';
import type { TicketService } from './service';
import { UNNAMED_CHAT_CUSTOMER } from '../mail/templates';

export interface ChatTrigger {
  conversationId: string;
  /** What the customer just typed (this turn is not in the stored transcript yet). */
  text: string;
  /** The engine's reasons on the `offer_stylist` action. */
  reasons: readonly string[];
  /** The email the conversation knows (an order lookup, a form), if any. */
  email: string | null;
}

export interface ChatTicket {
  ticket: TicketRow;
  created: boolean;
  /** "10:00 AM today (ET)"; null when due at once. */
  answerByText: string | null;
}

const UNNAMED = UNNAMED_CHAT_CUSTOMER;

export function createChatEscalation(deps: {
  db: Db;
  now: () => Date;
  tickets: Pick<TicketService, 'open' | 'tierOf' | 'reasonsOf' | 'describeDue' | 'byIdempotencyKey'>;
  conversations: Pick<ConversationService, 'transcript'>;
}) {
  const answer = (ticket: TicketRow, created: boolean): ChatTicket => ({ ticket, created, answerByText: deps.tickets.describeDue(ticket) });

  return async function openFromChat(trigger: ChatTrigger): Promise<ChatTicket> {
    const key = `${trigger.conversationId}:chat:${[...new Set(trigger.reasons)].sort().join('+')}`;
    const existing = await deps.tickets.byIdempotencyKey(key);
    if (existing) return answer(existing, false);
    const at = deps.now();
    const text = maskCardNumbers(trigger.text.trim());
    const email = trigger.email ?? '';
    const tier = email ? await deps.tickets.tierOf(email) : 'standard';
    const found = deps.tickets.reasonsOf([text], tier, [...trigger.reasons]);
    // The engine said management; its reasons stand when this reading alone finds none.
    const management = found.management.length > 0 ? found.management : [...trigger.reasons];
    const transcript = [...(await deps.conversations.transcript(trigger.conversationId)), { id: 0, role: 'customer', text, createdAt: at.toISOString() }];
    try {
      const row = await deps.db.kysely.transaction().execute((trx) =>
        deps.tickets.open(
          trx,
          {
            conversation_id: trigger.conversationId,
            customer_name: UNNAMED,
            email,
            message: text,
            urgent: 0,
            tier,
            reasons: found.reasons,
            management,
            transcript: JSON.stringify(transcript),
            shortlist: '[]',
            idempotency_key: key,
            order_id: null,
            channel: 'chat',
          },
          at,
        ),
      );
      return answer(row, true);
    } catch (error) {
      const winner = isUniqueViolation(error) ? await deps.tickets.byIdempotencyKey(key) : undefined;
      if (winner) return answer(winner, false);
      throw error;
    }
  };
}

export type OpenFromChat = ReturnType<typeof createChatEscalation>;
