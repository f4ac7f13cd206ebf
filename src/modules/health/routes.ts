// Liveness, readiness and the public status page (P7).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { HtmlPage } from '../../http/schemas';
import { pingDatabase } from '../../db/connection';
import type { Services } from '../../services';
import { renderStatusPage } from '../../web/store/pages/status';

const Readiness = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]), checks: Type.Object({ database: Type.Union([Type.Literal('ok'), Type.Literal('down')]) }) });

export async function healthRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const startedAt = new Date();

  app.get('/healthz', { schema: { summary: 'Liveness: the process answers', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' }));

  const readyz = { summary: 'Readiness: the database answers (within 2 s)', response: { 200: { ...Readiness, description: 'Ready' }, 503: { ...Readiness, description: 'The database is down' } } };
  app.get('/readyz', { schema: readyz }, async (_request, reply) => {
    const database = await pingDatabase(services.db);
    return reply.status(database ? 200 : 503).send({ status: database ? 'ok' : 'unavailable', checks: { database: database ? 'ok' : 'down' } });
  });

  app.get('/status', { schema: { response: { 200: HtmlPage('The public status page'), 503: HtmlPage('The status page while the database is down') } } }, async (_request, reply) => {
    const database = await pingDatabase(services.db);
    const widget = database ? await services.flags.isEnabled('widget_enabled') : false;
    return reply
      .status(database ? 200 : 503)
      .type('text/html; charset=utf-8')
      .send(renderStatusPage({ database, dialect: services.db.dialect, widget, startedAt, now: services.now() }));
  });
}
