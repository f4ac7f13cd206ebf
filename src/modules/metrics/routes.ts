// Where Prometheus reads the metrics (issue 14 item 2), and what keeps everyone else out:
// - METRICS_TOKEN: GET /metrics on the main port, with `Authorization: Bearer <token>` (compared in constant time);
// - METRICS_PORT: a second listener on 127.0.0.1 only, serving just /metrics, for a scraper on the same host.
// Neither set: no /metrics at all (404), and nothing is measured. Both may be set.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config';
import { constantTimeEqual } from '../../crypto';
import type { Metrics } from './metrics';

/** prom-client's text exposition format (version 0.0.4). */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
export const METRICS_HOST = '127.0.0.1';

declare module 'fastify' {
  interface FastifyInstance {
    /** The METRICS_PORT listener's port once the app listens (METRICS_PORT=0 picks a free one); null without it. */
    metricsPort: () => number | null;
  }
}

const ErrorReply = (code: string, description: string) =>
  Type.Object({ error: Type.Object({ code: Type.Literal(code), message: Type.String() }) }, { description });

/** The route's schema: the answer is Prometheus text, not JSON. */
const metricsSchema = {
  summary: 'Prometheus metrics of this instance',
  description:
    'Prometheus text exposition format 0.0.4 (`text/plain`), not JSON: request durations by route pattern and status, chat turns by intent and engine, outbox depth and oldest age, job runs, database pool, process metrics. Needs `Authorization: Bearer <METRICS_TOKEN>`; served only when METRICS_TOKEN is set.',
  response: {
    200: { description: 'The metrics in the Prometheus text format (`text/plain; version=0.0.4`)', content: { 'text/plain': { schema: Type.String() } } },
    401: ErrorReply('unauthorized', 'No bearer token, or not METRICS_TOKEN'),
  },
};

/** The bearer token of an Authorization header, or null. */
function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** Times every request by its route pattern, and serves /metrics as configured. Call before the routes register. */
export function installMetrics(app: FastifyInstance, metrics: Metrics | null, config: Config): void {
  let metricsServer: http.Server | undefined;
  app.decorate('metricsPort', () => (metricsServer?.listening ? (metricsServer.address() as AddressInfo).port : null));
  if (!metrics) return;

  app.addHook('onResponse', async (request, reply) => {
    // The pattern keeps the label set small: a 404 for any URL is one series, not one per URL tried.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest({ method: request.method, route, statusCode: reply.statusCode, seconds: reply.elapsedTime / 1000 });
  });

  const { token, port } = config.metrics;
  if (token) {
    app.get('/metrics', { schema: metricsSchema }, async (request, reply) => {
      const given = bearerToken(request.headers.authorization);
      if (given === null || !constantTimeEqual(given, token)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer realm="metrics"')
          .send({ error: { code: 'unauthorized', message: 'Send the METRICS_TOKEN as "Authorization: Bearer <token>".' } });
      }
      return reply.type(METRICS_CONTENT_TYPE).header('cache-control', 'no-store').send(await metrics.render());
    });
  }

  if (port !== null) {
    app.addHook('onListen', async () => {
      metricsServer = await listenForMetrics(metrics, port);
      app.log.info(`metrics on http://${METRICS_HOST}:${(metricsServer.address() as AddressInfo).port}/metrics`);
    });
    app.addHook('preClose', async () => {
      const server = metricsServer;
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    });
  }
}

/** The METRICS_PORT listener: GET /metrics and nothing else, on 127.0.0.1 only. */
function listenForMetrics(metrics: Metrics, port: number): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(path === '/metrics' ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(path === '/metrics' ? 'Only GET /metrics.\n' : 'Only /metrics is served here.\n');
      return;
    }
    metrics.render().then(
      (text) => response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : text),
      () => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('The metrics could not be collected.\n'),
    );
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, METRICS_HOST, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
