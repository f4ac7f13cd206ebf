// Tests only: every answer is checked against its route's response schema, so a schema that lies fails loudly.
// Fastify serializes JSON with fast-json-stringify from that schema, which silently drops a property the schema
// does not list and coerces a value of another type; this check turns either into a 500 naming the difference.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDeepStrictEqual } from 'node:util';
import { cachedValidatorCompiler } from './compile-cache';

type Entry = { content?: Record<string, { schema?: object }>; type?: string } & Record<string, unknown>;

const expectedJson = new WeakMap<FastifyRequest, unknown>();
const failed = new WeakSet<FastifyRequest>();

/** The schema entry Fastify serializes this status with: exact status, then `4xx`-style, then `default`. */
export function responseEntry(response: Record<string, unknown> | undefined, status: number): Entry | undefined {
  if (!response) return undefined;
  return (response[status] ?? response[`${String(status)[0]}xx`] ?? response.default) as Entry | undefined;
}

/** Where two JSON values first differ, as a path (`items.0.price`). */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const child = (x: unknown) => (x as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(child(a), child(b))) return firstDifference(child(a), child(b), path ? `${path}.${key}` : key);
    }
  }
  return `${path || '(body)'}: ${JSON.stringify(a)?.slice(0, 80)} became ${JSON.stringify(b)?.slice(0, 80)}`;
}

const responses = cachedValidatorCompiler({ strict: false, allErrors: false });
const validatorOf = responses.compile;

export function installResponseCheck(app: FastifyInstance): void {

  const mismatch = (request: FastifyRequest, reply: FastifyReply, why: string) => {
    failed.add(request);
    return new Error(`Response schema mismatch on ${request.method} ${request.routeOptions.url} (${reply.statusCode}): ${why}`);
  };

  // What the handler meant to send, before fast-json-stringify could drop or coerce anything.
  app.addHook('preSerialization', async (request, _reply, payload) => {
    expectedJson.set(request, JSON.parse(JSON.stringify(payload) ?? 'null'));
    return payload;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const schema = request.routeOptions.schema as { response?: Record<string, unknown> } | undefined;
    // The not-found handler has no route, and a failed check's own 500 is not checked again.
    if (!request.routeOptions.url || failed.has(request)) return payload;
    const status = reply.statusCode;
    const entry = responseEntry(schema?.response, status);
    if (!entry) throw mismatch(request, reply, 'no response schema for this status');
    const media = String(reply.getHeader('content-type') ?? '').split(';')[0]!.trim();
    const hasBody = payload !== undefined && payload !== null && payload !== '';
    // Node never sends a body with a 204 or 304 (@fastify/static hands its stream to a 304 all the same).
    if (!hasBody || status === 204 || status === 304) return payload;
    let bodySchema: object | undefined;
    if (entry.content) {
      bodySchema = (entry.content[media] ?? entry.content['*/*'])?.schema;
      if (!bodySchema) throw mismatch(request, reply, `content type ${media || '(none)'} is not among ${Object.keys(entry.content).join(', ')}`);
    } else {
      if (entry.type === 'null') throw mismatch(request, reply, 'a body where the schema says none');
      if (media !== 'application/json') throw mismatch(request, reply, `content type ${media || '(none)'} where the schema describes JSON`);
      bodySchema = entry;
    }
    if (media !== 'application/json' || typeof payload !== 'string') return payload;
    const sent = JSON.parse(payload) as unknown;
    const validate = validatorOf(bodySchema);
    if (!validate(sent)) throw mismatch(request, reply, responses.errorsText(validate.errors));
    if (expectedJson.has(request) && !isDeepStrictEqual(expectedJson.get(request), sent)) {
      throw mismatch(request, reply, `the serializer changed the answer: ${firstDifference(expectedJson.get(request), sent)}`);
    }
    return payload;
  });
}
