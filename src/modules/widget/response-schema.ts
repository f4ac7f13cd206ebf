// Response schemas of the widget API (docs/widget-api.md): reply blocks, sessions, chat turns and the forms' answers.
import { Type } from 'typebox';
import { errorResponses, NoBody } from '../../http/schemas';

const Open = { additionalProperties: true } as const;

export const ProductSummaryJson = Type.Object({
  id: Type.Union([Type.Integer(), Type.String()]),
  slug: Type.Optional(Type.String()),
  name: Type.String(),
  price: Type.Number({ description: 'In major units (dollars), in `currency`' }),
  currency: Type.Optional(Type.String()),
  category: Type.String(),
  metal: Type.String(),
  stone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  url: Type.Optional(Type.String()),
  imageUrl: Type.Optional(Type.String()),
});

const OrderStatusJson = Type.Object(
  {
    number: Type.String(),
    status: Type.String({ description: 'processing, shipped, out_for_delivery, delivered, delayed or cancelled' }),
    statusLabel: Type.String(),
    carrier: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    trackingNumber: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    trackingUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    estimatedDelivery: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    timeline: Type.Array(Type.Object({ type: Type.String(), at: Type.String(), label: Type.String() }, Open)),
  },
  Open,
);

const Link = Type.Object({ label: Type.String(), href: Type.String() });

/**
 * A reply block: structured, never HTML (the widget renders text as text). The known shapes first; a stored
 * conversation keeps the blocks of the version that answered, so any `{type, …}` object may appear.
 */
export const ReplyBlockJson = Type.Union(
  [
    Type.Object({ type: Type.Literal('text'), text: Type.String() }, Open),
    Type.Object({ type: Type.Literal('products'), items: Type.Array(ProductSummaryJson) }, Open),
    Type.Object({ type: Type.Literal('order_status'), order: OrderStatusJson }, Open),
    Type.Object({ type: Type.Literal('form'), form: Type.String({ description: 'order_lookup, return, stylist or csat' }), prefill: Type.Record(Type.String(), Type.Unknown()) }, Open),
    Type.Object({ type: Type.Literal('links'), links: Type.Array(Link) }, Open),
    Type.Object({ type: Type.Literal('quick_replies'), options: Type.Array(Type.Object({ label: Type.String(), text: Type.String({ description: 'Sent as the next message when chosen' }) })) }, Open),
    Type.Object({ type: Type.String() }, { ...Open, description: 'A block of another kind (ignored by a widget that does not know it)' }),
  ],
  { description: 'A reply block' },
);
const Replies = Type.Array(ReplyBlockJson);

export const WidgetConfigJson = Type.Object({
  enabled: Type.Boolean({ description: 'The widget_enabled switch: off, the loader renders nothing' }),
  brand: Type.Object({ name: Type.String(), shopName: Type.String() }),
  contact: Type.Object({ url: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]) }),
  streaming: Type.Boolean({ description: 'LLM mode is on: chat turns can be streamed from POST …/messages/stream' }),
});

export const SessionStartedJson = Type.Object({ sessionId: Type.String(), expiresAt: Type.String({ description: 'ISO 8601' }), replies: Replies });

export const SessionJson = Type.Object({
  sessionId: Type.String(),
  expiresAt: Type.String(),
  messages: Type.Array(
    Type.Object({
      id: Type.Integer(),
      role: Type.Union([Type.Literal('customer'), Type.Literal('concierge'), Type.Literal('system')]),
      text: Type.Optional(Type.String()),
      blocks: Type.Optional(Replies),
      intent: Type.Optional(Type.String()),
      createdAt: Type.String(),
    }),
  ),
});

export const ChatAnswerJson = Type.Object({
  intent: Type.String(),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  replies: Replies,
  messageId: Type.Integer(),
});

export const RepliesJson = Type.Object({ replies: Replies });

const TicketRef = Type.Object({ id: Type.Integer(), priority: Type.String({ description: 'urgent, high or normal' }), answerBy: Type.String({ description: 'When a stylist\'s reply is due (ISO 8601)' }) });

export const StylistAnswerJson = Type.Object({ replies: Replies, ticket: TicketRef });

export const ReturnAnswerJson = Type.Object({
  replies: Replies,
  rma: Type.Optional(Type.Object({ number: Type.String(), kind: Type.Union([Type.Literal('return'), Type.Literal('resize')]), labelUrl: Type.String() })),
  ticket: Type.Optional(TicketRef),
});

export const CsatAnswerJson = Type.Object({
  replies: Replies,
  rating: Type.Object({ rating: Type.Integer(), comment: Type.Union([Type.String(), Type.Null()]), trigger: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), updatedAt: Type.String() }),
});

export const ShortlistJson = Type.Object({ items: Type.Array(ProductSummaryJson) });

export const Accepted = NoBody('Recorded');

/** What a session's routes can answer besides success: a bad field, an unknown or expired session, the limits, the switch. */
export const SESSION_ERRORS = errorResponses(400, 404, 429, 503);
