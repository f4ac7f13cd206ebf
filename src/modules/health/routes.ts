// Liveness, readiness and the public status page (P7).
import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../db/connection';
import type { Services } from '../../services';
import { renderStatusPage } from '../../web/store/pages/status';

export async function healthRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const startedAt = new Date();

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const database = await pingDatabase(services.db);
    return reply.status(database ? 200 : 503).send({ status: database ? 'ok' : 'unavailable', checks: { database: database ? 'ok' : 'down' } });
  });

  app.get('/status', async (_request, reply) => {
    const database = await pingDatabase(services.db);
    const widget = database ? await services.flags.isEnabled('widget_enabled') : false;
    return reply
      .status(database ? 200 : 503)
      .type('text/html; charset=utf-8')
      .send(renderStatusPage({ database, dialect: services.db.dialect, widget, startedAt, now: services.now() }));
  });
}
