// TRUST_PROXY: every per-address limit is keyed on the real client address, so a spoofed X-Forwarded-For escapes none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/support/app';
import { TEST_DIALECTS } from '../test/support/db';
import { loadConfig } from './config';

const ORDER = { orderNumber: 'GG-104233', email: 'ava.martinez@example.com' };

/** A different made-up client address for each request, as an attacker rotating the header would send. */
const spoofed = (i: number) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;

async function newSession(t: TestApp, remoteAddress = '127.0.0.1'): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {}, remoteAddress });
  expect(res.statusCode).toBe(201);
  return res.json().sessionId;
}

function lookup(t: TestApp, sessionId: string, headers: Record<string, string>, remoteAddress = '127.0.0.1', body = ORDER) {
  return t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/order_lookup`, payload: body, headers, remoteAddress });
}

/** How many of the answers were refused with 429. */
const refused = (codes: number[]) => codes.filter((c) => c === 429).length;

describe('TRUST_PROXY configuration', () => {
  it('trusts no proxy by default and takes a hop count or a list of addresses and CIDRs', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,loopback, fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', 'loopback', 'fd00::/8']);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['true', '*', '11', '-1', '10.0.0.0/33', '10.0.0', 'proxy.example.com', '10.0.0.1,,10.0.0.2', '::1/129']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe.each(TEST_DIALECTS)('per-address limits with the default TRUST_PROXY on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { WIDGET_RATE_LIMIT_PER_MINUTE: '40' } });
  });
  afterAll(() => t.close());

  it('a rotating X-Forwarded-For does not escape the widget rate limit on order lookups', async () => {
    const sessionId = await newSession(t, '203.0.113.10');
    const codes: number[] = [];
    for (let i = 0; i < 50; i++) codes.push((await lookup(t, sessionId, { 'x-forwarded-for': spoofed(i) }, '203.0.113.11')).statusCode);
    expect(codes.slice(0, 40)).toEqual(Array(40).fill(200));
    expect(refused(codes)).toBe(10);
  });

  it('a rotating X-Forwarded-For does not escape the failed-lookup limit per address (20 per 15 minutes, in the database)', async () => {
    const codes: number[] = [];
    // Each try from a fresh session and a fresh socket address for the session, so only the lookup's address counts.
    for (let i = 0; i < 25; i++) {
      const sessionId = await newSession(t, `203.0.113.${100 + i}`);
      codes.push((await lookup(t, sessionId, { 'x-forwarded-for': spoofed(i) }, '203.0.113.12', { ...ORDER, email: `guess${i}@example.com` })).statusCode);
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(codes.slice(20)).toEqual(Array(5).fill(429));
  });
});

describe.each(TEST_DIALECTS)('the sign-in limit per address with the default TRUST_PROXY on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false });
  });
  afterAll(() => t.close());

  it('70 sign-ins with a rotating X-Forwarded-For: 60 are checked, 10 refused by the per-address limit', async () => {
    const codes: number[] = [];
    for (let batch = 0; batch < 7; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, j) => {
          const i = batch * 10 + j;
          // A different email each time, so the per-email lockout plays no part.
          return t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: `guess${i}@glowglitch.test`, password: 'not-the-password' }, headers: { 'x-forwarded-for': spoofed(i) } });
        }),
      );
      codes.push(...answers.map((a) => a.statusCode));
    }
    expect(codes.filter((c) => c === 401)).toHaveLength(60);
    expect(refused(codes)).toBe(10);
  });
});

describe.each(TEST_DIALECTS)('X-Forwarded-For from trusted proxies only on %s', (dialect) => {
  let cidr: TestApp;
  let hops: TestApp;
  beforeAll(async () => {
    cidr = await createTestApp(dialect, { env: { WIDGET_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '10.0.0.0/8' } });
    hops = await createTestApp(dialect, { env: { WIDGET_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await cidr.close();
    await hops.close();
  });

  async function codesOf(t: TestApp, remoteAddress: string, forwardedFor: (i: number) => string): Promise<number[]> {
    const sessionId = await newSession(t, '192.0.2.1');
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await lookup(t, sessionId, { 'x-forwarded-for': forwardedFor(i) }, remoteAddress)).statusCode);
    return codes;
  }

  it('TRUST_PROXY=10.0.0.0/8: the header names the client behind a proxy in the range, and is ignored from anyone else', async () => {
    // Eight customers behind the shop's proxy: each their own address, none refused.
    expect(refused(await codesOf(cidr, '10.1.2.3', spoofed))).toBe(0);
    // One customer behind the proxy: limited like any client.
    expect(refused(await codesOf(cidr, '10.1.2.3', () => '203.0.113.50'))).toBe(3);
    // A client outside the range sending the header itself: its own socket address counts.
    expect(refused(await codesOf(cidr, '198.51.100.20', spoofed))).toBe(3);
  });

  it('TRUST_PROXY=1: only the entry the one trusted hop added counts, not what the client put before it', async () => {
    expect(refused(await codesOf(hops, '10.9.9.9', (i) => `${spoofed(i)}, 203.0.113.60`))).toBe(3);
    expect(refused(await codesOf(hops, '10.9.9.9', (i) => `203.0.113.70, ${spoofed(i)}`))).toBe(0);
  });
});
