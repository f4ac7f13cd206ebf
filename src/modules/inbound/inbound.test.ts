import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { freePort, smtpUrlFor, startSmtpReceiver, type SmtpReceiver } from '../mail/testing/smtp-receiver';
import { replyAddressFor } from './reply-address';

const SUPPORT = 'support@glowglitch.example';

// The customer's side: nodemailer sending to the app's own inbound SMTP listener, as a shop's forwarding would.
describe.each(TEST_DIALECTS)('inbound email over SMTP on %s', (dialect) => {
  let t: TestApp;
  let outgoing: SmtpReceiver;
  let customer: nodemailer.Transporter;
  let inboundPort: number;
  let staff: { id: number; email: string };

  beforeAll(async () => {
    const outPort = await freePort();
    outgoing = await startSmtpReceiver(outPort);
    inboundPort = await freePort();
    t = await createTestApp(dialect, { seed: false, now: () => SEED_NOW, env: { SMTP_URL: smtpUrlFor(outPort), SUPPORT_EMAIL: SUPPORT, INBOUND_SMTP_PORT: String(inboundPort), WORKERS_ENABLED: 'false' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    customer = nodemailer.createTransport({ host: '127.0.0.1', port: inboundPort, secure: false, ignoreTLS: true });
    staff = await t.db.kysely
      .insertInto('staff_users')
      .values({ email: 'mia@glowglitch.example', name: 'Mia Stylist', role: 'agent', password_hash: 'x', disabled: 0, failed_attempts: 0, created_at: SEED_NOW.toISOString(), updated_at: SEED_NOW.toISOString() })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    customer.close();
    await t.close();
    await outgoing.stop();
  });

  let visitor = 0;
  /** A stylist ticket from the widget, its confirmation delivered over SMTP: the email the customer answers. */
  async function ticketWithEmail(email: string) {
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: `visitor-inbound-${++visitor}` } })).json().sessionId as string;
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/stylist`, payload: { name: 'Ava Martinez', email, message: 'Which size should I get?' } });
    expect(res.statusCode).toBe(200);
    const ticketId = res.json().ticket.id as number;
    await t.app.services.mail.worker.runOnce();
    const sent = outgoing.messages.filter((m) => m.to.includes(email)).at(-1)!;
    const replyTo = /^Reply-To: (.+)$/im.exec(sent.raw)?.[1]?.trim();
    return { ticketId, sent, replyTo: replyTo! };
  }

  const detail = (id: number) => t.app.services.dashboard.tickets.detail(id);
  const customerReplies = async (id: number) => (await detail(id)).events.filter((e) => e.type === 'customer_reply');

  it('tags every ticket email with an unguessable reply address and thread headers, and threads the reply (quotes, signature stripped; attachments listed)', async () => {
    const { ticketId, sent, replyTo } = await ticketWithEmail('ava.reply@example.com');
    expect(replyTo).toBe(replyAddressFor(ticketId, SUPPORT, t.config.sessionSecret));
    expect(replyTo).toMatch(new RegExp(`^support\\+t${ticketId}\\.[0-9a-f]{16}@glowglitch\\.example$`));
    expect(sent.messageId).toMatch(new RegExp(`^<aurora\\.o\\d+\\.t${ticketId}@glowglitch\\.example>$`));
    expect(sent.raw).toMatch(new RegExp(`^In-Reply-To: <aurora\\.t${ticketId}@glowglitch\\.example>`, 'im'));
    expect(sent.raw).toMatch(new RegExp(`^References: <aurora\\.t${ticketId}@glowglitch\\.example>`, 'im'));

    const started = performance.now();
    await customer.sendMail({
      from: '"Ava Martinez" <ava.reply@example.com>',
      to: replyTo,
      subject: 'Re: We received your request',
      inReplyTo: sent.messageId,
      references: sent.messageId,
      text: `Size 7 please, in rose gold.\n\nOn Fri, Nov 20, 2026 at 10:00 AM GlowGlitch <${replyTo}> wrote:\n> Hello Ava,\n> Thank you for reaching out.\n\n-- \nAva\nSent from my iPhone`,
      attachments: [{ filename: 'hand.jpg', content: Buffer.alloc(2048, 1) }],
    });
    const replies = await customerReplies(ticketId);
    const elapsedMs = performance.now() - started;
    console.log(`inbound SMTP (${dialect}): email sent → in the ticket thread in ${elapsedMs.toFixed(0)} ms`);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ body: 'Size 7 please, in rose gold.', actor: null, data: { from: 'ava.reply@example.com', via: 'smtp', attachments: [{ name: 'hand.jpg', size: 2048 }] } });
    // The reply starts a next-reply deadline (the tickets service's rule).
    expect((await detail(ticketId)).events.filter((e) => e.type === 'deadline')).toEqual([expect.objectContaining({ data: expect.objectContaining({ cause: 'customer_replied' }) })]);
  });

  it('a staff reply from the dashboard carries the same tag, and the customer answering it reopens a resolved ticket and emails the assignee', async () => {
    const { ticketId } = await ticketWithEmail('ben.reopen@example.com');
    await t.app.services.tickets.assign(ticketId, staff.id, staff.id);
    await t.app.services.tickets.reply(ticketId, 'A size 7 is on its way.', staff.id);
    await t.app.services.tickets.setStatus(ticketId, 'resolved', staff.id);
    await t.app.services.mail.worker.runOnce();
    const staffReply = outgoing.messages.filter((m) => m.to.includes('ben.reopen@example.com')).at(-1)!;
    expect(staffReply.subject).toContain(`ticket #${ticketId}`);
    const replyTo = /^Reply-To: (.+)$/im.exec(staffReply.raw)![1]!.trim();
    expect(replyTo).toBe(replyAddressFor(ticketId, SUPPORT, t.config.sessionSecret));

    await customer.sendMail({ from: 'ben.reopen@example.com', to: replyTo, subject: 'Re: your request', text: 'It arrived but it is too small.\n\n> A size 7 is on its way.' });
    const after = await detail(ticketId);
    expect(after.status).toBe('open');
    expect(after.events.filter((e) => e.type === 'customer_reply').map((e) => e.body)).toEqual(['It arrived but it is too small.']);
    expect(after.events.some((e) => e.type === 'status' && e.data.from === 'resolved' && e.data.to === 'open')).toBe(true);
    const notices = await t.app.services.mail.mailbox.list({ to: staff.email });
    expect(notices.items.map((m) => m.subject)).toContain(`Customer reply on ticket #${ticketId} (reopened)`);
  });

  it('with nobody assigned, the team is alerted', async () => {
    const { ticketId, replyTo } = await ticketWithEmail('cara.alert@example.com');
    await customer.sendMail({ from: 'cara.alert@example.com', to: replyTo, subject: 'Re', text: 'Any news?' });
    const alerts = await t.db.kysely.selectFrom('alerts').select(['kind', 'message']).where('kind', '=', 'customer_reply').execute();
    expect(alerts.map((a) => a.message)).toContainEqual(expect.stringContaining(`Ticket #${ticketId}: Ava Martinez replied by email`));
  });

  it('ignores auto-replies, bounces and our own mail coming back', async () => {
    const { ticketId, replyTo } = await ticketWithEmail('dan.ooo@example.com');
    const before = (await detail(ticketId)).events.length;
    await customer.sendMail({ from: 'dan.ooo@example.com', to: replyTo, subject: 'Out of Office: Re: your request', text: 'I am away until Monday.' });
    await customer.sendMail({ from: 'dan.ooo@example.com', to: replyTo, subject: 'Re: your request', text: 'Away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await customer.sendMail({ from: 'dan.ooo@example.com', to: replyTo, subject: 'Re: your request', text: 'Away.', headers: { 'X-Autoreply': 'yes' } });
    await customer.sendMail({ from: 'dan.ooo@example.com', to: replyTo, subject: 'Re: your request', text: 'Digest.', headers: { Precedence: 'bulk' } });
    await customer.sendMail({ from: 'MAILER-DAEMON@mx.example.com', to: replyTo, subject: 'Undelivered Mail Returned to Sender', text: 'The mail system could not deliver.' });
    await customer.sendMail({ from: 'concierge@glowglitch.example', to: replyTo, subject: 'Re: your request', text: 'A copy of our own mail.' });
    await customer.sendMail({ from: 'dan.ooo@example.com', to: replyTo, subject: 'Re', text: 'A loop.', messageId: `<aurora.o99.t${ticketId}@glowglitch.example>` });
    expect((await detail(ticketId)).events).toHaveLength(before);
    const reasons = await t.db.kysely.selectFrom('inbound_emails').select('reason').where('status', '=', 'ignored').where('received_at', '=', SEED_NOW.toISOString()).execute();
    expect(reasons.map((r) => r.reason)).toEqual(expect.arrayContaining(['auto_reply', 'bounce', 'loop']));
    expect(reasons.filter((r) => r.reason === 'auto_reply')).toHaveLength(4);
  });

  it('holds mail from another sender for review (shown on the ticket, not threaded)', async () => {
    const { ticketId, replyTo } = await ticketWithEmail('eve.owner@example.com');
    await customer.sendMail({ from: 'someone.else@example.org', to: replyTo, subject: 'Fwd: your request', text: 'Please send it to me instead.', attachments: [{ filename: 'id.pdf', content: Buffer.alloc(500) }] });
    const after = await detail(ticketId);
    expect(after.events.filter((e) => e.type === 'customer_reply')).toHaveLength(0);
    expect(after.heldEmails).toEqual([expect.objectContaining({ from: 'someone.else@example.org', subject: 'Fwd: your request', body: 'Please send it to me instead.', attachments: [{ name: 'id.pdf', size: 500 }] })]);
  });

  it('opens a new ticket for mail without a genuine tag (plain address, forged or unknown tag), confirmed with its own tag', async () => {
    const { ticketId: existing, replyTo } = await ticketWithEmail('fay.tags@example.com');
    const forged = replyTo.replace(/\.[0-9a-f]{16}@/, '.0000000000000000@');
    for (const to of [SUPPORT, forged]) await customer.sendMail({ from: '"Gil New" <gil.new@example.com>', to, subject: `Engraving question ${to}`, text: 'Can you engrave a date inside a band?' });
    expect(await customerReplies(existing)).toHaveLength(0);
    const tickets = await t.db.kysely.selectFrom('tickets').select(['id', 'customer_name', 'message', 'status']).where('email', '=', 'gil.new@example.com').orderBy('id').execute();
    expect(tickets).toHaveLength(2);
    expect(tickets[0]).toMatchObject({ customer_name: 'Gil New', status: 'open', message: `Engraving question ${SUPPORT}\n\nCan you engrave a date inside a band?` });
    await t.app.services.mail.worker.runOnce();
    const confirmation = outgoing.messages.filter((m) => m.to.includes('gil.new@example.com'))[0]!;
    expect(confirmation.subject).toBe(`We received your request (ticket #${tickets[0]!.id})`);
    expect(confirmation.raw).toContain(`Reply-To: ${replyAddressFor(tickets[0]!.id, SUPPORT, t.config.sessionSecret)}`);
  });

  it('threads a message delivered twice only once, and refuses recipients that are not ours', async () => {
    const { ticketId, replyTo } = await ticketWithEmail('hal.twice@example.com');
    const message = { from: 'hal.twice@example.com', to: replyTo, subject: 'Re', text: 'Once.', messageId: '<retry-1@example.com>' };
    await customer.sendMail(message);
    await customer.sendMail(message);
    expect(await customerReplies(ticketId)).toHaveLength(1);
    await expect(customer.sendMail({ from: 'hal.twice@example.com', to: 'someone@elsewhere.example', subject: 'Relay?', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
  });
});
