// The test-time response check: an answer its schema does not describe, or one the serializer would change, is a 500.
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { installResponseCheck } from './response-check';
import { HtmlPage, NoBody } from './schemas';

async function appWith(register: (app: FastifyInstance) => void) {
  const app: FastifyInstance = Fastify();
  const errors: string[] = [];
  app.setErrorHandler((error, _request, reply) => {
    errors.push((error as Error).message);
    return reply.status(500).send({ error: { code: 'internal', message: 'mismatch' } });
  });
  installResponseCheck(app);
  register(app);
  await app.ready();
  return { app, errors };
}

const Item = Type.Object({ id: Type.Integer(), name: Type.String() });

describe('the response check', () => {
  it('passes an answer its schema describes', async () => {
    const { app, errors } = await appWith((a) => a.get('/ok', { schema: { response: { 200: Item } } }, async () => ({ id: 1, name: 'Ring' })));
    const res = await app.inject({ url: '/ok' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 1, name: 'Ring' });
    expect(errors).toEqual([]);
  });

  it('refuses a property the schema leaves out (fast-json-stringify would drop it silently)', async () => {
    const { app, errors } = await appWith((a) => a.get('/extra', { schema: { response: { 200: Item } } }, async () => ({ id: 1, name: 'Ring', price: 120 })));
    expect((await app.inject({ url: '/extra' })).statusCode).toBe(500);
    expect(errors[0]).toMatch(/GET \/extra \(200\).*price: 120 became undefined/);
  });

  it('refuses a value of another type (the serializer would coerce it) and a missing property', async () => {
    const { app, errors } = await appWith((a) => {
      a.get('/coerced', { schema: { response: { 200: Item } } }, async () => ({ id: '7', name: 'Ring' }));
      a.get('/missing', { schema: { response: { 200: Item } } }, async () => ({ id: 7 }));
    });
    expect((await app.inject({ url: '/coerced' })).statusCode).toBe(500);
    expect(errors[0]).toMatch(/id: "7" became 7/);
    expect((await app.inject({ url: '/missing' })).statusCode).toBe(500);
    // fast-json-stringify refuses a missing required property by itself.
    expect(errors[1]).toMatch(/"name" is required/);
  });

  it('refuses a status or a content type the schema does not name', async () => {
    const { app, errors } = await appWith((a) => {
      a.get('/teapot', { schema: { response: { 200: Item } } }, async (_request, reply) => reply.status(418 as 200).send({ id: 1, name: 'x' }));
      a.get('/page', { schema: { response: { 200: HtmlPage('A page') } } }, async () => ({ id: 1, name: 'x' }));
      a.get('/html', { schema: { response: { 200: Item } } }, async (_request, reply) => reply.type('text/html').send('<p>hi</p>'));
      a.get('/empty', { schema: { response: { 204: NoBody('Nothing') } } }, async (_request, reply) => reply.status(204).send());
      a.get('/page-ok', { schema: { response: { 200: HtmlPage('A page') } } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send('<p>hi</p>'));
    });
    expect((await app.inject({ url: '/teapot' })).statusCode).toBe(500);
    expect(errors.at(-1)).toMatch(/no response schema for this status/);
    expect((await app.inject({ url: '/page' })).statusCode).toBe(500);
    expect(errors.at(-1)).toMatch(/application\/json is not among text\/html/);
    expect((await app.inject({ url: '/html' })).statusCode).toBe(500);
    expect(errors.at(-1)).toMatch(/text\/html where the schema describes JSON/);
    expect((await app.inject({ url: '/empty' })).statusCode).toBe(204);
    expect((await app.inject({ url: '/page-ok' })).statusCode).toBe(200);
    expect(errors).toHaveLength(3);
  });
});
