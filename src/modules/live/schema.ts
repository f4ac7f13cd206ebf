// Schemas of the live dashboard routes: the event stream and presence on a ticket.
import { Type } from 'typebox';

const ViewingOrReplying = Type.Union([Type.Literal('viewing'), Type.Literal('replying')]);

export const TicketIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export const PresenceBody = Type.Object(
  {
    /** A random id of the browser tab (the same agent may have the ticket open twice). */
    clientId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }),
    /** left: the tab closed or moved on. */
    state: Type.Union([ViewingOrReplying, Type.Literal('left')]),
  },
  { additionalProperties: false },
);

const Viewer = Type.Object(
  {
    staffId: Type.Integer(),
    name: Type.String(),
    state: ViewingOrReplying,
    since: Type.String({ description: 'ISO time this person took this state' }),
  },
  { additionalProperties: false },
);

export const PresenceJson = Type.Object(
  {
    viewers: Type.Array(Viewer, { description: 'Other staff with the ticket open now, replying first' }),
    beatMs: Type.Integer({ description: 'How often the page should beat' }),
  },
  { additionalProperties: false },
);

export const ErrorJson = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
});

export const EventStream = Type.String({
  description:
    'text/event-stream: `ready` once listening, then `ticket.created`, `ticket.updated`, `ticket.assigned`, `ticket.status`, `ticket.customer_message`, `csat.rated`, `presence` and `live.resync` (read again: events may have been missed), each with JSON data {type, ticketId?, actorId?, rating?, at}; `signed_out` when the session ends; a comment line as heartbeat.',
});
