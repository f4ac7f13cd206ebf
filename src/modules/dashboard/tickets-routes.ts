// Stylist tickets API (D2, D3): list, detail and the actions on one ticket. Any staff member (agent+).
// Reads are the dashboard's own queries (search, sort, summary, names in the history); every change goes
// through the tickets service, which writes the ticket and its history event in one transaction.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { invalid } from '../../errors';
import { staffOf } from '../auth/guard';
import { AssignBody, IdParams, NoteBody, PriorityBody, ReplyBody, StatusBody, TicketListQuery } from './schema';
import { CHANGE_ERRORS, READ_ERRORS, TicketDetailJson, TicketListJson } from './response-schema';
import { errorResponses } from '../../http/schemas';

/** Tickets go to people who can work them: an active staff account (or nobody). */
export async function assertActiveStaff(services: Services, staffId: number | null) {
  if (staffId === null) return;
  const member = await services.staff.get(staffId).catch(() => undefined);
  if (!member || member.disabled) throw invalid('Choose an active staff member to assign.');
}

export async function dashboardTicketRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { tickets } = services.dashboard;
  const actions = services.tickets;
  const agent = { access: 'agent' } as const;
  const actorId = (request: Parameters<typeof staffOf>[0]) => staffOf(request).user.id;

  app.get('/api/dashboard/tickets', { config: agent, schema: { summary: 'Stylist tickets: search, filter, sort, pages', querystring: TicketListQuery, response: { 200: TicketListJson, ...READ_ERRORS } } }, async (request) => tickets.list(request.query, actorId(request)));

  app.get('/api/dashboard/tickets/:id', { config: agent, schema: { summary: 'One ticket with its transcript, shortlist and history', params: IdParams, response: { 200: TicketDetailJson, ...READ_ERRORS, ...errorResponses(404) } } }, async (request) => tickets.detail(request.params.id));

  app.post('/api/dashboard/tickets/:id/assign', { config: agent, schema: { summary: 'Assign (null: unassign)', params: IdParams, body: AssignBody, response: { 200: TicketDetailJson, ...CHANGE_ERRORS } } }, async (request) => {
    await assertActiveStaff(services, request.body.assigneeId);
    await actions.assign(request.params.id, request.body.assigneeId, actorId(request), { expectedVersion: request.body.version });
    return tickets.detail(request.params.id);
  });

  app.post('/api/dashboard/tickets/:id/status', { config: agent, schema: { summary: 'Change the status', params: IdParams, body: StatusBody, response: { 200: TicketDetailJson, ...CHANGE_ERRORS } } }, async (request) => {
    await actions.setStatus(request.params.id, request.body.status, actorId(request), { expectedVersion: request.body.version });
    return tickets.detail(request.params.id);
  });

  app.post('/api/dashboard/tickets/:id/priority', { config: agent, schema: { summary: 'Change the priority (moves the answer-by time)', params: IdParams, body: PriorityBody, response: { 200: TicketDetailJson, ...CHANGE_ERRORS } } }, async (request) => {
    await actions.setPriority(request.params.id, request.body.priority, actorId(request));
    return tickets.detail(request.params.id);
  });

  app.post('/api/dashboard/tickets/:id/notes', { config: agent, schema: { summary: 'Add an internal note', params: IdParams, body: NoteBody, response: { 201: TicketDetailJson, ...CHANGE_ERRORS } } }, async (request, reply) => {
    await actions.addNote(request.params.id, request.body.body, actorId(request));
    return reply.code(201).send(await tickets.detail(request.params.id));
  });

  app.post('/api/dashboard/tickets/:id/replies', { config: agent, schema: { summary: 'Email the customer a reply (through the outbox)', params: IdParams, body: ReplyBody, response: { 201: TicketDetailJson, ...CHANGE_ERRORS } } }, async (request, reply) => {
    await actions.reply(request.params.id, request.body.body, actorId(request));
    return reply.code(201).send(await tickets.detail(request.params.id));
  });
}
