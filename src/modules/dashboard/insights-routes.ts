// CSAT (D4, any staff) and concierge analytics (D5, admins only) over a date range.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { dayRange } from './date-range';
import { RangeQuery } from './schema';
import { AnalyticsReportJson, CsatSummaryJson, READ_ERRORS } from './response-schema';

export async function insightRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { csat, analytics } = services.dashboard;

  app.get('/api/dashboard/csat', { config: { access: 'agent' }, schema: { summary: 'CSAT over a date range (default: the last 30 days)', querystring: RangeQuery, response: { 200: CsatSummaryJson, ...READ_ERRORS } } }, async (request) =>
    csat.summary(dayRange(services.now(), request.query.from, request.query.to)),
  );

  app.get('/api/dashboard/analytics/concierge', { config: { access: 'admin' }, schema: { summary: 'Concierge analytics over a date range', querystring: RangeQuery, response: { 200: AnalyticsReportJson, ...READ_ERRORS } } }, async (request) => {
    // This instance's buffered widget events count too (ANALYTICS_FLUSH_MS).
    await services.analytics.flush();
    return analytics.report(dayRange(services.now(), request.query.from, request.query.to));
  });
}
