// Work in volume (issue 12 item 5): tags, bulk assign/status, the customer panel, paged CSAT comments, CSV exports
// (admins only: they carry every customer's email) and the shop settings the dashboard formats times with.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { errorResponses } from '../../http/schemas';
import { staffOf } from '../auth/guard';
import { EXPORT_LIMIT, exportRowsWithin, toCsv } from './csv';
import { dayRange } from './date-range';
import { IdParams } from './schema';
import { assertActiveStaff } from './tickets-routes';
import {
  BulkBody,
  BulkResultJson,
  CsatCommentsJson,
  CsatCommentsQuery,
  CsvFile,
  CustomerPanelJson,
  RatingsExportQuery,
  ShopSettingsJson,
  TagBody,
  TagParams,
  TagsInUseJson,
  TagsJson,
  TicketFilterQuery,
} from './volume-schema';

export async function volumeRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { tickets, csat, customers } = services.dashboard;
  const agent = { access: 'agent' } as const;
  const admin = { access: 'admin' } as const;
  const actorId = (request: Parameters<typeof staffOf>[0]) => staffOf(request).user.id;
  const csvReply = (reply: import('fastify').FastifyReply, name: string, csv: string) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}-${services.now().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);

  app.get('/api/dashboard/settings', { config: agent, schema: { response: { 200: ShopSettingsJson, ...errorResponses(401) } } }, async () => ({
    shopName: services.config.shop.name,
    timeZone: services.config.businessHours.timeZone,
  }));

  app.get('/api/dashboard/tags', { config: agent, schema: { response: { 200: TagsInUseJson, ...errorResponses(401) } } }, async () => ({ items: await services.tickets.tags.inUse() }));

  app.post('/api/dashboard/tickets/:id/tags', { config: agent, schema: { params: IdParams, body: TagBody, response: { 200: TagsJson, ...errorResponses(400, 401, 403, 404) } } }, async (request) => ({
    tags: await services.tickets.tags.add(request.params.id, request.body.tag, actorId(request)),
  }));

  app.delete('/api/dashboard/tickets/:id/tags/:tag', { config: agent, schema: { params: TagParams, response: { 200: TagsJson, ...errorResponses(400, 401, 403, 404) } } }, async (request) => ({
    tags: await services.tickets.tags.remove(request.params.id, request.params.tag, actorId(request)),
  }));

  app.post('/api/dashboard/tickets/bulk', { config: agent, schema: { body: BulkBody, response: { 200: BulkResultJson, ...errorResponses(400, 401, 403) } } }, async (request) => {
    if (request.body.assigneeId !== undefined) await assertActiveStaff(services, request.body.assigneeId);
    return services.tickets.bulkChange(request.body.tickets, { assigneeId: request.body.assigneeId, status: request.body.status }, actorId(request));
  });

  app.get('/api/dashboard/tickets/:id/customer', { config: agent, schema: { params: IdParams, response: { 200: CustomerPanelJson, ...errorResponses(400, 401, 404) } } }, async (request) =>
    customers.forTicket(request.params.id),
  );

  app.get('/api/dashboard/csat/comments', { config: agent, schema: { querystring: CsatCommentsQuery, response: { 200: CsatCommentsJson, ...errorResponses(400, 401) } } }, async (request) => {
    const { from, to, rating, page, pageSize } = request.query;
    return csat.comments(dayRange(services.now(), from, to), { rating, page: page ?? 1, pageSize: pageSize ?? 20 });
  });

  app.get('/api/dashboard/exports/tickets.csv', { config: admin, schema: { querystring: TicketFilterQuery, response: { 200: CsvFile('The tickets the filters find, newest first'), ...errorResponses(400, 401, 403) } } }, async (request, reply) => {
    const rows = exportRowsWithin(await tickets.exportRows(request.query, actorId(request), EXPORT_LIMIT + 1), 'tickets');
    const header = ['ticket', 'created_at', 'customer', 'email', 'tier', 'status', 'priority', 'management', 'assignee', 'answer_by', 'overdue', 'first_response_at', 'channel', 'tags', 'request'];
    const csv = toCsv(
      header,
      rows.map((r) => [r.id, r.created_at, r.customer_name, r.email, r.tier, r.status, r.priority, r.management === 1 ? 'yes' : 'no', r.assignee_name, r.answer_by, r.overdue ? 'yes' : 'no', r.first_response_at, r.channel, r.tags.join(' '), r.message]),
    );
    return csvReply(reply, 'tickets', csv);
  });

  app.get('/api/dashboard/exports/ratings.csv', { config: admin, schema: { querystring: RatingsExportQuery, response: { 200: CsvFile('The ratings in the range, newest first'), ...errorResponses(400, 401, 403) } } }, async (request, reply) => {
    const { from, to, rating } = request.query;
    const rows = exportRowsWithin(await csat.exportRows(dayRange(services.now(), from, to), rating, EXPORT_LIMIT + 1), 'ratings');
    const csv = toCsv(['rating_id', 'created_at', 'rating', 'comment', 'trigger', 'conversation'], rows.map((r) => [r.id, r.created_at, r.rating, r.comment, r.trigger, r.conversation_id]));
    return csvReply(reply, 'ratings', csv);
  });
}
