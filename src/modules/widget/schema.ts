// Request schemas of the widget API (docs/widget-api.md).
import { Type, type Static } from 'typebox';
import { SESSION_ID_PATTERN } from '../conversations/session-id';
import type { EventType } from '../analytics/service';
import { MAX_MESSAGE_LENGTH } from './message-limit';

export { MAX_MESSAGE_LENGTH };
export const VISITOR_ID_PATTERN = '^[A-Za-z0-9_-]{8,64}$';

const VisitorId = Type.String({ pattern: VISITOR_ID_PATTERN });
/** The catalog id, or the product page's slug. */
const ProductRef = Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.String({ pattern: '^[a-z0-9-]{1,200}$' })]);

export const SessionParams = Type.Object({ sessionId: Type.String({ maxLength: 64 }) });
export type SessionParams = Static<typeof SessionParams>;

export const CreateSessionBody = Type.Union([
  Type.Object({
    pageUrl: Type.Optional(Type.String({ maxLength: 2000 })),
    productId: Type.Optional(ProductRef),
    visitorId: Type.Optional(VisitorId),
  }),
  Type.Null(),
]);
export type CreateSessionBody = Static<typeof CreateSessionBody>;

export const MessageBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH, pattern: '\\S' }),
  productId: Type.Optional(ProductRef),
});
export type MessageBody = Static<typeof MessageBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{8,128}$' })),
});

export const OrderLookupBody = Type.Object({
  orderNumber: Type.String({ minLength: 1, maxLength: 40, pattern: '^\\s*#?\\s*[A-Za-z]{2}[\\s-]*\\d{4,8}\\s*$' }),
  email: Type.String({ minLength: 3, maxLength: 254, pattern: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$' }),
});
export type OrderLookupBody = Static<typeof OrderLookupBody>;

/** What a browser may report; the server records messages, lookups, shortlist changes and purchases itself. */
export const CLIENT_EVENT_TYPES = ['widget_loaded', 'widget_opened', 'widget_closed', 'product_shown', 'product_clicked', 'error'] as const satisfies readonly EventType[];

const EventValue = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean(), Type.Null()]);

export const EventBody = Type.Object({
  type: Type.Union(CLIENT_EVENT_TYPES.map((t) => Type.Literal(t))),
  sessionId: Type.Optional(Type.String({ pattern: SESSION_ID_PATTERN })),
  visitorId: Type.Optional(VisitorId),
  data: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), EventValue, { maxProperties: 20 })),
});
export type EventBody = Static<typeof EventBody>;

export const ShortlistQuery = Type.Object({ visitorId: VisitorId });
export const ShortlistBody = Type.Object({
  visitorId: VisitorId,
  productId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  sessionId: Type.Optional(Type.String({ pattern: SESSION_ID_PATTERN })),
});
export const ShortlistParams = Type.Object({ productId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
