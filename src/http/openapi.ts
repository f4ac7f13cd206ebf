// The API reference: OpenAPI 3.1 built from the route schemas (/api/openapi.json) and a readable page (/api/docs).
import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from 'typebox';
import type { Config } from '../config';
import { sessionCookieName } from '../modules/auth/guard';
import { addCommonErrors, describeFileRoutes, HtmlPage, NoBody } from './schemas';

export const OPENAPI_URL = '/api/openapi.json';
export const DOCS_PREFIX = '/api/docs';

const OpenApiDocument = Type.Object({ openapi: Type.Literal('3.1.0') }, { additionalProperties: true, description: 'The OpenAPI 3.1 document' });

/** Swagger UI's version badges, info links, Authorize button and method badges are too light on white: darker, for WCAG AA contrast. */
const CONTRAST_CSS = [
  '.swagger-ui .info .title small { background: #4a4a4a; }',
  '.swagger-ui .info .title small.version-stamp { background: #2f6b10; }',
  '.swagger-ui .info a, .swagger-ui .info .url { color: #1f5fa0; }',
  '.swagger-ui .btn.authorize { color: #1b6b43; border-color: #1b6b43; }',
  '.swagger-ui .btn.authorize svg { fill: #1b6b43; }',
  '.swagger-ui .opblock.opblock-get .opblock-summary .opblock-summary-method { background: #1f62b0; }',
  '.swagger-ui .opblock.opblock-post .opblock-summary .opblock-summary-method { background: #1b6b43; }',
  '.swagger-ui .opblock.opblock-put .opblock-summary .opblock-summary-method { background: #8a4b00; }',
  '.swagger-ui .opblock.opblock-delete .opblock-summary .opblock-summary-method { background: #b01c1c; }',
  '.swagger-ui .parameter__in, .swagger-ui .parameter__type, .swagger-ui .prop-format, .swagger-ui .response-col_links, .swagger-ui .renderedMarkdown p { color: #4a4a4a; }',
].join('\n');

/** The reference covers the APIs; pages, files and the dev mailbox have schemas but are not part of it. */
const isDocumented = (url: string) => url.startsWith('/api/') || url === '/healthz' || url === '/readyz';

const TAGS = [
  { prefix: '/api/widget/', name: 'widget', description: 'What the widget on the shop\'s pages calls: CORS for WIDGET_ALLOWED_ORIGINS, no cookies (the session id is in the path), rate-limited per client address' },
  { prefix: '/api/integrations/', name: 'webhooks', description: 'Calls from the shop\'s order system, signed with ORDER_WEBHOOK_SECRET (docs/order-webhooks.md)' },
  { prefix: '/api/dashboard/', name: 'dashboard', description: 'The support dashboard\'s API: a staff session cookie, and X-CSRF-Token on every change' },
  { prefix: '/api/products', name: 'catalog', description: 'The public catalog' },
  { prefix: '/', name: 'health', description: 'Liveness and readiness' },
];

/** Who may call a dashboard route is its `config.access` (auth/guard.ts); the reference says the same. */
function describeAccess(route: RouteOptions): void {
  const access = route.config?.access;
  if (!access || access === 'public') return;
  const safe = [route.method].flat().every((method) => method === 'GET' || method === 'HEAD');
  const role = access === 'admin' ? ' Admins only (403 for agents).' : '';
  const schema = (route.schema ?? {}) as { description?: string };
  route.schema = {
    ...route.schema,
    security: [safe ? { staffSession: [] } : { staffSession: [], csrfToken: [] }],
    ...(role && { description: `${schema.description ?? ''}${role}`.trim() }),
  };
}

function tagOf(url: string): string {
  return TAGS.find((tag) => url.startsWith(tag.prefix))!.name;
}

/** Registered before any route: the route schemas are collected as the routes are registered. */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  app.addHook('onRoute', (route) => {
    addCommonErrors(route);
    describeAccess(route);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aurora Concierge API',
        version: '0.1.0',
        description:
          'The widget API, the order webhooks and the support dashboard\'s API. Every error answers `{"error":{"code","message"}}`. ' +
          'What a schema cannot say (idempotency, limits, the widget switch, signatures) is in docs/widget-api.md and docs/order-webhooks.md.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: config.publicUrl }],
      tags: TAGS.map(({ name, description }) => ({ name, description })),
      components: {
        securitySchemes: {
          staffSession: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config.mode), description: 'Set by POST /api/dashboard/login (HttpOnly, SameSite=Strict).' },
          csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The `csrfToken` of the login or session answer; required on every change (403 without it).' },
          webhookSignature: { type: 'apiKey', in: 'header', name: 'X-Aurora-Signature', description: '`sha256=` + hex HMAC-SHA256 of `"<X-Aurora-Timestamp>.<raw body>"` under ORDER_WEBHOOK_SECRET.' },
        },
      },
    },
    transform: ({ schema, url }) => {
      const documented = isDocumented(url);
      const base = (schema ?? {}) as Record<string, unknown>;
      return { url, schema: documented ? { tags: [tagOf(url)], ...base } : { ...base, hide: true } };
    },
  });

  app.get(OPENAPI_URL, { schema: { tags: ['health'], summary: 'This API\'s OpenAPI 3.1 document', response: { 200: OpenApiDocument } } }, async () => app.swagger());

  await app.register(async (docs) => {
    describeFileRoutes(docs, 'An asset of the reference page', (url) => {
      if (url === `${DOCS_PREFIX}/json`) return { 200: OpenApiDocument };
      if (url === `${DOCS_PREFIX}/yaml`) return { 200: { description: 'The OpenAPI document as YAML', content: { 'application/x-yaml': { schema: Type.String() } } } };
      if (url === DOCS_PREFIX || url === `${DOCS_PREFIX}/`) return { 200: HtmlPage('The API reference page') };
      if (url === `${DOCS_PREFIX}/static/index.html`) return { 302: NoBody('To the reference page') };
      return undefined;
    });
    await docs.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      // BaseLayout: no top bar (its "explore another URL" box has no label and nothing else to explore).
      uiConfig: { deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0, layout: 'BaseLayout' },
      logo: null as never,
      theme: { title: 'Aurora Concierge API reference', css: [{ filename: 'contrast.css', content: CONTRAST_CSS }] },
    });
  });
}
