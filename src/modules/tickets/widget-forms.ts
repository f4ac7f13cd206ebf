// What the widget's flow forms (stylist, return, CSAT) share: CORS headers like the rest of the widget API,
// the per-address rate limit, 400s with details.fields, and the idempotency key scoped to the session.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import type { Services } from '../../services';
import { isOriginAllowed } from '../widget/cors';
import { formValidationError } from '../widget/form-errors';
import type { RouteLimit } from '../widget/routes';

/** Adds Access-Control-Allow-Origin for the shop's origins (the widget's own plugin answers the preflights). */
export function installFormCors(app: FastifyInstance, services: Services): void {
  const allowed = services.config.widget.allowedOrigins;
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    reply.header('Vary', 'Origin');
    if (origin && isOriginAllowed(origin, allowed)) reply.header('Access-Control-Allow-Origin', allowed.includes('*') ? '*' : origin);
  });
}

export function formLimit(services: Services): RouteLimit {
  return { rateLimit: { max: services.config.widget.rateLimitPerMinute, timeWindow: 60_000 } };
}

/** Turns a schema failure of the body into a 400 naming each field; anything else (path, header) as is. */
export function rejectInvalidForm(request: FastifyRequest, schema: TSchema, messages: Record<string, string>): void {
  const error = request.validationError;
  if (!error) return;
  if (error.validationContext !== 'body') throw error;
  throw formValidationError(schema, request.body, messages);
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
}
