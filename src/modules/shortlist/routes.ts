// The shortlist API of the widget (W9): list, save and remove pieces for an anonymous visitor id.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import type { RouteLimit } from '../widget/routes';
import { productSummary } from '../widget/products';
import { ShortlistBody, ShortlistParams, ShortlistQuery } from '../widget/schema';
import { ShortlistJson } from '../widget/response-schema';
import { errorResponses } from '../../http/schemas';

export async function shortlistRoutes(fastify: FastifyInstance, { services, limit }: { services: Services; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { shortlist, analytics } = services;
  const items = async (visitorId: string) => ({ items: (await shortlist.list(visitorId)).map(productSummary) });

  app.get('/api/widget/shortlist', { schema: { summary: 'The visitor\'s saved pieces', querystring: ShortlistQuery, response: { 200: ShortlistJson, ...errorResponses(400, 429) } }, config: limit }, async (request) => items(request.query.visitorId));

  app.post('/api/widget/shortlist', { schema: { summary: 'Save a piece', body: ShortlistBody, response: { 201: ShortlistJson, ...errorResponses(400, 404, 429) } }, config: limit }, async (request, reply) => {
    const { visitorId, productId, sessionId } = request.body;
    await shortlist.add(visitorId, productId);
    await analytics.track('shortlist_add', { sessionId, visitorId, data: { productId, via: 'card' } });
    return reply.status(201).send(await items(visitorId));
  });

  app.delete('/api/widget/shortlist/:productId', { schema: { summary: 'Remove a piece', params: ShortlistParams, querystring: ShortlistQuery, response: { 200: ShortlistJson, ...errorResponses(400, 429) } }, config: limit }, async (request) => {
    const { visitorId } = request.query;
    if (await shortlist.remove(visitorId, request.params.productId)) {
      await analytics.track('shortlist_remove', { visitorId, data: { productId: request.params.productId, via: 'card' } });
    }
    return items(visitorId);
  });
}
