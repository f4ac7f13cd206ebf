// Response schemas every route shares: the error body, HTML pages, files, redirects and empty answers.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { ERROR_CODES } from '../errors';

/** The one error shape of every JSON answer (src/http/errors.ts). */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(ERROR_CODES.map((code) => Type.Literal(code))),
      message: Type.String({ description: 'Safe to show the person who made the request.' }),
      details: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), {
          description: 'Only on some errors: `fields` maps each bad field to its message (the forms mark them all at once).',
        }),
      ),
    }),
  },
  { description: 'An error' },
);

const ERROR_MEANING: Record<number, string> = {
  400: 'The request is not valid (the message names the field)',
  401: 'No live staff session: sign in first',
  403: 'The wrong role, or the X-CSRF-Token header is missing or wrong',
  404: 'Not found',
  409: 'Conflicts with the current state (stale or repeated change)',
  429: 'Too many requests (see Retry-After)',
  503: 'Temporarily unavailable (the database, or the concierge switched off); see Retry-After',
};

/** JSON error answers of these statuses, each described. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, { ...ErrorBody, description: ERROR_MEANING[status] ?? 'An error' }]));
}

/** A page rendered on the server; its errors are branded pages too (or JSON when the caller asks for JSON). */
export const HtmlPage = (description: string) => ({ description, content: { 'text/html': { schema: Type.String() } } });

/** An answer without a body (204, 304, or a redirect named by its Location header). */
export const NoBody = (description: string) => Type.Unsafe<undefined>({ description, type: 'null' });

/** A file of any type (static assets); @fastify/static answers 200, 206 for a range, 304 when unchanged. */
const FileBody = (description: string) => ({ description, content: { '*/*': { schema: Type.String({ description: 'the file' }) } } });

/** Errors of a server-rendered page, form post or file: a branded page (or the form again) for a browser, the JSON body otherwise. */
export const PageError = (description: string) => ({
  description,
  content: { 'text/html': { schema: Type.String() }, 'application/json': { schema: ErrorBody } },
});

/**
 * Response schemas of the files @fastify/static (or a plugin serving files) registers in `app` from now on;
 * `special` answers for the routes of such a plugin that are not files.
 */
export function describeFileRoutes(app: FastifyInstance, description: string, special?: (url: string) => Record<string, unknown> | undefined): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    route.schema = {
      ...route.schema,
      hide: true,
      response: special?.(route.url) ?? { 200: FileBody(description), 206: FileBody(`${description} (a range)`), 304: NoBody('Not modified'), '4xx': PageError('No such file, or a bad range') },
    };
    // The app's own hook (http/openapi.ts) ran before this one, when the route had no response schema yet.
    addCommonErrors(route);
  });
}

/** Every route with a response schema also describes the errors any route can give (bad input, limits, outages). */
export function addCommonErrors(route: RouteOptions): void {
  const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!response) return;
  const json = route.url.startsWith('/api/');
  const fallback = (description: string) => (json ? { ...ErrorBody, description } : PageError(description));
  route.schema = {
    ...route.schema,
    response: { '4xx': fallback('A client error'), '5xx': fallback('A server error, or the database is unavailable (503 with Retry-After)'), ...response },
  };
}
