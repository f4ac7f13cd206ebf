import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createTestApp, TEST_PRODUCTION_SECRET, type TestApp } from '../../../test/support/app';
import { createMailService, MAIL_RETRY, type MailOptions, type MailService } from './service';
import { rmaCreatedEmail } from './templates';
import { freePort, smtpUrlFor, startSmtpReceiver, type SmtpReceiver } from './testing/smtp-receiver';

const T0 = new Date('2026-11-20T15:00:00.000Z');
const email = (n: number) => ({ kind: 'test', to: `customer${n}@example.com`, subject: `Hello ${n}`, text: `Plain ${n}`, html: `<p>Html ${n}</p>` });

describe.each(TEST_DIALECTS)('email outbox on %s', (dialect) => {
  let db: TestDb;
  let port: number;
  let smtp: SmtpReceiver | undefined;
  let clock = new Date(T0);
  const config = () => loadConfig({ AURORA_MODE: 'demo', SMTP_URL: smtpUrlFor(port), MAIL_FROM: '"GlowGlitch" <hello@glowglitch.example>' });

  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
    port = await freePort();
  });
  afterAll(() => db.destroy());
  afterEach(async () => {
    await smtp?.stop();
    smtp = undefined;
    await db.kysely.deleteFrom('outbox').execute();
  });

  it('keeps mail pending while SMTP is down, retries with back-off, and sends it once SMTP is back', async () => {
    const mail = createMailService(db, config(), { now: () => clock });
    const id = await mail.enqueue(email(1));
    expect(await mail.worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = await mail.mailbox.get(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    const next = await db.kysely.selectFrom('outbox').select('next_attempt_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(next.next_attempt_at).toBe(new Date(T0.getTime() + MAIL_RETRY.baseDelayMs).toISOString());

    smtp = await startSmtpReceiver(port);
    expect(await mail.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    clock = new Date(T0.getTime() + MAIL_RETRY.baseDelayMs);
    expect(await mail.worker.runOnce()).toMatchObject({ sent: 1 });
    row = await mail.mailbox.get(id);
    expect(row).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 2, lastError: null });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatchObject({ to: ['customer1@example.com'], from: 'hello@glowglitch.example', subject: 'Hello 1' });
    expect(smtp.messages[0]!.text.trim()).toBe('Plain 1');
    expect(smtp.messages[0]!.html).toContain('<p>Html 1</p>');
    mail.close();
  });

  it('sends every email exactly once with two workers (two instances, two connections) racing', async () => {
    smtp = await startSmtpReceiver(port);
    clock = new Date(T0);
    const second = { ...openDatabase(db.url, { schema: db.schema }) };
    const one = createMailService(db, config(), { now: () => clock });
    const two = createMailService(second, config(), { now: () => clock });
    for (let n = 0; n < 30; n++) await one.enqueue(email(n));
    const results = await Promise.all([one.worker.runOnce(), two.worker.runOnce(), one.worker.runOnce(), two.worker.runOnce()]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    expect(smtp.messages).toHaveLength(30);
    expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(30);
    const pending = await db.kysely.selectFrom('outbox').select('id').where('status', '<>', 'sent').execute();
    expect(pending).toHaveLength(0);
    one.close();
    two.close();
    await second.close();
  });

  const unsent = async () => (await db.kysely.selectFrom('outbox').select('id').where('status', '<>', 'sent').execute()).length;
  // Each instance polls as its scheduler does, until `done` or the time is up.
  const poll = async (mail: MailService, done: () => Promise<boolean>, forMs: number) => {
    for (const deadline = Date.now() + forMs; Date.now() < deadline && !(await done()); ) {
      await mail.worker.runOnce();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  // Two instances, each with its own connection to the database.
  const twoInstances = (options: MailOptions) => {
    const second = { ...openDatabase(db.url, { schema: db.schema }) };
    const one = createMailService(db, config(), options);
    const two = createMailService(second, config(), options);
    return { one, two, close: () => (one.close(), two.close(), second.close()) };
  };
  const duplicates = (receiver: SmtpReceiver) => receiver.messages.length - new Set(receiver.messages.map((m) => m.subject)).size;

  it('sends every email once with two workers and an SMTP server slower than the claim lease', async () => {
    smtp = await startSmtpReceiver(port, { acceptDelayMs: 300 });
    // 20 emails at 300 ms each take 6 s: far beyond one 1 s lease, well within one email's.
    const { one, two, close } = twoInstances({ leaseMs: 1_000 });
    for (let n = 0; n < 20; n++) await one.enqueue(email(n));
    const empty = async () => (await unsent()) === 0;
    await Promise.all([poll(one, empty, 15_000), poll(two, empty, 15_000)]);
    expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(20);
    expect(duplicates(smtp)).toBe(0);
    await close();
  });

  it('renews the claim while one send outlasts the lease: two workers, 1.5 s per message, a 600 ms lease, no duplicates', async () => {
    smtp = await startSmtpReceiver(port, { acceptDelayMs: 1_500 });
    const { one, two, close } = twoInstances({ leaseMs: 600, sendLimitMs: 5_000 });
    for (let n = 0; n < 3; n++) await one.enqueue(email(n));
    const empty = async () => (await unsent()) === 0;
    await Promise.all([poll(one, empty, 10_000), poll(two, empty, 10_000)]);
    expect(await unsent()).toBe(0);
    expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(3);
    expect(duplicates(smtp)).toBe(0);
    await close();
  });

  it('abandons a send that hangs past its limit (closing the connection) and retries it later, once', async () => {
    // The relay takes 2.5 s over the first message; the limit is 1 s, so the worker hangs up before it is confirmed.
    const hangMs = 2_500;
    smtp = await startSmtpReceiver(port, { acceptDelayMs: (arrival) => (arrival === 1 ? hangMs : 0) });
    let offset = 0;
    const { one, two, close } = twoInstances({ now: () => new Date(Date.now() + offset), leaseMs: 600, sendLimitMs: 1_000 });
    const id = await one.enqueue(email(1));
    const started = Date.now();
    const attempted = async () => (await one.mailbox.get(id))!.attempts > 0;
    await Promise.all([poll(one, attempted, 5_000), poll(two, attempted, 5_000)]);
    const gaveUpAfterMs = Date.now() - started;
    // The other worker keeps polling for longer than the lease: it must not take the row meanwhile.
    await poll(two, async () => false, 800);
    const row = await one.mailbox.get(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/longer than 1000 ms/);
    expect(gaveUpAfterMs).toBeLessThan(2_500);
    expect(smtp.messages).toHaveLength(0);

    offset = MAIL_RETRY.baseDelayMs; // the retry is due
    expect(await two.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await one.worker.runOnce()).toMatchObject({ sent: 0 });
    expect(await one.mailbox.get(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    // Past the time the relay would have confirmed the first attempt: had the connection stayed open, it would count twice.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + hangMs + 300 - Date.now())));
    expect(smtp.messages.map((m) => m.subject)).toEqual(['Hello 1']);
    await close();
  });

  it('gives up on a permanent rejection after a few attempts', async () => {
    const rejecting = { name: 'smtp', send: async () => Promise.reject(Object.assign(new Error('550 No such user'), { responseCode: 550 })), close: () => undefined };
    const mail = createMailService(db, config(), { now: () => clock, sender: rejecting });
    const id = await mail.enqueue(email(7));
    for (let attempt = 1; attempt <= MAIL_RETRY.maxPermanentAttempts; attempt++) {
      clock = new Date(clock.getTime() + MAIL_RETRY.maxDelayMs);
      await mail.worker.runOnce();
    }
    expect(await mail.mailbox.get(id)).toMatchObject({ status: 'failed', attempts: MAIL_RETRY.maxPermanentAttempts, lastError: '550 No such user' });
  });

  it('queues one email per dedupe key', async () => {
    const mail = createMailService(db, config(), { now: () => clock });
    const a = await mail.enqueue({ ...email(1), dedupeKey: 'rma:RMA-TEST0001:created' });
    const b = await mail.enqueue({ ...email(1), dedupeKey: 'rma:RMA-TEST0001:created' });
    expect(a).toBe(b);
    expect((await mail.mailbox.list()).total).toBe(1);
  });

  it('demo mode without SMTP keeps mail readable in the mailbox; production without SMTP holds it', async () => {
    const demo = createMailService(db, loadConfig({ AURORA_MODE: 'demo' }), { now: () => clock });
    const id = await demo.enqueue(email(3));
    expect(await demo.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await demo.mailbox.get(id)).toMatchObject({ status: 'sent', transport: 'mailbox', html: '<p>Html 3</p>', text: 'Plain 3' });

    const production = createMailService(db, loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: TEST_PRODUCTION_SECRET }), { now: () => clock });
    const held = await production.enqueue(email(4));
    expect(production.transport).toBeNull();
    expect(await production.worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await production.mailbox.get(held)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('email templates', () => {
  it('escape customer text and carry the RMA, the label link and the 14-day rule in HTML and text', () => {
    const content = rmaCreatedEmail({ shopName: 'GlowGlitch', customerName: '<script>alert(1)</script>', rmaNumber: 'RMA-ABCD2345', orderNumber: 'GG-104234', piece: 'Halo "Ring"', kind: 'return', newSize: null, labelUrl: 'https://shop.example/returns/RMA-ABCD2345/label?token=abc', shipWithinDays: 14 });
    // A name that is not plainly a name is not repeated at all (greeting); other customer text is escaped.
    expect(content.html).not.toContain('<script>');
    expect(content.text).not.toContain('<script>');
    expect(content.html).toContain('Hello,');
    expect(content.html).toContain('Halo &quot;Ring&quot;');
    for (const part of [content.html, content.text]) {
      expect(part).toContain('RMA-ABCD2345');
      expect(part).toContain('Ship within 14 days for a full refund.');
      expect(part).toContain('https://shop.example/returns/RMA-ABCD2345/label?token=abc');
    }
    expect(content.html).toContain('font-family:Cormorant Garamond');
  });
});

describe.each(TEST_DIALECTS)('demo mailbox pages on %s', (dialect) => {
  // One app at a time: on PostgreSQL the migrator looks for its tables in every schema of the database.
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('lists emails and shows one sandboxed and escaped', async () => {
    t = await createTestApp(dialect, { seed: false });
    const id = await t.app.services.mail.enqueue({ kind: 'test', to: 'ava@example.com', subject: 'Your <b>return</b>', text: 'Plain body', html: '<p style="color:#b3365f">Branded</p>' });
    const list = await t.app.inject({ url: '/dev/mailbox' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Your &lt;b&gt;return&lt;/b&gt;');
    expect(list.body).toContain(`/dev/mailbox/${id}`);
    const one = await t.app.inject({ url: `/dev/mailbox/${id}` });
    expect(one.body).toContain('sandbox=""');
    expect(one.body).toContain(`src="/dev/mailbox/${id}/html"`);
    const framed = await t.app.inject({ url: `/dev/mailbox/${id}/html` });
    expect(framed.body).toBe('<p style="color:#b3365f">Branded</p>');
    expect(framed.headers['content-security-policy']).toContain("default-src 'none'");
    expect(one.body).toContain('Plain body');
    expect((await t.app.inject({ url: '/dev/mailbox/999999' })).statusCode).toBe(404);
  });

  it('is not served in production', async () => {
    t = await createTestApp(dialect, { seed: false, env: { AURORA_MODE: 'production', SESSION_SECRET: TEST_PRODUCTION_SECRET } });
    expect((await t.app.inject({ url: '/dev/mailbox' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/dev/mailbox/1/html' })).statusCode).toBe(404);
  });
});
