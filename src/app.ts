// buildApp(config): opens storage, migrates, seeds the demo, and composes every module. Used by main and tests.
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import { clientKey } from './http/client-key';
import type { Config } from './config';
import { openDatabase, type Db } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { isEmpty, seedDemoData } from './db/seed/index';
import { seedDemoActivity } from './db/seed/activity';
import { createServices, type Services } from './services';
import { installErrorHandling } from './http/errors';
import { installStrictValidation } from './http/validation';
import { installSecurityHeaders } from './http/security-headers';
import { registerOpenApi } from './http/openapi';
import { installResponseCheck } from './http/response-check';
import { healthRoutes } from './modules/health/routes';
import { catalogRoutes } from './modules/catalog/routes';
import { widgetRoutes } from './modules/widget/routes';
import { storeRoutes } from './web/store/routes';
import { integrationRoutes } from './modules/integrations/routes';
import { dashboardRoutes } from './modules/dashboard/index';
import { findDemoStaff, REMOVE_DEMO_STAFF_COMMAND, seedDemoStaff } from './modules/staff/demo';
import { renderErrorPage } from './web/store/pages/info';
import { returnLabelRoutes } from './modules/returns/routes';
import { mailRoutes } from './modules/mail/routes';
import { createScheduler, flowJobs } from './modules/jobs/scheduler';
import { installMetrics } from './modules/metrics/routes';
import { startInboundSmtp, type InboundSmtpListener } from './modules/inbound/smtp-listener';
import { widgetAssetRoutes } from './web/widget/routes';

export interface BuildOptions {
  /** An open database (tests); otherwise DATABASE_URL is opened and closed with the app. */
  db?: Db;
  now?: () => Date;
  /** false silences logs (tests). */
  logger?: boolean;
  /** Where the logs go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
  /** Sees every route as it is registered (the fuzz test reads their schemas). */
  onRoute?: (route: RouteOptions) => void;
  /** Check every answer against its route's response schema, a mismatch answering 500 (default: when NODE_ENV=test). */
  validateResponses?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/**
 * Fastify ignores X-Forwarded-For for a bare hop count (it cannot check the peer); TRUST_PROXY=N means the
 * service is reachable only through N proxies, so the N nearest hops (the socket first) are trusted.
 */
function fastifyTrustProxy(trust: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

async function unlessSeededMeanwhile(seed: () => Promise<unknown>, seeded: () => Promise<boolean>): Promise<void> {
  try {
    await seed();
  } catch (error) {
    if (!(await seeded())) throw error;
  }
}

/** The demo accounts' passwords are in the README: production must not start while they can sign in. */
async function refuseDemoStaff(db: Db, close: () => Promise<void> | undefined): Promise<void> {
  const demo = await findDemoStaff(db.kysely);
  if (demo.length === 0) return;
  await close();
  throw new Error(
    `Production mode refuses to start: this database still has the demo staff accounts ${demo.join(', ')}, whose passwords are public. ` +
      `Remove them with \`${REMOVE_DEMO_STAFF_COMMAND}\` (same DATABASE_URL), then start again.`,
  );
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const db = options.db ?? openDatabase(config.databaseUrl, { backgroundCheckpoint: true, poolMax: config.pgPoolMax });
  await migrateToLatest(db);
  if (config.mode === 'production') await refuseDemoStaff(db, () => (options.db ? undefined : db.close()));
  // Several instances may start on one empty database at once: the one that loses a seeding race
  // finds the data there and goes on instead of failing.
  const seeding = config.seedOnEmpty && (await isEmpty(db));
  if (seeding) await unlessSeededMeanwhile(() => seedDemoData(db, { currency: config.currency }), async () => !(await isEmpty(db)));
  const services = createServices(db, config, { now: options.now });
  // Demo only: one admin and one agent (README) when no staff exist; production starts with none.
  if (config.mode === 'demo') await unlessSeededMeanwhile(() => seedDemoStaff(services.staff), async () => (await services.staff.count()) > 0);
  if (seeding && config.seedDemoActivity) {
    const { businessHours } = config;
    await seedDemoActivity(db, { now: services.now(), businessHours, standardHours: businessHours.standardHours, vipHours: businessHours.vipHours, shopName: config.shop.name });
  }

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream && { stream: options.logStream }),
            // Customer data never reaches the logs: no bodies are logged, cookies and auth are redacted.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            serializers: {
              // Query strings can carry emails and order numbers: log the path only.
              req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], ip: req.ip }),
            },
          },
    // Only TRUST_PROXY's proxies may name the client: request.ip keys every per-address limit.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 256 * 1024,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.decorate('services', services);
  // Buffered analytics reach the database before it closes.
  app.addHook('preClose', async () => services.analytics.flush());
  if (!options.db) app.addHook('onClose', async () => db.close());
  // A dropped database connection is logged and replaced on the next query; the process keeps serving.
  const stopLoggingConnectionErrors = db.onConnectionError((error) => app.log.error({ err: error }, 'database connection lost'));
  app.addHook('onClose', async () => stopLoggingConnectionErrors());

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody);
  installSecurityHeaders(app, config);
  // Scoped to the API: routes opt in with `config.rateLimit` (static files are never counted).
  await app.register(rateLimit, { global: false, keyGenerator: (request) => clientKey(request.ip) });
  installErrorHandling(app, renderErrorPage);
  installStrictValidation(app);
  installMetrics(app, services.metrics, config);
  if (options.validateResponses ?? process.env.NODE_ENV === 'test') installResponseCheck(app);
  await registerOpenApi(app, config);

  await app.register(healthRoutes, { services });
  await app.register(catalogRoutes, { services });
  await app.register(widgetRoutes, { services });
  await app.register(widgetAssetRoutes);
  await app.register(storeRoutes, { services });
  await app.register(integrationRoutes, { services });
  await app.register(dashboardRoutes, { services });
  await app.register(returnLabelRoutes, { services });
  await app.register(mailRoutes, { services });
  // Background jobs start when the server listens (app.inject in tests never starts them) and stop before the database closes.
  if (config.workers.enabled) {
    const scheduler = createScheduler(flowJobs(services, app.log), app.log, services.metrics?.jobRun);
    app.addHook('onListen', async () => scheduler.start());
    app.addHook('preClose', async () => scheduler.stop());
  }
  // The inbound SMTP listener (INBOUND_SMTP_PORT) opens and closes with the server, like the jobs.
  const { inbound } = services;
  const smtpPort = config.inbound.smtpPort;
  if (inbound && smtpPort !== null) {
    let listener: InboundSmtpListener | undefined;
    app.addHook('onListen', async () => {
      listener = await startInboundSmtp({ host: config.inbound.smtpHost, port: smtpPort, supportEmail: config.inbound.supportEmail!, tls: config.inbound.smtpTls, inbound, log: app.log });
      app.log.info(`inbound SMTP listening on ${config.inbound.smtpHost}:${listener.port}${config.inbound.smtpTls ? ' (STARTTLS offered)' : ''}`);
    });
    app.addHook('preClose', async () => listener?.close());
  }
  app.addHook('onClose', async () => services.mail.close());
  return app;
}
