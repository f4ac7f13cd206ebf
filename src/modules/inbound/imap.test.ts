import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { createLeases } from '../jobs/lease';
import { replyAddressFor } from './reply-address';
import { dovecotBinary, startDovecot, type Dovecot } from './testing/dovecot';

const SUPPORT = 'support@glowglitch.example';
const hasDovecot = dovecotBinary() !== null;
if (!hasDovecot) console.warn('SKIPPED: the IMAP poller test needs dovecot (apt-get install dovecot-imapd); .ci/run installs it.');

// A real IMAP server (Debian's dovecot) holding the shop's mailbox; the app polls it under the scheduler.
describe.skipIf(!hasDovecot).each(TEST_DIALECTS)('inbound email over IMAP on %s', (dialect) => {
  let t: TestApp;
  let dovecot: Dovecot;
  let imap: ImapFlow;

  beforeAll(async () => {
    dovecot = await startDovecot();
    t = await createTestApp(dialect, { seed: false, now: () => SEED_NOW, env: { SUPPORT_EMAIL: SUPPORT, IMAP_URL: dovecot.url, IMAP_POLL_SECONDS: '0.2', WORKER_POLL_SECONDS: '0.2' } });
    imap = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await imap.connect();
  });
  afterAll(async () => {
    await imap?.logout();
    await t?.close();
    await dovecot?.stop();
  });

  const rawReply = (to: string, messageId: string, text: string) =>
    [`From: Ava Martinez <ava.imap@example.com>`, `To: ${to}`, `Subject: Re: your request`, `Message-ID: ${messageId}`, `Date: Fri, 20 Nov 2026 15:00:00 +0000`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', text, ''].join('\r\n');

  async function ticket(): Promise<number> {
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: `visitor-imap-${dialect}` } })).json().sessionId as string;
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/stylist`, payload: { name: 'Ava Martinez', email: 'ava.imap@example.com', message: 'Which chain length?' } });
    return res.json().ticket.id as number;
  }
  const replies = async (id: number) => (await t.app.services.dashboard.tickets.detail(id)).events.filter((e) => e.type === 'customer_reply');

  it('the scheduled poller threads a reply appended to the mailbox, marks it \\Seen, and never threads it twice', async () => {
    const id = await ticket();
    const to = replyAddressFor(id, SUPPORT, t.config.sessionSecret);
    await t.app.listen({ port: 0, host: '127.0.0.1' }); // starts the scheduler, and with it the IMAP job
    const started = performance.now();
    const appended = await imap.append('INBOX', rawReply(to, `<imap-1.${dialect}@example.com>`, 'The 45 cm one, please.\n\nOn Fri, GlowGlitch wrote:\n> Which length?'));
    let found = await replies(id);
    for (let i = 0; i < 100 && found.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      found = await replies(id);
    }
    console.log(`inbound IMAP (${dialect}): appended → in the ticket thread in ${(performance.now() - started).toFixed(0)} ms (poll every 0.2 s)`);
    expect(found).toEqual([expect.objectContaining({ body: 'The 45 cm one, please.', data: expect.objectContaining({ via: 'imap', from: 'ava.imap@example.com' }) })]);
    // The poller records the reply first and flags it \Seen after (so a crash in between re-reads, never loses it):
    // the flag may land a moment after the thread shows the reply.
    const flags = async () => {
      const lock = await imap.getMailboxLock('INBOX');
      try {
        const message = await imap.fetchOne(String(appended && appended.uid), { flags: true }, { uid: true });
        return message ? [...(message.flags ?? [])] : [];
      } finally {
        lock.release();
      }
    };
    let seen = await flags();
    for (let i = 0; i < 100 && !seen.includes('\\Seen'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await flags();
    }
    expect(seen).toContain('\\Seen');
    const again = await t.app.services.imapPoller!.pollOnce();
    expect(again).toMatchObject({ handled: 0 });
    expect(await replies(id)).toHaveLength(1);
  });

  it('polls only while it holds the lease: another instance holding it makes this one skip', async () => {
    const leases = createLeases(t.db.kysely, () => new Date());
    expect(await leases.take('imap-poll', 'other-instance', 60_000)).toBe(true);
    expect(await leases.take('imap-poll', 'third-instance', 60_000)).toBe(false);
    expect(await t.app.services.imapPoller!.pollOnce()).toEqual({ polled: false, handled: 0, skipped: 0 });
    await leases.release('imap-poll', 'other-instance');
    expect(await t.app.services.imapPoller!.pollOnce()).toMatchObject({ polled: true });
  });
});
