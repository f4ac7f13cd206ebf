// GET /api/widget/config: whether the widget shows at all (W14) and its brand.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import type { RouteLimit } from './routes';

export async function widgetConfigRoutes(app: FastifyInstance, { services, limit }: { services: Services; limit: RouteLimit }) {
  app.get('/api/widget/config', { config: limit }, async (_request, reply) => {
    const enabled = await services.flags.isEnabled('widget_enabled');
    // Short cache: switching the flag off reaches every page within half a minute.
    reply.header('Cache-Control', 'public, max-age=30');
    return { enabled, brand: { name: 'Aurora Concierge', shopName: services.config.shop.name } };
  });
}
