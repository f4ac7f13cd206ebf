// Issue 12 item 6 on real databases: one greeting in agent replies, the order confirmation the store promises,
// and a /dev/mailbox banner that says whether mail really leaves.
import { afterEach, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, SEED_NOW, type TestApp } from '../support/app';
import { TEST_DIALECTS } from '../support/db';
import { freePort, smtpUrlFor, startSmtpReceiver, type SmtpReceiver } from '../../src/modules/mail/testing/smtp-receiver';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const form = (values: Record<string, string | number>) => new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();
const SHIPPING = { name: 'Ana Lopez', email: 'ana.confirm@example.com', phone: '+1 512 555 0100', line1: '12 Rose Court', city: 'Austin', postalCode: '78701', country: 'US' };

describe.each(TEST_DIALECTS)('emails that read right on %s', (dialect) => {
  // One app at a time: on PostgreSQL the migrator looks for its tables in every schema of the database.
  let t: TestApp | undefined;
  let smtp: SmtpReceiver | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.stop();
    t = undefined;
    smtp = undefined;
  });

  async function staffAndTicket(app: TestApp) {
    const at = SEED_NOW.toISOString();
    const staff = await app.db.kysely
      .insertInto('staff_users')
      .values({ email: 'mia@glowglitch.example', name: 'Mia Stylist', role: 'agent', password_hash: 'x', disabled: 0, failed_attempts: 0, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sessionId = (await app.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: 'visitor-greeting-1' } })).json().sessionId as string;
    const res = await app.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/stylist`, payload: { name: 'Larry Legal', email: 'larry@example.com', message: 'Can you resize my ring?' } });
    expect(res.statusCode).toBe(200);
    return { staffId: staff.id, ticketId: res.json().ticket.id as number };
  }

  it('an agent reply that already says "Hi Larry," is emailed with that one greeting; one without gets "Hello Larry,"', async () => {
    t = await createTestApp(dialect, { seed: false, env: { WORKERS_ENABLED: 'false' } });
    const { staffId, ticketId } = await staffAndTicket(t);
    await t.app.services.tickets.reply(ticketId, 'Hi Larry,\nyes, we can resize it to a 7.', staffId);
    await t.app.services.tickets.reply(ticketId, 'It ships back on Monday.', staffId);
    const { items } = await t.app.services.mail.mailbox.list({ ticketId });
    const replies = await Promise.all(items.filter((i) => i.kind === 'stylist_reply').map((i) => t!.app.services.mail.mailbox.get(i.id)));
    const texts = replies.map((r) => r!.text);
    expect(texts.filter((x) => x.startsWith('Hi Larry,\nyes, we can resize it to a 7.'))).toHaveLength(1);
    expect(texts.filter((x) => x.startsWith('Hello Larry,\n\nIt ships back on Monday.'))).toHaveLength(1);
    for (const r of replies) {
      expect(r!.text.match(/\b(?:hi|hello)\b/gi)).toHaveLength(1);
      expect(r!.html).not.toContain('Hello Larry Legal');
    }
  });

  it('checkout queues one order confirmation with number, items, total and delivery date, and nothing else the visitor typed', async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW, env: { WORKERS_ENABLED: 'false' } });
    const { items } = (await t.app.inject({ url: '/api/products?category=necklace&available=true&pageSize=1' })).json();
    const product = items[0] as { id: number; name: string };
    const added = await t.app.inject({ method: 'POST', url: '/cart/items', headers: FORM, payload: form({ productId: product.id, quantity: 1 }) });
    const cookie = cookiesFrom(added);
    const payload = form({ ...SHIPPING, idempotencyKey: 'key-confirmation-0001' });
    const [first, second] = await Promise.all([0, 1].map(() => t!.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload })));
    expect([first!.statusCode, second!.statusCode]).toEqual([303, 303]);
    const again = await t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload });
    expect(again.statusCode).toBe(303);
    const order = await t.db.kysely.selectFrom('orders').selectAll().where('idempotency_key', '=', 'key-confirmation-0001').executeTakeFirstOrThrow();

    const page = await t.app.inject({ url: first!.headers.location as string, headers: { accept: 'text/html' } });
    expect(page.body).toContain('sent a confirmation to <strong>ana.confirm@example.com</strong>');
    const queued = (await t.app.services.mail.mailbox.list({ to: SHIPPING.email })).items;
    expect(queued.map((q) => q.kind)).toEqual(['order_confirmation']);
    const email = (await t.app.services.mail.mailbox.get(queued[0]!.id))!;
    expect(email.subject).toBe(`Your order ${order.number} is confirmed`);
    for (const part of [email.text, email.html]) {
      expect(part).toContain(order.number);
      expect(part).toContain(product.name);
      expect(part).toContain('Hello Ana,');
      expect(part).toContain('Estimated delivery: November 26, 2026'); // placed at SEED_NOW, six days
      for (const typed of ['Lopez', 'Rose Court', 'Austin', '78701', '555 0100']) expect(part).not.toContain(typed);
    }
    expect(email.text).toMatch(new RegExp(`Total \\$${(order.total_cents / 100).toLocaleString('en-US')}\\b`));
  });

  it('checkout confirmations count against the visitor-email caps: a fourth order to one address within the hour is placed without an email, and its page does not claim one', async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW, env: { WORKERS_ENABLED: 'false' } });
    const { items } = (await t.app.inject({ url: '/api/products?category=necklace&available=true&pageSize=4' })).json();
    const pages = [];
    for (const [i, product] of (items as { id: number }[]).entries()) {
      const added = await t.app.inject({ method: 'POST', url: '/cart/items', headers: FORM, payload: form({ productId: product.id, quantity: 1 }) });
      const placed = await t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie: cookiesFrom(added) }, payload: form({ ...SHIPPING, email: `a.n.a+${i}@gmail.com`, idempotencyKey: `key-capped-order-000${i}` }) });
      expect(placed.statusCode).toBe(303);
      pages.push((await t.app.inject({ url: placed.headers.location as string, headers: { accept: 'text/html' } })).body);
    }
    expect((await t.db.kysely.selectFrom('orders').select('id').where('idempotency_key', 'like', 'key-capped-%').execute()).length).toBe(4);
    expect((await t.db.kysely.selectFrom('outbox').select('id').where('kind', '=', 'order_confirmation').execute()).length).toBe(3);
    expect(pages.slice(0, 3).every((body) => body.includes('sent a confirmation to'))).toBe(true);
    expect(pages[3]).not.toContain('sent a confirmation');
  });

  it('the /dev/mailbox banner says mail really leaves via SMTP when SMTP_URL is set, with each row’s real status', async () => {
    const port = await freePort();
    smtp = await startSmtpReceiver(port);
    t = await createTestApp(dialect, { seed: false, env: { SMTP_URL: smtpUrlFor(port), WORKERS_ENABLED: 'false' } });
    const sent = await t.app.services.mail.enqueue({ kind: 'test', to: 'sent@example.com', subject: 'Goes out', text: 'x', html: '<p>x</p>' });
    await t.app.services.mail.worker.runOnce();
    const waiting = await t.app.services.mail.enqueue({ kind: 'test', to: 'later@example.com', subject: 'Waits', text: 'y', html: '<p>y</p>' });
    expect(smtp.messages.map((m) => m.to)).toEqual([['sent@example.com']]);
    const list = (await t.app.inject({ url: '/dev/mailbox' })).body;
    expect(list).toContain('really leave via SMTP');
    expect(list).not.toContain('not sent');
    expect(list).toContain('sent via SMTP');
    expect(list).toContain('pending (0 attempts)');
    expect((await t.app.inject({ url: `/dev/mailbox/${sent}` })).body).toContain('sent via SMTP');
    expect((await t.app.inject({ url: `/dev/mailbox/${waiting}` })).body).toContain('really leave via SMTP');
  });

  it('without SMTP_URL the banner and each row say the mail stays here', async () => {
    t = await createTestApp(dialect, { seed: false, env: { WORKERS_ENABLED: 'false' } });
    const id = await t.app.services.mail.enqueue({ kind: 'test', to: 'kept@example.com', subject: 'Stays', text: 'x', html: '<p>x</p>' });
    await t.app.services.mail.worker.runOnce();
    const list = (await t.app.inject({ url: '/dev/mailbox' })).body;
    expect(list).toContain('emails stay here and are not sent');
    expect(list).toContain('kept here (not sent)');
    expect(list).not.toContain('SMTP_URL is set');
    expect((await t.app.inject({ url: `/dev/mailbox/${id}` })).body).toContain('kept here (not sent)');
  });
});
