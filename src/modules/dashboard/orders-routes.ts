// Orders (D6), their returns' statuses and concierge transcripts for any staff member.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { staffOf } from '../auth/guard';
import { ConversationParams, OrderParams, OrderSearchQuery, RmaParams, RmaStatusBody } from './schema';
import { CHANGE_ERRORS, ConversationJson, OrderDetailJson, OrderListJson, READ_ERRORS } from './response-schema';
import { errorResponses } from '../../http/schemas';

export async function orderRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { orders } = services.dashboard;
  const agent = { access: 'agent' } as const;

  app.get('/api/dashboard/orders', { config: agent, schema: { summary: 'Search orders by number, RMA number or email', querystring: OrderSearchQuery, response: { 200: OrderListJson, ...READ_ERRORS } } }, async (request) =>
    orders.search(request.query.q, request.query.page ?? 1, request.query.pageSize ?? 25),
  );

  app.get('/api/dashboard/orders/:number', { config: agent, schema: { summary: 'One order with its items, timeline and RMAs', params: OrderParams, response: { 200: OrderDetailJson, ...READ_ERRORS, ...errorResponses(404) } } }, async (request) => orders.detail(request.params.number));

  // Staff move a return on from the order page; the answer is the order page's data, timeline included.
  app.post('/api/dashboard/rmas/:rmaNumber/status', { config: agent, schema: { summary: 'Move an RMA one step on (`from` is the status the page showed: stale is a 409)', params: RmaParams, body: RmaStatusBody, response: { 200: OrderDetailJson, ...CHANGE_ERRORS } } }, async (request) => {
    const { orderNumber } = await services.returns.setStatus(request.params.rmaNumber, request.body, staffOf(request).user.id);
    return orders.detail(orderNumber);
  });

  app.get('/api/dashboard/conversations/:id', { config: agent, schema: { summary: 'A concierge transcript and what it led to', params: ConversationParams, response: { 200: ConversationJson, ...READ_ERRORS, ...errorResponses(404) } } }, async (request) => orders.conversation(request.params.id));
}
