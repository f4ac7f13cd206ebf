// Strict request input: numbers are real numbers, bodies are not coerced, and no value carries a NUL (U+0000).
import type { Options } from 'ajv';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid } from '../errors';
import { cachedSerializer, cachedValidatorCompiler } from './compile-cache';

// Fastify's defaults, except that additional properties are kept for the route to refuse or ignore.
const AJV_OPTIONS: Options = { useDefaults: true, removeAdditional: false, allErrors: false };
// Query strings, path parameters and headers are text, so they are coerced ("5" → 5); a JSON body is not.
const coercing = cachedValidatorCompiler({ ...AJV_OPTIONS, coerceTypes: 'array' });
const exact = cachedValidatorCompiler({ ...AJV_OPTIONS, coerceTypes: false });

type Part = 'body' | 'querystring' | 'params';
const WHERE: Record<Part, string> = { body: 'field', querystring: 'query parameter', params: 'path parameter' };

/** Why `value` cannot be trusted as what it claims to be, or undefined. */
function flaw(value: unknown): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? 'must not contain the NUL character (U+0000)' : undefined;
  if (typeof value !== 'number') return undefined;
  if (!Number.isFinite(value)) return 'must be a finite number';
  // Past 2^53 whole numbers are no longer exact: 9007199254740993 would silently become ...992.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return `must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`;
  return undefined;
}

/** The largest id of an integer column (PostgreSQL `integer`): a bigger one is a 500 there, not a miss. */
export const MAX_ROW_ID = 2_147_483_647;

/** A whole number typed into a form, from plain digits only ("1e3", "0x10", " 5" and "Infinity" are not), within bounds. */
export function parseWholeNumber(text: string | undefined, bounds: { min: number; max: number }): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= bounds.min && value <= bounds.max ? value : undefined;
}

/** The first untrustworthy value (or key) in `value`, as a dotted path and the reason. */
export function findFlaw(value: unknown, path = '', depth = 0): { path: string; reason: string } | undefined {
  const reason = flaw(value);
  if (reason) return { path, reason };
  // Parsed JSON is at most as deep as the body limit allows; the depth cap keeps this walk cheap anyway.
  if (!value || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return { path: at.replaceAll('\u0000', '\\0'), reason: 'must not contain the NUL character (U+0000) in its name' };
    const found = findFlaw(child, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Refuses a request whose body, query or path parameters carry a NUL, an infinite or an inexact number: a 400 naming the field. */
export function assertTrustworthyInput(request: FastifyRequest): void {
  for (const part of ['params', 'querystring', 'body'] as const) {
    const found = findFlaw(part === 'querystring' ? request.query : request[part]);
    if (!found) continue;
    const message = found.path ? `The ${WHERE[part]} "${found.path}" ${found.reason}.` : `The request ${part === 'body' ? 'body' : WHERE[part]} ${found.reason}.`;
    throw invalid(message, { fields: { [found.path.split('.')[0] || part]: message } });
  }
}

/**
 * Validates every route's schema with two Ajv instances: query strings, path parameters and headers are text, so
 * they are coerced ("5" → 5); a JSON body says what it means, so "5" is not a number there. Then, for every route
 * (with a schema or not), the parsed input is checked for what no schema keyword catches: Ajv lets a coerced
 * "Infinity" through `integer` and `maximum`, and PostgreSQL refuses NUL in text with a 500.
 */
export function installStrictValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema));
  app.setSerializerCompiler(({ schema }) => cachedSerializer(schema));
  app.addHook('preHandler', async (request) => assertTrustworthyInput(request));
}
