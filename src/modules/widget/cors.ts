// CORS for the widget API with @fastify/cors: a shop embeds the widget on its own origin. No cookies: the session id is in the URL.
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { addCommonErrors, NoBody } from '../../http/schemas';

const WIDGET_API = '/api/widget/';

/** What a widget request (or its preflight) gets: the listed origins, or any with `*`; never credentials. */
function widgetCorsOptions(allowedOrigins: readonly string[]): FastifyCorsOptions {
  return {
    origin: allowedOrigins.includes('*') ? '*' : [...allowedOrigins],
    methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key'],
    maxAge: 600,
    credentials: false,
    // A preflight from an origin that is not listed still gets a 204, without Access-Control-Allow-Origin: the browser refuses.
    strictPreflight: false,
  };
}

/**
 * Adds the CORS headers to every route of the plugin it is registered in and answers their preflights. @fastify/cors
 * answers preflights on an OPTIONS `*` route: any path outside the widget API gets no CORS (a 404, as without it).
 */
export async function installWidgetCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const widget = widgetCorsOptions(allowedOrigins);
  const none: FastifyCorsOptions = { origin: false };
  const isWidgetRequest = (request: FastifyRequest) => (request.routeOptions.url === '*' ? request.url : (request.routeOptions.url ?? '')).startsWith(WIDGET_API);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.method !== 'OPTIONS' || route.url !== '*') return;
    route.schema = { ...route.schema, hide: true, response: { 204: NoBody('A CORS preflight of the widget API') } };
    addCommonErrors(route);
  });
  await app.register(cors, {
    hook: 'onRequest',
    // No Origin header is no cross-origin request: no Access-Control-Allow-Origin, as the browser would not read it anyway.
    delegator: (request, callback) => callback(null, !isWidgetRequest(request) ? none : request.headers.origin ? widget : { ...widget, origin: [] }),
  });
}
