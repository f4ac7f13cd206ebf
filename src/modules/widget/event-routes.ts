// POST /api/widget/events: analytics from the browser, as JSON or as text/plain from navigator.sendBeacon; and the
// server's own count of the widget requests it failed.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import type { RouteLimit } from './routes';
import { EventBody } from './schema';
import { errorResponses } from '../../http/schemas';
import { Accepted } from './response-schema';

/**
 * Records a `server_error` event for every widget API request that failed on the server (a 5xx that is not a
 * deliberate AppError answer such as widget_disabled). The error-rate alert counts these, not the browser's
 * `error` events: anyone can post those, and 500 forged ones would raise the alert.
 */
export function countServerErrors(app: FastifyInstance, analytics: Services['analytics']): void {
  app.addHook('onError', async (request, _reply, error: FastifyError | AppError) => {
    const failed = error instanceof AppError ? error.code === 'internal' : (error.statusCode ?? 500) >= 500;
    if (failed) await analytics.track('server_error', { data: { route: request.routeOptions.url ?? 'unknown' } });
  });
}

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

  app.post('/api/widget/events', { schema: { summary: 'An analytics event from the browser (JSON, or text/plain from sendBeacon)', body: EventBody, response: { 202: Accepted, ...errorResponses(400, 429) } }, bodyLimit: 8 * 1024, config: limit }, async (request, reply) => {
    const { type, sessionId, visitorId, data } = request.body;
    await services.analytics.track(type, { sessionId, visitorId, data });
    return reply.status(202).send();
  });
}
