// The support dashboard (D1-D8): its pages and JSON API, every route behind the role its config declares.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { installDashboardAccess } from '../auth/guard';
import { authRoutes } from '../auth/routes';
import { adminRoutes } from './admin-routes';
import { insightRoutes } from './insights-routes';
import { orderRoutes } from './orders-routes';
import { dashboardAssets, dashboardPages, renderShell } from './pages';
import { dashboardTicketRoutes } from './tickets-routes';
import { volumeRoutes } from './volume-routes';
import { cannedReplyRoutes } from '../canned-replies/routes';
import { liveRoutes } from '../live/routes';
import { llmAnalyticsRoutes } from '../llm/analytics-routes';

export async function dashboardRoutes(app: FastifyInstance, { services }: { services: Services }) {
  await app.register(dashboardAssets);
  await app.register(async (guarded) => {
    installDashboardAccess(guarded, services, () => renderShell(403));
    for (const routes of [authRoutes, dashboardTicketRoutes, liveRoutes, insightRoutes, llmAnalyticsRoutes, orderRoutes, adminRoutes, volumeRoutes, cannedReplyRoutes]) await guarded.register(routes, { services });
    await guarded.register(dashboardPages);
  });
}
