// POST /api/widget/events: analytics from the browser, as JSON or as text/plain from navigator.sendBeacon.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import type { RouteLimit } from './routes';
import { EventBody } from './schema';

export async function widgetEventRoutes(fastify: FastifyInstance, { services, limit }: { services: Services; limit: RouteLimit }) {
  // sendBeacon cannot set a JSON content type without a CORS preflight, so it sends the JSON as text.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('invalid_request', 'The request body is not valid JSON.'), undefined);
    }
  });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/widget/events', { schema: { body: EventBody }, bodyLimit: 8 * 1024, config: limit }, async (request, reply) => {
    const { type, sessionId, visitorId, data } = request.body;
    await services.analytics.track(type, { sessionId, visitorId, data });
    return reply.status(202).send();
  });
}
