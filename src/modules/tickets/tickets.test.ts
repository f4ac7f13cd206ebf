import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { freePort, smtpUrlFor, startSmtpReceiver, type SmtpReceiver } from '../mail/testing/smtp-receiver';
import { startWebhookReceiver, type WebhookReceiver } from '../alerts/testing/webhook-receiver';

type Block = { type: string; text?: string; form?: string };

// SEED_NOW is Friday 2026-11-20 10:00 in New York: inside business hours (Mon–Fri 09:00–18:00).
describe.each(TEST_DIALECTS)('stylist tickets on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;
  let clock = new Date(SEED_NOW);
  let staffId: number;

  beforeAll(async () => {
    const port = await freePort();
    smtp = await startSmtpReceiver(port);
    hook = await startWebhookReceiver();
    t = await createTestApp(dialect, { now: () => clock, env: { SMTP_URL: smtpUrlFor(port), ALERTS_WEBHOOK_URL: hook.url, WORKERS_ENABLED: 'false' } });
    const staff = await t.db.kysely.selectFrom('staff_users').select('id').executeTakeFirst();
    staffId =
      staff?.id ??
      (await t.db.kysely
        .insertInto('staff_users')
        .values({ email: 'mia@glowglitch.example', name: 'Mia Stylist', role: 'agent', password_hash: 'x', disabled: 0, failed_attempts: 0, created_at: SEED_NOW.toISOString(), updated_at: SEED_NOW.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await hook.stop();
  });
  beforeEach(() => {
    clock = new Date(SEED_NOW);
  });

  const session = async () => (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: 'visitor-tickets-1' } })).json().sessionId as string;
  const submit = (sessionId: string, body: object, key?: string) =>
    t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/stylist`, payload: body, headers: key ? { 'idempotency-key': key } : {} });
  const deliverMail = () => t.app.services.mail.worker.runOnce();
  const mailTo = (to: string) => smtp.messages.filter((m) => m.to.includes(to));

  it('standard customer: normal priority, 4 business hours, the promise in the widget and by email', async () => {
    const sessionId = await session();
    const product = (await t.app.inject({ url: '/api/products?pageSize=1' })).json().items[0];
    expect((await t.app.inject({ method: 'POST', url: '/api/widget/shortlist', payload: { visitorId: 'visitor-tickets-1', productId: product.id } })).statusCode).toBe(201);
    const res = await submit(sessionId, { name: 'Ava Martinez', email: 'Ava.Martinez@example.com', message: 'Can you help me pick a pendant for my sister?', urgent: false }, 'stylist-key-0001');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { replies: Block[]; ticket: { id: number; priority: string; answerBy: string } };
    expect(body.ticket).toMatchObject({ priority: 'normal', answerBy: '2026-11-20T19:00:00.000Z' });
    expect(body.replies[0]!.text).toContain(`ticket #${body.ticket.id}`);
    expect(body.replies[0]!.text).toContain('A stylist will reply by 2:00 PM today (ET).');
    expect(body.replies.some((b) => b.type === 'form' && b.form === 'csat')).toBe(true);
    const detail = await t.app.services.dashboard.tickets.detail(body.ticket.id);
    expect(detail).toMatchObject({ email: 'ava.martinez@example.com', tier: 'standard', status: 'open', overdue: false });
    expect(detail.shortlist).toEqual([expect.objectContaining({ id: product.id, name: product.name, url: `/products/${product.slug}` })]);

    expect(await deliverMail()).toMatchObject({ sent: 1 });
    const [mail] = mailTo('ava.martinez@example.com');
    expect(mail!.subject).toBe(`We received your request (ticket #${body.ticket.id})`);
    expect(mail!.text).toContain('A stylist will reply by 2:00 PM today (ET).');
    expect(mail!.html).toContain('2:00 PM today (ET)');

    const transcript = (await t.app.inject({ url: `/api/widget/sessions/${sessionId}` })).json().messages as { role: string; text?: string }[];
    expect(transcript.at(-2)).toMatchObject({ role: 'customer', text: 'Stylist request: Can you help me pick a pendant for my sister?' });
  });

  it('a double submit answers the same ticket and sends one email', async () => {
    const sessionId = await session();
    const form = { name: 'Ava Martinez', email: 'ava.martinez@example.com', message: 'Gift wrapping for an order please', urgent: false };
    const [first, second] = await Promise.all([submit(sessionId, form, 'double-key-0001'), submit(sessionId, form, 'double-key-0001')]);
    expect(first.json().ticket.id).toBe(second.json().ticket.id);
    const rows = await t.db.kysely.selectFrom('tickets').select('id').where('conversation_id', '=', sessionId).execute();
    expect(rows).toHaveLength(1);
    const emails = await t.db.kysely.selectFrom('outbox').select('id').where('ticket_id', '=', rows[0]!.id).execute();
    expect(emails).toHaveLength(1);
    const detail = await t.app.services.dashboard.tickets.detail(rows[0]!.id);
    expect(detail.reasons).toContain('gift_wrapping');
  });

  it('VIP customer: high priority and 1 business hour; urgent: immediate', async () => {
    const vip = (await submit(await session(), { name: 'Olivia Chen', email: 'olivia.chen@example.com', message: 'Looking for an anniversary ring', urgent: false })).json();
    expect(vip.ticket).toMatchObject({ priority: 'high', answerBy: '2026-11-20T16:00:00.000Z' });
    expect(vip.replies[0].text).toContain('11:00 AM today (ET)');

    const urgent = (await submit(await session(), { name: 'Sam Lee', email: 'sam.lee@example.com', message: 'I need help today', urgent: true })).json();
    expect(urgent.ticket).toMatchObject({ priority: 'urgent', answerBy: SEED_NOW.toISOString() });
    expect(urgent.replies[0].text).toContain('a stylist is contacting you right away');
  });

  it('after closing time the promise moves to the next business day', async () => {
    clock = new Date('2026-11-20T22:30:00.000Z'); // Friday 17:30 EST → 30 min Friday + 3.5 h Saturday
    const res = (await submit(await session(), { name: 'Ava Martinez', email: 'ava.martinez@example.com', message: 'Question about sizing', urgent: false })).json();
    expect(res.ticket.answerBy).toBe('2026-11-21T18:30:00.000Z');
    expect(res.replies[0].text).toContain('1:30 PM tomorrow (ET)');
  });

  it('a management trigger flags the ticket and alerts the webhook once', async () => {
    hook.bodies.length = 0;
    const sessionId = await session();
    await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text: 'You charged me twice for my order' } });
    const res = (await submit(sessionId, { name: 'Olivia Chen', email: 'olivia.chen@example.com', message: 'My lawyer will hear about this. Terrible service.', urgent: false })).json();
    const detail = await t.app.services.dashboard.tickets.detail(res.ticket.id);
    expect(detail.management).toBe(true);
    expect(detail.reasons).toEqual(expect.arrayContaining(['legal_threat', 'financial_error', 'unhappy_vip']));
    expect(detail.transcript.length).toBeGreaterThan(0);

    expect(await t.app.services.alerts.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]!.text).toContain(`Management escalation: ticket #${res.ticket.id} from Olivia Chen (VIP customer)`);
    expect(hook.bodies[0]!.text).toContain('legal threat');
  });

  it('rejects a bad form with the fields to fix, and an unknown session with 404', async () => {
    const sessionId = await session();
    const bad = await submit(sessionId, { name: '', email: 'not-an-email', message: 'hi' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toMatchObject({ name: expect.any(String), email: expect.any(String) });
    const gone = await submit('cs_AAAAAAAAAAAAAAAAAAAAAA', { name: 'A', email: 'a@example.com', message: 'hi' });
    expect(gone.statusCode).toBe(404);
  });

  it('alerts once on a ticket past its answer-by time without a reply', async () => {
    const { ticket } = (await submit(await session(), { name: 'Noah Park', email: 'noah.park@example.com', message: 'Do you do appraisals?', urgent: false })).json();
    hook.bodies.length = 0;
    clock = new Date('2026-11-20T19:30:00.000Z'); // 30 minutes after the 14:00 EST promise
    const alerted = await t.app.services.tickets.checkOverdue();
    expect(alerted).toBeGreaterThanOrEqual(1);
    expect(await t.app.services.tickets.checkOverdue()).toBe(0);
    await t.app.services.alerts.worker.runOnce();
    expect(hook.bodies.filter((b) => b.text.includes(`Ticket #${ticket.id} `))).toHaveLength(1);
    expect(hook.bodies.find((b) => b.text.includes(`Ticket #${ticket.id} `))!.text).toContain('30 minutes past its answer-by time');
  });

  it('gives the dashboard list filters, assignment, status, notes, replies by email and a history', async () => {
    const tickets = t.app.services.tickets;
    const queries = t.app.services.dashboard.tickets; // what the dashboard reads
    const { ticket } = (await submit(await session(), { name: 'Lena <b>Ortiz</b>', email: 'lena.ortiz@example.com', message: 'Custom engraving?', urgent: false })).json();
    const listed = await queries.list({ q: 'LENA.ortiz', status: 'open', sort: 'created', dir: 'desc' }, staffId);
    expect(listed.items.map((i) => i.id)).toEqual([ticket.id]);
    const urgent = (await submit(await session(), { name: 'Mia Park', email: 'mia.park@example.com', message: 'My ring broke today', urgent: true })).json().ticket;
    const urgentOnly = (await queries.list({ priority: 'urgent' }, staffId)).items;
    expect(urgentOnly.map((i) => i.id)).toContain(urgent.id);
    expect(urgentOnly.every((i) => i.priority === 'urgent')).toBe(true);
    const page = await queries.list({ sort: 'priority', pageSize: 2, page: 1 }, staffId);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);

    await tickets.assign(ticket.id, staffId, staffId);
    expect((await queries.list({ assignee: 'me' }, staffId)).items.map((i) => i.id)).toContain(ticket.id);
    await tickets.addNote(ticket.id, 'Check the engraving font options first.', staffId);
    await tickets.reply(ticket.id, 'Hello Lena,\nyes, we engrave up to 20 characters.', staffId);
    const detail = await queries.detail(ticket.id);
    expect(detail.status).toBe('in_progress');
    // Queued is not answered yet: the first response counts once the email is delivered.
    expect(detail.firstResponseAt).toBeNull();
    expect(detail.events.find((e) => e.type === 'reply')!.delivery).toMatchObject({ status: 'queued' });
    await tickets.setPriority(ticket.id, 'high', staffId);
    await tickets.setStatus(ticket.id, 'resolved', staffId);
    expect((await queries.detail(ticket.id)).events.map((e) => e.type)).toEqual(['created', 'assigned', 'note', 'reply', 'priority', 'status']);

    smtp.messages.length = 0;
    await deliverMail();
    const reply = mailTo('lena.ortiz@example.com').find((m) => m.subject.startsWith('Re: your request'))!;
    expect(reply.text).toContain('yes, we engrave up to 20 characters.');
    // The customer's name is never markup: the greeting takes its plain first word only, once.
    expect(reply.html).toContain('Hello Lena,');
    expect(reply.html.match(/Hello Lena,/g)).toHaveLength(1);
    expect(reply.html).not.toContain('<b>');
    expect(reply.html).not.toContain('Ortiz');
    expect(mailTo('lena.ortiz@example.com').some((m) => m.text.includes('Check the engraving font'))).toBe(false);
    await expect(tickets.reply(ticket.id, '   ', staffId)).rejects.toThrow(/empty/);
    await expect(queries.detail(999_999)).rejects.toThrow(/not found/);
  });
});
