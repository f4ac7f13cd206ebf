// CORS for the widget API: a shop embeds the widget on its own origin. No cookies: the session id is in the URL.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ALLOWED_METHODS = 'GET, POST, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key';

export function isOriginAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes('*') || allowed.includes(origin);
}

/** Adds the CORS headers to every route of the plugin it is registered in, and answers preflights under `prefix`. */
export function installWidgetCors(app: FastifyInstance, prefix: string, allowedOrigins: readonly string[]): void {
  const allowOrigin = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const origin = request.headers.origin;
    reply.header('Vary', 'Origin');
    if (!origin || !isOriginAllowed(origin, allowedOrigins)) return false;
    reply.header('Access-Control-Allow-Origin', allowedOrigins.includes('*') ? '*' : origin);
    return true;
  };

  app.addHook('onRequest', async (request, reply) => {
    allowOrigin(request, reply);
  });

  app.options(`${prefix}/*`, async (request, reply) => {
    if (!allowOrigin(request, reply)) return reply.status(204).send();
    return reply
      .header('Access-Control-Allow-Methods', ALLOWED_METHODS)
      .header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      .header('Access-Control-Max-Age', '600')
      .status(204)
      .send();
  });
}
