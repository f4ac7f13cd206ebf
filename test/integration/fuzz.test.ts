// Property-based fuzzing of every route the app registers (collected as they are registered, so a new route is
// fuzzed without touching this file): bad bodies, queries and path parameters, anonymous and as an admin.
// Whatever comes in, the answer is never a 5xx.
import fc from 'fast-check';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, type TestApp } from '../support/app';
import { TEST_DIALECTS } from '../support/db';
import { asText, badValue, encodeForm, encodeJson, formValue, mutated, percentEncode, type SchemaNode } from '../support/fuzz';
import { DEMO_STAFF } from '../../src/modules/staff/demo';
import { signPayload } from '../../src/modules/integrations/order-sync';

/** Requests per route and caller: 2 callers × ~60 routes × this, on each database, stays well under a minute. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

interface Route {
  method: string;
  url: string;
  schema: { body?: SchemaNode; querystring?: SchemaNode; params?: SchemaNode };
}

interface Sample {
  params: Record<string, unknown>;
  query: unknown;
  body: unknown;
  encoding: 'json' | 'form' | 'text' | 'broken';
  accept: string;
}

interface Failure {
  route: string;
  as: string;
  url: string;
  payload?: string;
  status: number;
  cause: string;
}

const [ADMIN] = DEMO_STAFF;

describe.each(TEST_DIALECTS)('fuzzing every route on %s', (dialect) => {
  let t: TestApp;
  const routes: Route[] = [];
  /** Values the fuzzer mixes in where a field has this name, so requests reach past "not found". */
  const known: Record<string, fc.Arbitrary<unknown>> = {};
  /** Field names of the HTML forms seen in pages so far: routes without a schema are posted these. */
  const formFields = new Set<string>(['value']);
  const logged: string[] = [];

  const collect = (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, schema: (route.schema ?? {}) as Route['schema'] });
    }
  };

  beforeAll(async () => {
    // Errors are logged so a failure can show its cause.
    const logStream = { write: (line: string) => void logged.push(((line: { err?: { message?: string }; msg?: string }) => line.err?.message ?? line.msg ?? '')(JSON.parse(line))) };
    t = await createTestApp(dialect, { env: { WIDGET_RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'error' }, onRoute: collect, logStream });
    const session = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json() as { sessionId: string };
    const product = (await t.app.inject({ url: '/api/products?pageSize=1' })).json() as { items: { id: number; slug: string }[] };
    const slug = product.items[0]!.slug;
    Object.assign(known, {
      sessionId: fc.constant(session.sessionId),
      visitorId: fc.constant('visitor-fuzz-0001'),
      slug: fc.constant(slug),
      file: fc.constant(`${slug}.svg`),
      productId: fc.constant(product.items[0]!.id),
      number: fc.constant('GG-104233'),
      orderNumber: fc.constantFrom('GG-104233', 'GG-104234'),
      email: fc.constant('ava.martinez@example.com'),
      id: fc.integer({ min: 1, max: 5 }),
    });
  });
  afterAll(() => t?.close());

  // Each sign-in from an address of its own: the fuzzed sign-ins use up the per-address limit.
  let signIns = 0;
  const login = () => t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: ADMIN.email, password: ADMIN.password }, remoteAddress: `127.0.1.${++signIns % 250}` });

  async function signIn(): Promise<{ cookie: string; csrf: string }> {
    let res = await login();
    if (res.statusCode !== 200) {
      // The fuzzer reset this admin's password or disabled it (as another admin would): put it back.
      const admin = (await t.app.services.staff.list()).find((m) => m.email === ADMIN.email)!;
      await t.app.services.staff.enable(admin.id, null);
      await t.app.services.staff.resetPassword(admin.id, null, ADMIN.password, { demoSeed: true });
      res = await login();
    }
    expect(res.statusCode).toBe(200);
    return { cookie: cookiesFrom(res), csrf: res.json().csrfToken as string };
  }

  const signedIn = async (session: { cookie: string }) => (await t.app.inject({ url: '/api/dashboard/session', headers: { cookie: session.cookie } })).statusCode === 200;

  function samples(route: Route): Sample[] {
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const paramSchema = route.schema.params?.properties ?? {};
    const params = fc.record(Object.fromEntries([...names, ...(route.url.includes('*') ? ['*'] : [])].map((name) => [name, mutated(paramSchema[name], known, name)])));
    const loose = fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...formFields) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), formValue, { maxKeys: 12 });
    const query = route.schema.querystring ? mutated(route.schema.querystring, known) : loose;
    const body = route.schema.body ? mutated(route.schema.body, known) : fc.oneof(loose, badValue);
    const sample = fc.record({
      params,
      query: fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: query }),
      body,
      // Routes without a body schema are the store's HTML forms: mostly urlencoded.
      encoding: route.schema.body ? fc.constantFrom<Sample['encoding']>('json', 'json', 'json', 'form', 'text', 'broken') : fc.constantFrom<Sample['encoding']>('form', 'form', 'form', 'json', 'text'),
      accept: fc.constantFrom('application/json', 'text/html', '*/*'),
    });
    return fc.sample(sample, { numRuns: RUNS, seed: SEED + route.method.length * 7919 + route.url.length }) as Sample[];
  }

  function request(route: Route, sample: Sample, session?: { cookie: string; csrf: string }) {
    // `*` alone (the CORS preflight route of @fastify/cors) matches any path.
    const path = (route.url.startsWith('/') ? '' : '/') + route.url.replace(/:(\w+)|\*/g, (_whole, name: string | undefined) => percentEncode(asText(sample.params[name ?? '*'])));
    const query = sample.query === undefined ? '' : encodeForm(sample.query);
    const url = query ? `${path}?${query}` : path;
    const headers: Record<string, string> = { accept: sample.accept, ...(session && { cookie: session.cookie, 'x-csrf-token': session.csrf }) };
    if (route.method === 'GET' || route.method === 'OPTIONS') return { url, headers };
    const payload = { json: encodeJson, text: encodeJson, form: encodeForm, broken: (v: unknown) => encodeJson(v).slice(0, -1) }[sample.encoding](sample.body);
    headers['content-type'] = { json: 'application/json', text: 'text/plain', form: 'application/x-www-form-urlencoded', broken: 'application/json' }[sample.encoding];
    if (route.url.startsWith('/api/integrations/')) {
      // Signed like the shop's order system, so the body reaches validation.
      const timestamp = Math.floor(Date.now() / 1000);
      headers['x-aurora-timestamp'] = String(timestamp);
      headers['x-aurora-signature'] = signPayload(t.config.integrations.orderWebhookSecret!, timestamp, payload);
    }
    return { url, headers, payload };
  }

  it('answers generated bad input on every route without a 5xx', async () => {
    // Pages first (their forms teach the fuzzer field names), signing out last.
    const ordered = [...routes].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET') || Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    expect(ordered.length).toBeGreaterThanOrEqual(50);
    const failures: Failure[] = [];
    let sent = 0;
    const started = performance.now();
    for (const as of ['anonymous', 'admin'] as const) {
      let session = as === 'admin' ? await signIn() : undefined;
      for (const route of ordered) {
        for (const sample of samples(route)) {
          const { url, headers, payload } = request(route, sample, session);
          logged.length = 0;
          const res = await t.app.inject({ method: route.method as 'GET', url, headers, ...(payload !== undefined && { payload }) });
          sent++;
          if (res.statusCode >= 500) failures.push({ route: `${route.method} ${route.url}`, as, url, payload: payload?.slice(0, 300), status: res.statusCode, cause: logged.join(' | ') || res.body.slice(0, 200) });
          if ((res.headers['content-type'] ?? '').toString().startsWith('text/html')) for (const m of res.body.matchAll(/name="([A-Za-z][\w-]{0,40})"/g)) formFields.add(m[1]!);
          if (session && res.statusCode === 401 && !(await signedIn(session))) session = await signIn();
        }
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`fuzz on ${dialect}: ${sent} requests to ${ordered.length} routes in ${seconds} s, ${failures.length} answered 5xx (seed ${SEED})`);
    // One example per route that failed, with the error the server logged.
    const examples = [...new Map(failures.map((f) => [f.route, f])).values()];
    expect(examples, `5xx on ${examples.length} routes (FUZZ_SEED=${SEED})`).toEqual([]);
  }, 120_000);
});
