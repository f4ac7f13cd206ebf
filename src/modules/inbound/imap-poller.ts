// Polling a mailbox over IMAP (IMAP_URL): unseen messages go through the inbound service, then are marked \Seen
// (a message that fails stays unseen and is tried at the next poll). One instance at a time polls, under a lease.
import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../jobs/lease';
import { MAX_INBOUND_BYTES } from './parse';
import type { InboundService } from './service';

/** Messages one poll handles; the rest wait for the next one. */
const BATCH = 50;
const LEASE = 'imap-poll';
// Longer than one poll may take (the timeouts below bound each step).
const LEASE_MS = 5 * 60_000;

export interface ImapPollResult {
  /** False when another instance holds the lease and this one did not poll. */
  polled: boolean;
  handled: number;
  skipped: number;
}

export function parseImapUrl(url: string): { host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string } {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname,
    port: Number(u.port) || (secure ? 993 : 143),
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

export function createImapPoller(deps: { url: string; inbound: Pick<InboundService, 'receive'>; leases: Leases; log?: FastifyBaseLogger }) {
  const holder = randomUUID();
  const target = parseImapUrl(deps.url);

  async function poll(): Promise<Omit<ImapPollResult, 'polled'>> {
    const client = new ImapFlow({
      host: target.host,
      port: target.port,
      secure: target.secure,
      auth: { user: target.user, pass: target.pass },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
    client.on('error', (error) => deps.log?.warn({ err: error }, 'IMAP connection error'));
    await client.connect();
    let handled = 0;
    let skipped = 0;
    try {
      const lock = await client.getMailboxLock(target.mailbox);
      try {
        const uids = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, BATCH);
        for (const uid of uids) {
          const meta = await client.fetchOne(String(uid), { size: true }, { uid: true });
          if (meta && (meta.size ?? 0) <= MAX_INBOUND_BYTES) {
            const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
            if (message && message.source) await deps.inbound.receive(message.source, { via: 'imap' });
            handled++;
          } else {
            deps.log?.warn({ uid, size: meta ? meta.size : null }, 'inbound email over the size limit marked read, not threaded');
            skipped++;
          }
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return { handled, skipped };
  }

  return {
    /** One poll, when this instance takes the lease. */
    async pollOnce(): Promise<ImapPollResult> {
      if (!(await deps.leases.take(LEASE, holder, LEASE_MS))) return { polled: false, handled: 0, skipped: 0 };
      try {
        return { polled: true, ...(await poll()) };
      } finally {
        await deps.leases.release(LEASE, holder);
      }
    },
  };
}

export type ImapPoller = ReturnType<typeof createImapPoller>;
