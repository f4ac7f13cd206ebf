// Stylist tickets API (D2, D3): list, detail and the actions on one ticket. Any staff member (agent+).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { staffOf } from '../auth/guard';
import { AssignBody, IdParams, NoteBody, PriorityBody, ReplyBody, StatusBody, TicketListQuery } from './schema';

export async function ticketRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { tickets, ticketActions } = services.dashboard;
  const agent = { access: 'agent' } as const;
  const actorOf = (request: Parameters<typeof staffOf>[0]) => staffOf(request).user;

  app.get('/api/dashboard/tickets', { config: agent, schema: { querystring: TicketListQuery } }, async (request) => tickets.list(request.query, actorOf(request).id));

  app.get('/api/dashboard/tickets/:id', { config: agent, schema: { params: IdParams } }, async (request) => tickets.detail(request.params.id));

  app.post('/api/dashboard/tickets/:id/assign', { config: agent, schema: { params: IdParams, body: AssignBody } }, async (request) => {
    await ticketActions.assign(request.params.id, request.body.assigneeId, actorOf(request));
    return tickets.detail(request.params.id);
  });

  app.post('/api/dashboard/tickets/:id/status', { config: agent, schema: { params: IdParams, body: StatusBody } }, async (request) => {
    await ticketActions.setStatus(request.params.id, request.body.status, actorOf(request));
    return tickets.detail(request.params.id);
  });

  app.post('/api/dashboard/tickets/:id/priority', { config: agent, schema: { params: IdParams, body: PriorityBody } }, async (request) => {
    await ticketActions.setPriority(request.params.id, request.body.priority, actorOf(request));
    return tickets.detail(request.params.id);
  });

  app.post('/api/dashboard/tickets/:id/notes', { config: agent, schema: { params: IdParams, body: NoteBody } }, async (request, reply) => {
    await ticketActions.addNote(request.params.id, request.body.body, actorOf(request));
    return reply.code(201).send(await tickets.detail(request.params.id));
  });

  app.post('/api/dashboard/tickets/:id/replies', { config: agent, schema: { params: IdParams, body: ReplyBody } }, async (request, reply) => {
    await ticketActions.reply(request.params.id, request.body, actorOf(request));
    return reply.code(201).send(await tickets.detail(request.params.id));
  });
}
