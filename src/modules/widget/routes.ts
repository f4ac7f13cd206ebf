// The widget API (docs/widget-api.md): CORS for the shop's origins, a per-address rate limit, and the route files.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { csatFormRoutes } from '../csat/routes';
import { returnFormRoutes } from '../returns/routes';
import { shortlistRoutes } from '../shortlist/routes';
import { stylistFormRoutes } from '../tickets/routes';
import { createChatService } from './chat-service';
import { widgetConfigRoutes } from './config-routes';
import { installWidgetCors } from './cors';
import { widgetEventRoutes } from './event-routes';
import { widgetMessageRoutes } from './message-routes';
import { widgetOrderLookupRoutes } from './order-lookup-routes';
import { widgetSessionRoutes } from './session-routes';

/** The `config` every widget route carries: @fastify/rate-limit (registered with global: false) reads it. */
export interface RouteLimit {
  rateLimit: { max: number; timeWindow: number };
}

export async function widgetRoutes(app: FastifyInstance, { services }: { services: Services }) {
  installWidgetCors(app, '/api/widget', services.config.widget.allowedOrigins);
  const limit: RouteLimit = { rateLimit: { max: services.config.widget.rateLimitPerMinute, timeWindow: 60_000 } };
  const chat = createChatService(services);

  await app.register(widgetConfigRoutes, { services, limit });
  await app.register(widgetSessionRoutes, { chat, limit });
  await app.register(widgetMessageRoutes, { chat, limit });
  await app.register(widgetOrderLookupRoutes, { chat, limit });
  await app.register(widgetEventRoutes, { services, limit });
  await app.register(shortlistRoutes, { services, limit });
  // The flow forms live with their capability; registered here, they share the widget API's CORS and limit.
  await app.register(stylistFormRoutes, { services, limit });
  await app.register(returnFormRoutes, { services, limit });
  await app.register(csatFormRoutes, { services, limit });
}
