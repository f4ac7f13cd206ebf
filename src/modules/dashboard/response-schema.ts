// Response schemas of the dashboard API: CSAT, analytics, orders, conversations, flags and staff.
import { Type, type TSchema } from 'typebox';
import { errorResponses } from '../../http/schemas';
import type { RmaStatus } from '../../db/schema';
import type { RmaStep } from '../mail/templates';
import { RMA_STATUSES, RMA_STEPS } from '../returns/rma-states';
import { SessionJson } from '../widget/response-schema';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// Not capped at 1: opens and loads are the browser's own reports, so a page can report more opens than loads.
const Rate = Nullable(Type.Number({ minimum: 0, description: 'A share (usually 0 to 1); null when nothing was counted' }));
const Day = Type.String({ description: 'YYYY-MM-DD' });
const Role = Type.Union([Type.Literal('agent'), Type.Literal('admin')]);

/** A read any staff member may make: not signed in is a 401; bad input a 400. */
export const READ_ERRORS = errorResponses(400, 401, 403);
/** A change: also 403 without the CSRF token, 404 for what is gone and 409 for a stale page. */
export const CHANGE_ERRORS = errorResponses(400, 401, 403, 404, 409);

export const CsatSummaryJson = Type.Object({
  from: Day,
  to: Day,
  target: Type.Number(),
  average: Nullable(Type.Number()),
  meetsTarget: Type.Boolean(),
  total: Type.Integer(),
  distribution: Type.Array(Type.Object({ rating: Type.Integer(), count: Type.Integer() })),
  trend: Type.Array(Type.Object({ day: Day, count: Type.Integer(), average: Nullable(Type.Number()) })),
  comments: Type.Array(Type.Object({ id: Type.Integer(), conversationId: Type.String(), rating: Type.Integer(), comment: Type.String(), createdAt: Type.String() })),
});

const Counters = { loaded: Type.Integer(), opened: Type.Integer(), messages: Type.Integer(), errors: Type.Integer() };

export const AnalyticsReportJson = Type.Object({
  from: Day,
  to: Day,
  totals: Type.Object({ ...Counters, interactingSessions: Type.Integer(), convertedSessions: Type.Integer() }),
  openRate: Rate,
  conversionRate: Rate,
  errorRate: Rate,
  intents: Type.Array(Type.Object({ intent: Type.String(), count: Type.Integer() })),
  daily: Type.Array(Type.Object({ day: Day, ...Counters, openRate: Rate, errorRate: Rate })),
});

export const OrderListJson = Type.Object({
  items: Type.Array(
    Type.Object({
      number: Type.String(),
      customerName: Type.String(),
      email: Type.String(),
      status: Type.String(),
      statusLabel: Type.String(),
      placedAt: Type.String(),
      total: Type.Number(),
      currency: Type.String(),
      conciergeSessionId: Nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const OrderDetailJson = Type.Object({
  number: Type.String(),
  customerName: Type.String(),
  email: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  carrier: Nullable(Type.String()),
  trackingNumber: Nullable(Type.String()),
  trackingUrl: Nullable(Type.String()),
  placedAt: Type.String(),
  estimatedDelivery: Nullable(Type.String()),
  subtotal: Type.Number(),
  shipping: Type.Number(),
  total: Type.Number(),
  currency: Type.String(),
  conciergeSessionId: Nullable(Type.String()),
  shippingAddress: Type.Record(Type.String(), Type.String()),
  items: Type.Array(Type.Object({ sku: Type.String(), name: Type.String(), size: Nullable(Type.Number()), quantity: Type.Integer(), unitPrice: Type.Number(), finalSale: Type.Boolean() })),
  timeline: Type.Array(Type.Object({ type: Type.String(), at: Type.String(), label: Type.String() })),
  rmas: Type.Array(
    Type.Object({
      number: Type.String(),
      kind: Type.Union([Type.Literal('return'), Type.Literal('resize')]),
      reason: Type.String(),
      status: Type.Unsafe<RmaStatus>(literals(RMA_STATUSES)),
      rejectionReason: Nullable(Type.String({ description: 'The reason in words, once rejected' })),
      next: Type.Array(Type.Unsafe<RmaStep>(literals(RMA_STEPS)), { description: 'The steps staff may take from here' }),
      newSize: Nullable(Type.Number()),
      items: Type.Array(Type.Object({ name: Type.String(), sku: Type.String(), size: Nullable(Type.Number()) })),
      createdAt: Type.String(),
      statusChangedAt: Type.String(),
    }),
  ),
});

export const ConversationJson = Type.Object({
  id: Type.String(),
  pageUrl: Nullable(Type.String()),
  startedAt: Nullable(Type.String()),
  lastActivityAt: Nullable(Type.String()),
  anonymized: Type.Boolean({ description: 'The retention policy removed the customer\'s words' }),
  messages: SessionJson.properties.messages,
  orders: Type.Array(Type.Object({ number: Type.String(), placedAt: Type.String() })),
  tickets: Type.Array(Type.Object({ id: Type.Integer(), status: Type.String(), createdAt: Type.String() })),
  rating: Nullable(Type.Object({ rating: Type.Integer(), comment: Nullable(Type.String()) })),
});

export const StylistListJson = Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), role: Role })) });

