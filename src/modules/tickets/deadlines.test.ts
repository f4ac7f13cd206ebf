// Deadlines that hold (issue 12 item 3), on a fixed clock and both databases: urgent requests outside business hours,
// priority changes on overdue tickets, replies that count once delivered, management answer-by, the next-reply deadline
// after a customer writes again, and alerts of one kind grouped into one counted message.
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { startWebhookReceiver, type WebhookReceiver } from '../alerts/testing/webhook-receiver';
import { freePort, smtpUrlFor } from '../mail/testing/smtp-receiver';

/** A real SMTP server that accepts mail, except to bounce@… which it refuses for good (550). */
async function startBouncingSmtp(port: number): Promise<{ accepted: string[]; stop: () => Promise<void> }> {
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth: (_auth, _session, callback) => callback(null, { user: 'concierge' }),
    onRcptTo: (address, _session, callback) => (address.address.startsWith('bounce@') ? callback(Object.assign(new Error('No such user'), { responseCode: 550 })) : callback()),
    onData: (stream, session, callback) => {
      stream.resume();
      stream.on('end', () => {
        accepted.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { accepted, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(TEST_DIALECTS)('ticket deadlines on %s', (dialect) => {
  let t: TestApp;
  let hook: WebhookReceiver;
  let smtp: Awaited<ReturnType<typeof startBouncingSmtp>>;
  let clock = new Date(SEED_NOW);
  let staffId: number;
  let address = 0;

  beforeAll(async () => {
    const port = await freePort();
    smtp = await startBouncingSmtp(port);
    hook = await startWebhookReceiver();
    t = await createTestApp(dialect, { now: () => clock, env: { SMTP_URL: smtpUrlFor(port), ALERTS_WEBHOOK_URL: hook.url, WORKERS_ENABLED: 'false' } });
    staffId = (
      await t.db.kysely
        .insertInto('staff_users')
        .values({ email: 'rita@glowglitch.example', name: 'Rita Lead', role: 'agent', password_hash: 'x', disabled: 0, failed_attempts: 0, created_at: SEED_NOW.toISOString(), updated_at: SEED_NOW.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await hook.stop();
  });
  beforeEach(async () => {
    clock = new Date('2026-12-31T00:00:00.000Z');
    await t.app.services.alerts.worker.runOnce(); // earlier tests' alerts are out of the way
    hook.bodies.length = 0;
    clock = new Date(SEED_NOW); // Friday 2026-11-20 10:00 in New York
  });

  /** A stylist form from its own session and client address (the visitor-email caps stay out of the way). */
  async function submit(body: { name: string; email: string; message: string; urgent?: boolean }) {
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/stylist`, payload: body, remoteAddress: `10.77.${Math.floor(++address / 200)}.${address % 200}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { replies: { type: string; text?: string }[]; ticket: { id: number; priority: string; answerBy: string } };
  }
  const detail = (id: number) => t.app.services.dashboard.tickets.detail(id);
  const alertsOf = async (kind: string) => (await t.app.services.alerts.recent(500)).filter((a) => a.kind === kind);

  it('an urgent request at 2 AM is told the next opening, is not overdue a minute later, and pages on-call', async () => {
    clock = new Date('2026-11-20T07:00:00.000Z'); // Friday 02:00 EST
    const { ticket, replies } = await submit({ name: 'Sam Lee', email: 'sam.lee@example.com', message: 'My ring broke before the wedding', urgent: true });
    expect(ticket).toMatchObject({ priority: 'urgent', answerBy: '2026-11-20T14:00:00.000Z' });
    expect(replies[0]!.text).toContain('We are closed right now, so a stylist will contact you when we open, by 9:00 AM today (ET)');
    expect(replies[0]!.text).not.toContain('right away');
    clock = new Date('2026-11-20T07:01:00.000Z');
    expect((await detail(ticket.id)).overdue).toBe(false);
    const onCall = (await alertsOf('urgent_after_hours')).filter((a) => a.message.includes(`#${ticket.id} `));
    expect(onCall).toHaveLength(1);
    await t.app.services.alerts.worker.runOnce();
    expect(hook.bodies.some((b) => b.text.includes(`urgent ticket #${ticket.id} `) && b.text.includes('9:00 AM today (ET)'))).toBe(true);
  });

  it('an urgent request on Friday evening is due Saturday at opening; while open it is due at once, without paging', async () => {
    const open = await submit({ name: 'Sam Lee', email: 'sam.lee@example.com', message: 'I need help today', urgent: true });
    expect(open.ticket.answerBy).toBe(SEED_NOW.toISOString());
    expect(open.replies[0]!.text).toContain('a stylist is contacting you right away');
    expect((await alertsOf('urgent_after_hours')).some((a) => a.message.includes(`#${open.ticket.id} `))).toBe(false);

    clock = new Date('2026-11-21T00:30:00.000Z'); // Friday 19:30 EST
    const { ticket, replies } = await submit({ name: 'Sam Lee', email: 'sam.lee@example.com', message: 'Need to change my address now', urgent: true });
    expect(ticket.answerBy).toBe('2026-11-21T15:00:00.000Z');
    expect(replies[0]!.text).toContain('10:00 AM tomorrow (ET)');
    expect((await alertsOf('urgent_after_hours')).some((a) => a.message.includes(`#${ticket.id} `))).toBe(true);
  });

  it('lowering an overdue ticket keeps it overdue; a change before the deadline recomputes from now; the history names who', async () => {
    const vip = (await submit({ name: 'Olivia Chen', email: 'olivia.chen@example.com', message: 'Looking for an anniversary ring' })).ticket;
    expect(vip).toMatchObject({ priority: 'high', answerBy: '2026-11-20T16:00:00.000Z' }); // 11:00 EST
    clock = new Date('2026-11-20T17:00:00.000Z'); // 12:00 EST: an hour late
    await t.app.services.tickets.setPriority(vip.id, 'normal', staffId);
    const late = await detail(vip.id);
    expect(late).toMatchObject({ priority: 'normal', answerBy: '2026-11-20T16:00:00.000Z', overdue: true });
    expect(late.events.at(-1)).toMatchObject({ type: 'priority', actor: { id: staffId, name: 'Rita Lead' }, data: { from: 'high', to: 'normal', keptOverdue: true } });
    expect((await t.app.services.dashboard.tickets.list({ q: `#${vip.id}` }, staffId)).items[0]).toMatchObject({ overdue: true });

    clock = new Date(SEED_NOW);
    const normal = (await submit({ name: 'Ava Martinez', email: 'ava.martinez@example.com', message: 'Which chain suits this pendant?' })).ticket;
    expect(normal.answerBy).toBe('2026-11-20T19:00:00.000Z'); // 14:00 EST
    clock = new Date('2026-11-20T15:30:00.000Z'); // 10:30 EST
    await t.app.services.tickets.setPriority(normal.id, 'high', staffId);
    expect(await detail(normal.id)).toMatchObject({ priority: 'high', answerBy: '2026-11-20T16:30:00.000Z', overdue: false }); // 1 h from now
  });

  it('a reply answers the customer once its email is delivered; the agent sees queued, sent and failed', async () => {
    const { ticket } = await submit({ name: 'Noah Park', email: 'noah.park@example.com', message: 'Do you do appraisals?' });
    clock = new Date('2026-11-20T19:30:00.000Z'); // 14:30 EST, 30 minutes late
    await t.app.services.tickets.reply(ticket.id, 'Yes, we do appraisals on Saturdays.', staffId);
    const queued = await detail(ticket.id);
    expect(queued).toMatchObject({ overdue: true, firstResponseAt: null });
    expect(queued.events.find((e) => e.type === 'reply')!.delivery).toMatchObject({ status: 'queued', sentAt: null });
    expect(await t.app.services.tickets.checkOverdue()).toBeGreaterThanOrEqual(1); // still late while queued

    clock = new Date('2026-11-20T19:31:00.000Z');
    await t.app.services.mail.worker.runOnce();
    const sent = await detail(ticket.id);
    expect(sent).toMatchObject({ overdue: false, firstResponseAt: '2026-11-20T19:31:00.000Z' });
    expect(sent.events.find((e) => e.type === 'reply')!.delivery).toMatchObject({ status: 'sent', sentAt: '2026-11-20T19:31:00.000Z', error: null });

    const bounced = (await submit({ name: 'Bo Unce', email: 'bounce@example.com', message: 'Can you engrave a date?' })).ticket;
    await t.app.services.tickets.reply(bounced.id, 'Yes, up to 20 characters.', staffId);
    for (let attempt = 0; attempt < 3; attempt++) {
      clock = new Date(clock.getTime() + 60 * 60_000); // past each back-off
      await t.app.services.mail.worker.runOnce();
    }
    const failed = await detail(bounced.id);
    expect(failed.events.find((e) => e.type === 'reply')!.delivery).toMatchObject({ status: 'failed', error: expect.stringContaining('550') });
    expect(failed).toMatchObject({ firstResponseAt: null, answeredAt: null });
  });

  it('a management ticket gets the top priority and its own answer-by (1 business hour by default)', async () => {
    const { ticket } = await submit({ name: 'Larry Legal', email: 'larry.legal@example.com', message: 'You charged me twice. My lawyer will hear about this.' });
    expect(ticket).toMatchObject({ priority: 'urgent', answerBy: '2026-11-20T16:00:00.000Z' });
    expect(loadConfig({ AURORA_MODE: 'demo', ANSWER_HOURS_MANAGEMENT: '2.5' }).businessHours.managementHours).toBe(2.5);
    expect(() => loadConfig({ AURORA_MODE: 'demo', ANSWER_HOURS_MANAGEMENT: 'soon' })).toThrow(/ANSWER_HOURS_MANAGEMENT/);
  });

  it('after the customer replies, a next-reply deadline starts and the overdue alert can fire again', async () => {
    const tickets = t.app.services.tickets;
    const { ticket } = await submit({ name: 'Mia Park', email: 'mia.park@example.com', message: 'Can I see the ring in rose gold?' });
    clock = new Date('2026-11-20T16:00:00.000Z');
    await tickets.reply(ticket.id, 'Here are two rose gold options.', staffId);
    await t.app.services.mail.worker.runOnce();
    expect((await detail(ticket.id)).overdue).toBe(false);

    const repliedAt = new Date('2026-11-20T17:00:00.000Z'); // 12:00 EST
    clock = repliedAt;
    const after = await tickets.customerReplied(ticket.id, repliedAt);
    expect(after).toMatchObject({ answerBy: '2026-11-20T21:00:00.000Z', overdue: false }); // 4 business hours: 16:00 EST
    expect((await detail(ticket.id)).events.at(-1)).toMatchObject({ type: 'deadline', data: { cause: 'customer_replied', answerBy: '2026-11-20T21:00:00.000Z' } });

    clock = new Date('2026-11-20T21:01:00.000Z');
    expect((await detail(ticket.id)).overdue).toBe(true);
    expect(await tickets.checkOverdue()).toBeGreaterThanOrEqual(1);
    await t.app.services.alerts.worker.runOnce();
    expect(hook.bodies.map((b) => b.text).join('\n')).toContain(`Ticket #${ticket.id} (normal) from Mia Park is 1 minute past its answer-by time`);
  });

  it('15 urgent requests in a burst are one alert that counts them', async () => {
    clock = new Date('2026-11-21T04:00:00.000Z'); // Friday 23:00 EST: each one pages on-call
    const ids: number[] = [];
    for (let i = 0; i < 15; i++) ids.push((await submit({ name: 'Burst Customer', email: `burst${i}@example.com`, message: 'Please call me back', urgent: true })).ticket.id);
    clock = new Date('2026-11-21T04:04:30.000Z');
    expect(await t.app.services.alerts.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(hook.bodies).toHaveLength(1);
    const text = hook.bodies[0]!.text;
    expect(text).toContain('15 urgent tickets outside business hours in the last 5 minutes');
    for (const id of ids.slice(0, 10)) expect(text).toContain(`urgent ticket #${id} `);
    expect(text).toContain('and 5 more');
  });
});
