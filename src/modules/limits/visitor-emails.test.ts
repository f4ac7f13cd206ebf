// Audit item 4: the forms were an open relay (300 confirmation emails to any address in 3 s, quoting the typed
// message). Emails a visitor triggers are capped per recipient, session and client address in the database.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/connection';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { createAttemptLimits } from './attempts';
import { createVisitorEmailLimits, ORDER_EMAILS_PER_HOUR } from './visitor-emails';

const PHISHING = 'Your GlowGlitch account is locked. Verify your card at http://glowglitch-verify.example within 24 hours.';

describe.each(TEST_DIALECTS)('emails a visitor can trigger on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date(SEED_NOW);
  // The per-instance request limit is raised so that what stops the burst is the email cap itself.
  const env = { WORKERS_ENABLED: 'false', WIDGET_RATE_LIMIT_PER_MINUTE: '100000' };

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => clock, env });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    // Each test starts an hour after the last one: earlier emails are out of the window.
    clock = new Date(clock.getTime() + 61 * 60_000);
  });

  const session = async (app: FastifyInstance = t.app, remoteAddress = '127.0.0.1') =>
    (await app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {}, remoteAddress })).json().sessionId as string;
  let keySeq = 0;
  const stylist = (sessionId: string, form: { name?: string; email: string; message?: string }, options: { app?: FastifyInstance; remoteAddress?: string } = {}) =>
    (options.app ?? t.app).inject({
      method: 'POST',
      url: `/api/widget/sessions/${sessionId}/forms/stylist`,
      payload: { name: 'Ava Martinez', message: 'Can you help me choose a pendant?', ...form },
      headers: { 'idempotency-key': `burst-key-${String(++keySeq).padStart(6, '0')}` },
      remoteAddress: options.remoteAddress ?? '127.0.0.1',
    });
  const queuedTo = async (to: string) => (await t.db.kysely.selectFrom('outbox').selectAll().where('to_address', '=', to).execute());
  const queuedSince = async (since: Date) => (await t.db.kysely.selectFrom('outbox').select('id').where('created_at', '>=', since.toISOString()).execute()).length;

  it('a burst of 300 stylist requests to one address queues 3 emails; the rest get 429 rate_limited', async () => {
    const sessionId = await session();
    const answers = await Promise.all(Array.from({ length: 300 }, () => stylist(sessionId, { email: 'victim@example.net', message: PHISHING })));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused).toHaveLength(297);
    expect(refused[0]!.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('try again in an hour') });
    expect(await queuedTo('victim@example.net')).toHaveLength(3);
    // Refused requests leave no ticket behind either.
    expect((await t.db.kysely.selectFrom('tickets').select('id').where('email', '=', 'victim@example.net').execute()).length).toBe(3);
  });

  it('caps one session at 5 emails and one client address at 20, whatever the recipients', async () => {
    const start = clock;
    const sessionId = await session();
    const bySession = await Promise.all(Array.from({ length: 50 }, (_, i) => stylist(sessionId, { email: `session-${i}@example.net` })));
    expect(bySession.filter((a) => a.statusCode === 200)).toHaveLength(5);
    expect(await queuedSince(start)).toBe(5);

    const sessions = await Promise.all(Array.from({ length: 60 }, () => session(t.app, '10.9.0.1')));
    const byAddress = await Promise.all(sessions.map((id, i) => stylist(id, { email: `address-${i}@example.net` }, { remoteAddress: '10.9.0.1' })));
    expect(byAddress.filter((a) => a.statusCode === 200)).toHaveLength(20);
    expect(await queuedSince(start)).toBe(25);
    // Another visitor is not held back by them.
    expect((await stylist(await session(t.app, '10.9.0.2'), { email: 'someone.else@example.net' }, { remoteAddress: '10.9.0.2' })).statusCode).toBe(200);
  });

  it('counts one mailbox however its address is spelled (+tags, Gmail dots and googlemail.com)', async () => {
    const spellings = ['victim@gmail.com', 'victim+1@gmail.com', 'Victim+shop@Gmail.com', 'v.i.c.t.i.m@gmail.com', 'vic.tim+2@googlemail.com', ...Array.from({ length: 7 }, (_, i) => `victim+${i + 3}@gmail.com`)];
    const answers = [];
    for (const [i, email] of spellings.entries()) answers.push(await stylist(await session(t.app, `10.7.0.${i + 1}`), { email }, { remoteAddress: `10.7.0.${i + 1}` }));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, ...Array(9).fill(429)]);
    // Another person at the same provider is not held back.
    expect((await stylist(await session(t.app, '10.7.1.1'), { email: 'victor@gmail.com' }, { remoteAddress: '10.7.1.1' })).statusCode).toBe(200);
  });

  it('counts the addresses of one IPv6 /64 as one client', async () => {
    const host = (i: number) => `2001:db8:1:2::${(i + 1).toString(16)}`;
    const sessions = [];
    for (let i = 0; i < 30; i++) sessions.push(await session(t.app, host(i)));
    const answers = await Promise.all(sessions.map((id, i) => stylist(id, { email: `v6-${i}@example.net` }, { remoteAddress: host(i) })));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(20);
    // The next /64 is another client.
    expect((await stylist(await session(t.app, '2001:db8:1:3::1'), { email: 'v6-next@example.net' }, { remoteAddress: '2001:db8:1:3::1' })).statusCode).toBe(200);
  });

  it('an hour later the same address can be reached again; a double submit counts once', async () => {
    const sessionId = await session();
    const same = { 'idempotency-key': 'double-submit-0001' };
    const form = { name: 'Ava Martinez', email: 'hourly@example.net', message: 'Engraving?' };
    const twice = await Promise.all([0, 1].map(() => t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/stylist`, payload: form, headers: same })));
    expect(twice.map((a) => a.statusCode)).toEqual([200, 200]);
    for (let i = 0; i < 2; i++) expect((await stylist(sessionId, { email: 'hourly@example.net' })).statusCode).toBe(200);
    expect((await stylist(sessionId, { email: 'hourly@example.net' })).statusCode).toBe(429);
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect((await stylist(await session(), { email: 'hourly@example.net' })).statusCode).toBe(200);
  });

  it('the confirmation repeats neither the typed message nor the full name', async () => {
    const sessionId = await session();
    expect((await stylist(sessionId, { name: 'Ava Martinez', email: 'echo@example.net', message: PHISHING })).statusCode).toBe(200);
    expect((await stylist(sessionId, { name: 'http://glowglitch-verify.example Support', email: 'echo2@example.net', message: PHISHING })).statusCode).toBe(200);
    const [first] = await queuedTo('echo@example.net');
    const [second] = await queuedTo('echo2@example.net');
    for (const row of [first!, second!]) {
      const stored = `${row.subject}\n${row.html_body}\n${row.text_body}`;
      expect(stored).not.toContain('account is locked');
      expect(stored).not.toContain('glowglitch-verify');
      expect(stored).not.toContain('Martinez');
    }
    expect(first!.text_body).toMatch(/^Hello Ava,\n/);
    expect(second!.text_body).toMatch(/^Hello,\n/);
    // The stylist still has the whole message in the ticket.
    expect((await t.db.kysely.selectFrom('tickets').select('message').where('email', '=', 'echo@example.net').executeTakeFirstOrThrow()).message).toBe(PHISHING);
  });

  it('an RMA email goes to the order\'s own address: it is capped per order, not by the confirmations sent to that address', async () => {
    const sessionId = await session();
    for (let i = 0; i < 3; i++) expect((await stylist(sessionId, { email: 'ava.martinez@example.com' })).statusCode).toBe(200);
    expect((await stylist(await session(), { email: 'ava.martinez@example.com' })).statusCode).toBe(429);
    const item = await t.db.kysely.selectFrom('order_items').innerJoin('orders', 'orders.id', 'order_items.order_id').select('order_items.id').where('orders.number', '=', 'GG-104234').executeTakeFirstOrThrow();
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/widget/sessions/${await session()}/forms/return`,
      payload: { orderNumber: 'GG-104234', email: 'ava.martinez@example.com', kind: 'return', itemId: item.id, reason: 'Too small' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((await queuedTo('ava.martinez@example.com')).filter((row) => row.kind === 'rma_created')).toHaveLength(1);
    // The per-order cap itself, with the same store: ORDER_EMAILS_PER_HOUR, then refused.
    const limits = createVisitorEmailLimits(createAttemptLimits(t.db, t.config.sessionSecret, () => clock), { perRecipient: 3, perSession: 100, perClient: 100 });
    const by = { sessionId: 'order-cap-session', clientAddress: '10.8.0.1' };
    for (let i = 1; i < ORDER_EMAILS_PER_HOUR; i++) await limits.reserveForOrder('GG-104234', by);
    await expect(limits.reserveForOrder('GG-104234', by)).rejects.toMatchObject({ code: 'rate_limited' });
    await limits.reserveForOrder('GG-104233', by);
  });

  it('the caps hold across two instances on one database', async () => {
    const secondDb = openDatabase(t.db.url, t.db.schema ? { schema: t.db.schema } : {});
    const second = await buildApp(t.config, { db: secondDb, logger: false, now: () => clock });
    try {
      const sessionId = await session();
      const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => stylist(sessionId, { email: 'two-instances@example.net' }, { app: i % 2 ? second : t.app })));
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3);
      expect(await queuedTo('two-instances@example.net')).toHaveLength(3);
    } finally {
      await second.close();
      await secondDb.close();
    }
  });
});
