// CSAT (D4, any staff) and concierge analytics (D5, admins only) over a date range.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { dayRange } from './date-range';
import { RangeQuery } from './schema';

export async function insightRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { csat, analytics } = services.dashboard;

  app.get('/api/dashboard/csat', { config: { access: 'agent' }, schema: { querystring: RangeQuery } }, async (request) =>
    csat.summary(dayRange(services.now(), request.query.from, request.query.to)),
  );

  app.get('/api/dashboard/analytics/concierge', { config: { access: 'admin' }, schema: { querystring: RangeQuery } }, async (request) => {
    // This instance's buffered widget events count too (ANALYTICS_FLUSH_MS).
    await services.analytics.flush();
    return analytics.report(dayRange(services.now(), request.query.from, request.query.to));
  });
}