export const FlagListJson = Type.Object({
  items: Type.Array(Type.Object({ name: Type.String(), enabled: Type.Boolean(), updatedAt: Nullable(Type.String()), updatedBy: Nullable(Type.String()) })),
});

const StaffMemberJson = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  disabled: Type.Boolean(),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const StaffListJson = Type.Object({ items: Type.Array(StaffMemberJson) });

/** A staff change; `password` only when the server generated it (shown once). */
export const StaffChangeJson = Type.Object({ member: StaffMemberJson, password: Type.Optional(Type.String({ description: 'The generated password, shown this once' })) });

const TicketStatus = Type.Union([Type.Literal('open'), Type.Literal('in_progress'), Type.Literal('resolved')]);
const TicketPriority = Type.Union([Type.Literal('urgent'), Type.Literal('high'), Type.Literal('normal')]);
const Person = Nullable(Type.Object({ id: Type.Integer(), name: Type.String() }));
const Version = Type.Integer({ description: 'Changes of assignee or status bump it; send it back with a change, a stale one is a 409' });
const Tags = Type.Array(Type.String());

export const TicketListJson = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      customerName: Type.String(),
      email: Type.String(),
      createdAt: Type.String(),
      status: TicketStatus,
      priority: TicketPriority,
      answerBy: Type.String({ description: 'When the next reply is due' }),
      overdue: Type.Boolean(),
      management: Type.Boolean(),
      assignee: Person,
      version: Version,
      tags: Tags,
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  summary: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), unassigned: Type.Integer() }),
  views: Type.Record(Type.String(), Type.Integer(), { description: 'How many tickets each saved view (mine, unassigned, overdue, vip, management) holds' }),
});

export const TicketDetailJson = Type.Object({
  id: Type.Integer(),
  conversationId: Nullable(Type.String()),
  customerName: Type.String(),
  email: Type.String(),
  message: Type.String(),
  urgent: Type.Boolean(),
  tier: Type.Union([Type.Literal('standard'), Type.Literal('vip')]),
  priority: TicketPriority,
  status: TicketStatus,
  answerBy: Type.String(),
  overdue: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  management: Type.Boolean(),
  firstResponseAt: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  channel: Type.String({ description: 'Where the ticket came from (widget, email, contact form…)' }),
  orderId: Nullable(Type.Integer()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Version,
  assignee: Person,
  tags: Tags,
  transcript: Type.Array(Type.Unknown(), { description: 'The chat as the customer saw it when the ticket opened' }),
  shortlist: Type.Array(Type.Unknown(), { description: 'The customer\'s shortlist when the ticket opened' }),
  heldEmails: Type.Array(
    Type.Object({ id: Type.Integer(), from: Type.String(), subject: Type.String(), body: Type.String(), attachments: Type.Array(Type.Object({ name: Type.String(), size: Type.Integer() })), receivedAt: Type.String() }),
    { description: 'Mail to this ticket\'s reply address from another sender, held for review' },
  ),
  events: Type.Array(
    Type.Object({
      id: Type.Integer(),
      type: Type.String(),
      body: Nullable(Type.String()),
      data: Type.Record(Type.String(), Type.Unknown()),
      createdAt: Type.String(),
      actor: Person,
      delivery: Type.Optional(
        Type.Object(
          { status: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]), sentAt: Nullable(Type.String()), error: Nullable(Type.String()) },
          { description: 'A reply\'s email: queued in the outbox, sent, or failed' },
        ),
      ),
    }),
  ),
});
