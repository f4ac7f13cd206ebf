// The store's contact form reaches the support queue (issue 12 item 1): a ticket (linked to the order when its
// number matches the email), a confirmation email that echoes nothing typed, within the visitor-email caps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { freePort, smtpUrlFor, startSmtpReceiver, type SmtpReceiver } from '../mail/testing/smtp-receiver';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe.each(TEST_DIALECTS)('contact form tickets on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    const port = await freePort();
    smtp = await startSmtpReceiver(port);
    t = await createTestApp(dialect, { now: () => SEED_NOW, env: { SMTP_URL: smtpUrlFor(port), WORKERS_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const post = (values: Record<string, string>, remoteAddress = '10.30.0.1') =>
    t.app.inject({ method: 'POST', url: '/contact', headers: FORM, payload: new URLSearchParams(values).toString(), remoteAddress });
  const newestTicket = () => t.db.kysely.selectFrom('tickets').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

  it('opens a ticket linked to the matching order and confirms by an email that echoes nothing typed', async () => {
    const message = 'My earrings from GG-104234 lost a stone <a href="https://evil.example">click</a>';
    const res = await post({ name: 'Ava <b>Martinez</b>', email: 'Ava.Martinez@example.com', orderNumber: 'GG-104234', message });
    expect(res.statusCode).toBe(303);
    const ticket = await newestTicket();
    const order = await t.db.kysely.selectFrom('orders').select('id').where('number', '=', 'GG-104234').executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ channel: 'contact', email: 'ava.martinez@example.com', order_id: order.id, status: 'open', priority: 'normal', answer_by: '2026-11-20T19:00:00.000Z' });
    expect(ticket.message).toContain('lost a stone');
    expect(JSON.parse(ticket.reasons)).toContain('contact_form');

    // The agent sees it in the queue.
    const listed = await t.app.services.dashboard.tickets.list({ q: 'ava.martinez@example.com' }, 0);
    expect(listed.items.map((i) => i.id)).toContain(ticket.id);
    expect(await t.app.services.dashboard.tickets.detail(ticket.id)).toMatchObject({ channel: 'contact', orderId: order.id });

    expect(await t.app.services.mail.worker.runOnce()).toMatchObject({ sent: 1 });
    const [mail] = smtp.messages.filter((m) => m.to.includes('ava.martinez@example.com'));
    expect(mail!.subject).toBe(`We received your message (ticket #${ticket.id})`);
    expect(mail!.text).toContain('A member of our team will reply by 2:00 PM today (ET).');
    for (const typed of ['Ava', 'Martinez', 'lost a stone', 'evil.example', 'GG-104234']) {
      expect(mail!.text).not.toContain(typed);
      expect(mail!.html).not.toContain(typed);
    }
  });

  it('links no order when the number does not match the email', async () => {
    await post({ name: 'Mallory', email: 'mallory@example.com', orderNumber: 'GG-104235', message: 'Where is this order?' });
    expect(await newestTicket()).toMatchObject({ email: 'mallory@example.com', order_id: null });
  });

  it('past the visitor-email caps the request still reaches the queue, without another email', async () => {
    const before = Number((await t.db.kysely.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('to_address', '=', 'target@example.com').executeTakeFirstOrThrow()).n);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect((await post({ name: 'Spam', email: 'target@example.com', message: `Hello ${i}` }, '10.30.0.9')).statusCode).toBe(303);
      ids.push((await newestTicket()).id);
    }
    expect(new Set(ids).size).toBe(5);
    const emails = Number((await t.db.kysely.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('to_address', '=', 'target@example.com').executeTakeFirstOrThrow()).n);
    expect(emails - before).toBe(3); // VISITOR_EMAILS_PER_RECIPIENT
  });

  it('a legal threat on the form flags the ticket for management', async () => {
    await post({ name: 'Larry Legal', email: 'larry@example.com', message: 'You charged me twice and my lawyer will hear about this.' });
    const ticket = await newestTicket();
    expect(ticket).toMatchObject({ management: 1, priority: 'urgent' });
    expect((await t.app.services.alerts.recent(50)).some((a) => a.kind === 'management_escalation' && JSON.parse(a.data).ticket === ticket.id)).toBe(true);
  });
});
