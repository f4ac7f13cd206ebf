// GET /api/widget/config: whether the widget shows at all (W14), its brand, and the shop's contact links.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import type { RouteLimit } from './routes';
import { errorResponses } from '../../http/schemas';
import { WidgetConfigJson } from './response-schema';

export async function widgetConfigRoutes(app: FastifyInstance, { services, limit }: { services: Services; limit: RouteLimit }) {
  const { shop } = services.config;
  app.get('/api/widget/config', { config: limit, schema: { summary: 'Whether the widget shows, its brand and the shop\'s contact links', response: { 200: WidgetConfigJson, ...errorResponses(429) } } }, async (_request, reply) => {
    const enabled = await services.flags.isEnabled('widget_enabled');
    // Short cache: switching the flag off reaches every new page view within half a minute (plus the flag cache).
    reply.header('Cache-Control', 'public, max-age=30');
    // The contact links come with every config, so a widget that is switched off while open can show them.
    return { enabled, brand: { name: 'Aurora Concierge', shopName: shop.name }, contact: { url: shop.contactUrl, email: shop.contactEmail }, streaming: services.llm !== null };
  });
}
