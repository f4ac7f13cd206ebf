// Schemas of the work-in-volume API (issue 12 item 5): tags, bulk changes, the customer panel, paged CSAT comments,
// CSV exports and the shop settings the dashboard shows times in.
import { Type, type TSchema } from 'typebox';
import { TicketListQuery } from './schema';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const TicketStatusJson = Type.Union([Type.Literal('open'), Type.Literal('in_progress'), Type.Literal('resolved')]);
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const TagText = Type.String({ minLength: 1, maxLength: 40, pattern: '^\\s*[A-Za-z0-9][A-Za-z0-9 _-]*\\s*$', description: 'Letters, digits, spaces and dashes; stored lower-case with dashes' });

/** The list's filters (a saved view and a tag among them), shared by the list and its CSV export. */
export const TicketFilterQuery = TicketListQuery;

export const TagBody = Type.Object({ tag: TagText }, { additionalProperties: false });
export const TagParams = Type.Object({ id: Id, tag: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,29}$' }) });
export const TagsJson = Type.Object({ tags: Type.Array(Type.String()) });
export const TagsInUseJson = Type.Object({ items: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })) });

export const BulkBody = Type.Object(
  {
    /** Each selected ticket with the version the list showed. */
    tickets: Type.Array(Type.Object({ id: Id, version: Id }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
    assigneeId: Type.Optional(Nullable(Id)),
    status: Type.Optional(TicketStatusJson),
  },
  { additionalProperties: false },
);
export const BulkResultJson = Type.Object({
  changed: Type.Array(Type.Integer(), { description: 'The tickets changed' }),
  skipped: Type.Array(
    Type.Object({
      id: Type.Integer(),
      reason: Type.Union([Type.Literal('changed'), Type.Literal('not_found'), Type.Literal('already')]),
      message: Type.String({ description: 'What happened to this ticket, to show the agent' }),
    }),
  ),
});

const Order = Type.Object({ number: Type.String(), status: Type.String(), placedAt: Type.String(), total: Type.Number(), currency: Type.String() });
export const CustomerPanelJson = Type.Object({
  email: Type.String(),
  name: Type.String(),
  tier: Type.Union([Type.Literal('standard'), Type.Literal('vip')]),
  customerSince: Nullable(Type.String()),
  orders: Type.Array(Order),
  tickets: Type.Array(Type.Object({ id: Type.Integer(), status: TicketStatusJson, createdAt: Type.String(), message: Type.String() })),
  ratings: Type.Array(Type.Object({ id: Type.Integer(), rating: Type.Integer(), comment: Type.String(), createdAt: Type.String(), conversationId: Type.String() })),
  /** How many of each there are in all (the lists hold the latest 20). */
  totals: Type.Object({ orders: Type.Integer(), tickets: Type.Integer(), ratings: Type.Integer() }),
});

const Rating = Type.Integer({ minimum: 1, maximum: 5 });
export const CsatCommentsQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  rating: Type.Optional(Rating),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 5, maximum: 100 })),
});
export const RatingsExportQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day), rating: Type.Optional(Rating) });
export const CsatCommentsJson = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), conversationId: Type.String(), rating: Type.Integer(), comment: Type.String(), createdAt: Type.String() })),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const CsvFile = (description: string) => ({ description, content: { 'text/csv': { schema: Type.String({ description: 'CSV with a header row (UTF-8 with a byte-order mark)' }) } } });

export const ShopSettingsJson = Type.Object({
  shopName: Type.String(),
  timeZone: Type.String({ description: 'IANA time zone of the shop (SHOP_TIMEZONE): the dashboard shows times in it' }),
});
