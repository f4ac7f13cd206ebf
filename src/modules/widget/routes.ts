// The widget API (docs/widget-api.md): CORS for the shop's origins, a per-address rate limit, and the route files.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { csatFormRoutes } from '../csat/routes';
import type { FlagService } from '../flags/service';
import { returnFormRoutes } from '../returns/routes';
import { shortlistRoutes } from '../shortlist/routes';
import { stylistFormRoutes } from '../tickets/routes';
import { createChatService } from './chat-service';
import { widgetConfigRoutes } from './config-routes';
import { installWidgetCors } from './cors';
import { countServerErrors, widgetEventRoutes } from './event-routes';
import { widgetMessageRoutes } from './message-routes';
import { widgetOrderLookupRoutes } from './order-lookup-routes';
import { widgetSessionRoutes } from './session-routes';
import { widgetStreamRoutes } from '../llm/stream-routes';

/** The `config` every widget route carries: @fastify/rate-limit (registered with global: false) reads it. */
export interface RouteLimit {
  rateLimit: { max: number; timeWindow: number };
}

/** A hint, not a promise: the switch is turned back on by hand; this keeps polite clients from polling. */
export const WIDGET_DISABLED_RETRY_AFTER_SECONDS = 300;

/** Switched off, the concierge starts and answers nothing; the widget shows the shop's contact links instead. */
function refuseWhileSwitchedOff(flags: FlagService) {
  return async (_request: unknown, reply: FastifyReply) => {
    if (await flags.isEnabled('widget_enabled')) return;
    reply.header('Retry-After', String(WIDGET_DISABLED_RETRY_AFTER_SECONDS));
    throw new AppError('widget_disabled', 'The concierge is switched off for now. The shop’s contact page and email still reach the team.');
  };
}

export async function widgetRoutes(app: FastifyInstance, { services }: { services: Services }) {
  await installWidgetCors(app, services.config.widget.allowedOrigins);
  countServerErrors(app, services.analytics);
  const limit: RouteLimit = { rateLimit: { max: services.config.widget.rateLimitPerMinute, timeWindow: 60_000 } };
  const chat = createChatService(services);

  await app.register(widgetConfigRoutes, { services, limit });
  // The conversation and every flow that starts something (a ticket, an RMA, an order lookup) obey the switch;
  // after CORS and the rate limit (onRequest), before validation, so a closed concierge says so first.
  await app.register(async (concierge) => {
    concierge.addHook('preValidation', refuseWhileSwitchedOff(services.flags));
    await concierge.register(widgetSessionRoutes, { chat, limit });
    await concierge.register(widgetMessageRoutes, { chat, limit });
    // LLM mode's streamed turn (src/modules/llm); the widget uses it only when its config says `streaming`.
    await concierge.register(widgetStreamRoutes, { chat, limit });
    await concierge.register(widgetOrderLookupRoutes, { chat, limit });
    // The flow forms live with their capability; registered here, they share the widget API's CORS and limit.
    await concierge.register(stylistFormRoutes, { services, limit });
    await concierge.register(returnFormRoutes, { services, limit });
  });
  // Still on while switched off: rating a conversation that happened, the visitor's shortlist, analytics.
  await app.register(csatFormRoutes, { services, limit });
  await app.register(shortlistRoutes, { services, limit });
  await app.register(widgetEventRoutes, { services, limit });
}
