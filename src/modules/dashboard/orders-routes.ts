// Orders (D6), their returns' statuses and concierge transcripts for any staff member.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { staffOf } from '../auth/guard';
import { ConversationParams, OrderParams, OrderSearchQuery, RmaParams, RmaStatusBody } from './schema';

export async function orderRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { orders } = services.dashboard;
  const agent = { access: 'agent' } as const;

  app.get('/api/dashboard/orders', { config: agent, schema: { querystring: OrderSearchQuery } }, async (request) =>
    orders.search(request.query.q, request.query.page ?? 1, request.query.pageSize ?? 25),
  );

  app.get('/api/dashboard/orders/:number', { config: agent, schema: { params: OrderParams } }, async (request) => orders.detail(request.params.number));

  // Staff move a return on from the order page; the answer is the order page's data, timeline included.
  app.post('/api/dashboard/rmas/:rmaNumber/status', { config: agent, schema: { params: RmaParams, body: RmaStatusBody } }, async (request) => {
    const { orderNumber } = await services.returns.setStatus(request.params.rmaNumber, request.body, staffOf(request).user.id);
    return orders.detail(orderNumber);
  });

  app.get('/api/dashboard/conversations/:id', { config: agent, schema: { params: ConversationParams } }, async (request) => orders.conversation(request.params.id));
}
