// Request schemas of the dashboard API: every query, path parameter and body is validated here.
import { Type, type Static } from 'typebox';
import { REJECTION_REASONS, RMA_STATUSES, RMA_STEPS, type RejectionReason } from '../returns/rma-states';
import { TICKET_VIEWS } from './tickets-filters';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const TICKET_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal'] as const;
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export const TicketListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 254 })),
  status: Type.Optional(literals(TICKET_STATUSES)),
  priority: Type.Optional(literals(TICKET_PRIORITIES)),
  assignee: Type.Optional(Type.String({ pattern: '^(me|unassigned|[0-9]{1,9})$' })),
  sort: Type.Optional(literals(['created', 'answer_by', 'priority', 'status', 'customer'] as const)),
  dir: Type.Optional(literals(['asc', 'desc'] as const)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 5, maximum: 100 })),
  /** A saved view (mine, unassigned, overdue, vip, management) and a tag narrow the list further. */
  view: Type.Optional(literals(TICKET_VIEWS)),
  tag: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,29}$' })),
});
export type TicketListQuery = Static<typeof TicketListQuery>;

/** The ticket's version the page showed: when the assignee or status changed since, the change is a 409. */
const SeenVersion = Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }));
export const AssignBody = Type.Object({ assigneeId: Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()]), version: SeenVersion }, { additionalProperties: false });
export const StatusBody = Type.Object({ status: literals(TICKET_STATUSES), version: SeenVersion }, { additionalProperties: false });
export const PriorityBody = Type.Object({ priority: literals(TICKET_PRIORITIES) }, { additionalProperties: false });
export const NoteBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }) }, { additionalProperties: false });
export const ReplyBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 10_000, pattern: '\\S' }) }, { additionalProperties: false });

export const RangeQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) });

export const OrderSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 254 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 5, maximum: 100 })),
});
export const OrderParams = Type.Object({ number: Type.String({ pattern: '^[A-Za-z]{2}-?\\d{4,7}$', maxLength: 12 }) });
export const RmaParams = Type.Object({ rmaNumber: Type.String({ pattern: '^RMA-[A-Z0-9]{8}$' }) });
export const RmaStatusBody = Type.Object({
  /** The status the page showed: a stale page gets a 409 instead of overwriting a colleague's step. */
  from: literals(RMA_STATUSES),
  to: literals(RMA_STEPS),
  rejectionReason: Type.Optional(literals(Object.keys(REJECTION_REASONS) as RejectionReason[])),
});
export const ConversationParams = Type.Object({ id: Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });

export const FlagParams = Type.Object({ name: Type.String({ pattern: '^[a-z_]{1,50}$' }) });
export const FlagBody = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });

export const NewStaffBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    role: literals(['agent', 'admin'] as const),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const ResetPasswordBody = Type.Object({ password: Type.Optional(Type.String({ minLength: 12, maxLength: 200 })) }, { additionalProperties: false });
