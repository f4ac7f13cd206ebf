// Returns and resizing from the widget (W6): policy check, RMA + timeline event + email in one transaction,
// complex resizes handed to a stylist, and the printable return label behind a per-RMA token.
//
// - submit(sessionId, form, { idempotencyKey?, clientAddress }) → { replies, rma?, ticket? }
// - label(rmaNumber, token) → what the label page prints; AppError not_found for a wrong token
// - setStatus(rmaNumber, change, staffId): staff move an RMA on (status.ts)
import { constantTimeEqual } from '../../crypto';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import type { OrderItemRow, RmaKind } from '../../db/schema';
import { isUniqueViolation } from '../../db/unique-violation';
import { notFound } from '../../errors';
import type { ConversationService } from '../conversations/service';
import type { MailService } from '../mail/service';
import { pieceLabel, rmaCreatedEmail, shippingRule } from '../mail/templates';
import type { OrderDetail, OrderService } from '../orders/service';
import type { OrderTracking } from '../orders/tracking';
import type { Understand } from '../tickets/escalate';
import type { TicketService } from '../tickets/service';
import { CSAT_PROMPT, type FormReply } from '../tickets/stylist-form';
import { checkEligibility, orderIneligibility } from './policy';
import { createRmaStatus } from './status';
import { createRmaRepo, newLabelToken, newRmaNumber, type RmaRow } from './repo';
import type { ReturnFormBody } from './schema';
import { parseJson } from '../../db/json-column';
import { maskCardNumbersIn } from '../../engine/index';
import type { EmailRequester, VisitorEmailLimits } from '../limits/visitor-emails';

export interface ReturnDeps {
  db: Db;
  config: Config;
  now: () => Date;
  orders: Pick<OrderService, 'byNumberAndEmail'>;
  orderTracking: Pick<OrderTracking, 'lookup'>;
  mail: MailService;
  visitorEmails: Pick<VisitorEmailLimits, 'reserveForOrder'>;
  conversations: Pick<ConversationService, 'requireActive' | 'appendExchange'>;
  tickets: Pick<TicketService, 'escalate'>;
  understand: Understand;
}

export interface ReturnAnswer {
  replies: FormReply[];
  rma?: { number: string; kind: RmaKind; labelUrl: string };
  ticket?: { id: number; priority: string; answerBy: string };
}

/** The widget's Idempotency-Key and the client address (order-lookup and email limits). */
export interface ReturnContext {
  idempotencyKey?: string;
  clientAddress: string;
}

export interface LabelView {
  rma: RmaRow;
  orderNumber: string;
  customerName: string;
  /** The customer's shipping address lines (the label's sender). */
  from: string[];
  itemName: string;
  rule: string;
  shopName: string;
  returnAddress: string[];
}

const NOT_FOUND_REPLY: FormReply = {
  type: 'text',
  text: 'We could not find an order with that order number and email address. Please check both (the order number looks like GG-104233 and is in your confirmation email) and try again.',
};

function stylistOffer(order: OrderDetail['order'], message: string): FormReply[] {
  return [
    { type: 'text', text: 'A stylist can look at other options with you.' },
    { type: 'form', form: 'stylist', prefill: { name: order.customer_name, email: order.email, message } },
  ];
}

export function createReturnService(deps: ReturnDeps) {
  const { db, config, now } = deps;
  const repo = createRmaRepo(db.kysely);
  const labelUrl = (rma: RmaRow) => `${config.publicUrl}/returns/${rma.number}/label?token=${rma.label_token}`;

  function rmaAnswer(rma: RmaRow, item: OrderItemRow, orderNumber: string, alreadyOpen: boolean): ReturnAnswer {
    const what = rma.kind === 'return' ? 'return' : `resize to size ${rma.new_size}`;
    const lead = alreadyOpen
      ? `There is already an open ${rma.kind} for ${item.name} from order ${orderNumber}: ${rma.number}.`
      : `Your ${what} of ${item.name} is set up. Your RMA number is ${rma.number}, and we emailed it to you with a prepaid return label.`;
    return {
      replies: [
        { type: 'text', text: `${lead} ${shippingRule(rma.kind, config.returns.shipWithinDays, rma.new_size)}` },
        { type: 'links', links: [{ label: 'Print your return label', href: labelUrl(rma) }] },
        ...(alreadyOpen ? [] : [CSAT_PROMPT]),
      ],
      rma: { number: rma.number, kind: rma.kind, labelUrl: labelUrl(rma) },
    };
  }

  async function createRma(requester: EmailRequester, detail: OrderDetail, item: OrderItemRow, form: ReturnFormBody, key: string | null): Promise<ReturnAnswer> {
    const { order } = detail;
    const at = now().toISOString();
    const reservation = await deps.visitorEmails.reserveForOrder(order.number, requester);
    for (let attempt = 0; ; attempt++) {
      const number = newRmaNumber();
      try {
        const rma = await db.kysely.transaction().execute(async (trx) => {
          const row = await repo.insertWithEvent(
            trx,
            { number, order_id: order.id, order_item_id: item.id, kind: form.kind, reason: [form.reason, form.note].filter(Boolean).join('\n\n'), new_size: form.kind === 'resize' ? form.newSize! : null, status: 'created', rejection_reason: null, status_changed_at: at, conversation_id: requester.sessionId, label_token: newLabelToken(), idempotency_key: key, created_at: at },
            { rmaNumber: number, kind: form.kind, itemId: item.id, itemName: item.name, ...(form.kind === 'resize' ? { newSize: form.newSize } : {}) },
          );
          const content = rmaCreatedEmail({ shopName: config.shop.name, customerName: order.customer_name, rmaNumber: number, orderNumber: order.number, piece: pieceLabel(item), kind: form.kind, newSize: row.new_size, labelUrl: labelUrl(row), shipWithinDays: config.returns.shipWithinDays });
          await deps.mail.enqueue({ kind: 'rma_created', to: order.email, ...content, dedupeKey: `rma:${number}:created` }, trx);
          return row;
        });
        return rmaAnswer(rma, item, order.number, false);
      } catch (error) {
        const collided = isUniqueViolation(error);
        // A concurrent double submit, or another open RMA for this item, won: answer with it.
        const winner = collided ? (key && (await repo.byIdempotencyKey(key))) || (await repo.openForItem(item.id)) : undefined;
        const retry = collided && !winner && attempt < 3; // the RMA number itself collided: draw another
        if (!retry) await reservation.release(); // no email was queued
        if (winner) return rmaAnswer(winner, item, order.number, winner.idempotency_key !== key || key === null);
        if (!retry) throw error; // another failure, or three collisions: give up loudly
      }
    }
  }

  async function toStylist(conversation: { id: string; visitorId: string | null }, detail: OrderDetail, item: OrderItemRow, form: ReturnFormBody, reason: string, context: ReturnContext): Promise<ReturnAnswer> {
    const message = [`Resize request for ${item.name} (order ${detail.order.number}) from size ${item.size} to ${form.newSize}.`, `Reason: ${form.reason}`, form.note ? `Note: ${form.note}` : ''].filter(Boolean).join('\n');
    const { ticket, answerByText } = await deps.tickets.escalate(conversation, { name: detail.order.customer_name, email: detail.order.email, message, urgent: false }, { idempotencyKey: context.idempotencyKey, reasons: ['complex_resizing'], requester: { sessionId: conversation.id, clientAddress: context.clientAddress } });
    return {
      replies: [
        { type: 'text', text: `${reason} I have passed your request to our stylists as ticket #${ticket.id}: a stylist will reply by ${answerByText ?? 'right away'} and we sent a confirmation to your email.` },
        CSAT_PROMPT,
      ],
      ticket: { id: ticket.id, priority: ticket.priority, answerBy: ticket.answerBy },
    };
  }

  async function answer(sessionId: string, form: ReturnFormBody, context: ReturnContext): Promise<{ answer: ReturnAnswer; item?: OrderItemRow }> {
    const conversation = await deps.conversations.requireActive(sessionId);
    const key = context.idempotencyKey ? `${sessionId}:${context.idempotencyKey}` : null;
    const tracked = await deps.orderTracking.lookup({ sessionId, clientAddress: context.clientAddress, orderNumber: form.orderNumber, email: form.email });
    const detail = tracked && (await deps.orders.byNumberAndEmail(tracked.number, form.email));
    if (!detail) return { answer: { replies: [NOT_FOUND_REPLY, { type: 'form', form: 'return', prefill: { kind: form.kind } }] } };

    const previous = key ? await repo.byIdempotencyKey(key) : undefined;
    const item = detail.items.find((i) => i.id === (previous?.order_item_id ?? form.itemId)) ?? (detail.items.length === 1 ? detail.items[0] : undefined);
    if (previous && item) return { answer: rmaAnswer(previous, item, detail.order.number, false), item };
    const notYet = orderIneligibility(detail.order, form.kind);
    // Say so before asking which piece: no piece of a cancelled or undelivered order qualifies.
    if (notYet) return { answer: { replies: [{ type: 'text', text: notYet }, ...stylistOffer(detail.order, `About order ${detail.order.number}: ${notYet}`)] }, item };
    if (!item) {
      const items = detail.items.map((i) => ({ id: i.id, name: i.name, size: i.size, finalSale: i.final_sale === 1 }));
      const text = form.itemId ? 'That piece is not part of this order. Which piece is it about?' : `Order ${detail.order.number} has ${items.length} pieces. Which one is it about?`;
      return { answer: { replies: [{ type: 'text', text }, { type: 'form', form: 'return', prefill: { orderNumber: detail.order.number, email: form.email, kind: form.kind, items } }] } };
    }

    const open = await repo.openForItem(item.id);
    if (open) return { answer: rmaAnswer(open, item, detail.order.number, true), item };
    const wording = `${form.reason} ${form.note ?? ''}`;
    const asksForComplexResize = form.kind === 'resize' && deps.understand(wording).triggers.stylist.includes('complex_resizing');
    const eligibility = checkEligibility(detail.order, item, { kind: form.kind, newSize: form.newSize, asksForComplexResize }, config.returns, now(), config.businessHours.timeZone);
    if (eligibility.outcome === 'ineligible') {
      return { answer: { replies: [{ type: 'text', text: eligibility.reason }, ...stylistOffer(detail.order, `About ${item.name} from order ${detail.order.number}: ${eligibility.reason}`)] }, item };
    }
    if (eligibility.outcome === 'stylist') return { answer: await toStylist(conversation, detail, item, form, eligibility.reason, context), item };
    return { answer: await createRma({ sessionId, clientAddress: context.clientAddress }, detail, item, form, key), item };
  }

  return {
    ...createRmaStatus({ db, config, now, mail: deps.mail }),

    /** The return form: an RMA, a stylist ticket, the reason it is not possible, or the vague "not found". */
    async submit(sessionId: string, typed: ReturnFormBody, context: ReturnContext): Promise<ReturnAnswer> {
      // The reason and note reach the RMA, a stylist ticket and the transcript: no card number goes further.
      const form = maskCardNumbersIn(typed);
      const { answer: result, item } = await answer(sessionId, form, context);
      const what = form.kind === 'resize' ? `Resize to size ${form.newSize}` : 'Return';
      await deps.conversations.appendExchange(sessionId, {
        customerText: `${what}: ${form.orderNumber}${item ? `, ${item.name}` : ''}. Reason: ${form.reason}`,
        replies: result.replies,
        intent: form.kind === 'resize' ? 'resize_request' : 'return_request',
        idempotencyKey: context.idempotencyKey ? `return-form:${context.idempotencyKey}` : undefined,
      });
      return result;
    },

    async label(rmaNumber: string, token: string): Promise<LabelView> {
      const rma = await repo.byNumber(rmaNumber);
      // The same answer for an unknown RMA and a wrong token: the label carries a home address.
      if (!rma || !constantTimeEqual(token, rma.label_token)) throw notFound('That return label');
      const { order, item } = await repo.orderAndItem(rma);
      const address = parseJson<{ line1?: string; line2?: string; city?: string; postalCode?: string; country?: string }>(order.shipping_address, {});
      return {
        rma,
        orderNumber: order.number,
        customerName: order.customer_name,
        from: [order.customer_name, address.line1, address.line2, [address.city, address.postalCode].filter(Boolean).join(' '), address.country].filter((l): l is string => Boolean(l)),
        itemName: item?.name ?? 'Your piece',
        rule: shippingRule(rma.kind, config.returns.shipWithinDays, rma.new_size),
        shopName: config.shop.name,
        returnAddress: config.shop.returnAddress,
      };
    },
  };
}

export type ReturnService = ReturnType<typeof createReturnService>;
