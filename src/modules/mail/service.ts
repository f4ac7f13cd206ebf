// Email (P3): an outbox in the database, a worker that delivers it with retries, and the demo mailbox.
//
// - `enqueue(email, executor?)` queues one email (in the caller's transaction when given) → outbox id.
// - `worker.runOnce()` sends due emails, each claimed atomically just before it goes (safe with several instances).
// - `mailbox.list({ to?, ticketId?, limit?, offset? })` / `mailbox.get(id)`: what was (or will be) sent,
//   for the demo mailbox page and the dashboard's ticket thread.
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { createQueue, type DeliveryResult, type RetryPolicy } from '../jobs/queue';
import { createOutboxRepo, type Executor, type NewOutboxRow, type OutboxRow } from './repo';
import { isPermanentMailError, mailboxSender, smtpSender, type MailSender, type MailToSend } from './transport';
import { replyAddressFor, threadIdsFor } from '../inbound/reply-address';

export type OutgoingEmail = NewOutboxRow;

export interface MailboxEntry {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: string;
  transport: string | null;
  attempts: number;
  lastError: string | null;
  ticketId: number | null;
  createdAt: string;
  sentAt: string | null;
}

export interface MailboxMessage extends MailboxEntry {
  text: string;
  html: string;
  messageId: string | null;
}

export type WorkerResult = DeliveryResult;

export const MAIL_RETRY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 30 * 60_000, maxPermanentAttempts: 3 };
// Emails one run sends; the next run comes after WORKER_POLL_SECONDS.
const BATCH = 20;
// One email's claim, renewed every 40 s while it is sent; and the longest one send may take, below the lease:
// nodemailer's timeouts only catch silence, and a server that answers just often enough could hold a send for ever.
const LEASE_MS = 120_000;
const SEND_LIMIT_MS = 90_000;

function entry(row: OutboxRow): MailboxEntry {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    transport: row.transport,
    attempts: row.attempts,
    lastError: row.last_error,
    ticketId: row.ticket_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export interface MailOptions {
  now?: () => Date;
  /** Overrides the sender chosen from the config (tests). */
  sender?: MailSender;
  /** How long one email's claim lasts (tests shorten it). */
  leaseMs?: number;
  /** The longest one send may take before it is abandoned and retried (tests shorten it). */
  sendLimitMs?: number;
}

/** SMTP when SMTP_URL is set; the local mailbox in demo mode; none in production (mail waits, pending). */
function chooseSender(config: Config): MailSender | null {
  if (config.mail.smtpUrl) return smtpSender(config.mail.smtpUrl);
  return config.mode === 'demo' ? mailboxSender : null;
}

export function createMailService(db: Db, config: Config, options: MailOptions = {}) {
  const now = options.now ?? (() => new Date());
  const repo = createOutboxRepo(db.kysely);
  const queue = createQueue(db.kysely, db.dialect, 'outbox', MAIL_RETRY);
  const sender = options.sender ?? chooseSender(config);

  /** A ticket's email says where replies go (its tagged address) and which thread it belongs to; off without SUPPORT_EMAIL. */
  function threadHeaders(row: OutboxRow): Partial<MailToSend> {
    const support = config.inbound.supportEmail;
    if (!support || row.ticket_id === null) return {};
    const { messageId, root } = threadIdsFor(row.ticket_id, row.id, support);
    return { replyTo: replyAddressFor(row.ticket_id, support, config.sessionSecret), messageId, inReplyTo: root, references: root };
  }

  async function deliver(mailSender: MailSender, id: number, signal: AbortSignal) {
    const row = (await repo.get(id))!;
    const { messageId } = await mailSender.send({ from: config.mail.from, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body, ...threadHeaders(row) }, signal);
    return { transport: mailSender.name, columns: { message_id: messageId } };
  }

  return {
    /** Queues an email; the worker sends it. The same dedupeKey never queues twice. */
    /** Whether an email with this dedupe key was queued (e.g. an order's confirmation, which the caps may skip). */
    async isQueued(dedupeKey: string): Promise<boolean> {
      return (await db.kysely.selectFrom('outbox').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst()) !== undefined;
    },

    async enqueue(email: OutgoingEmail, executor: Executor = db.kysely): Promise<number> {
      return repo.insert(executor, email, now().toISOString());
    },

    /** Where mail goes: 'smtp', 'mailbox' (demo) or null (production without SMTP_URL: mail waits). */
    transport: sender?.name ?? null,

    mailbox: {
      async list(filter: { to?: string; ticketId?: number; limit?: number; offset?: number } = {}): Promise<{ items: MailboxEntry[]; total: number }> {
        const { rows, total } = await repo.page(filter, Math.min(filter.limit ?? 50, 200), filter.offset ?? 0);
        return { items: rows.map(entry), total };
      },
      async get(id: number): Promise<MailboxMessage | undefined> {
        const row = await repo.get(id);
        return row && { ...entry(row), text: row.text_body, html: row.html_body, messageId: row.message_id };
      },
    },

    worker: {
      /** Sends every due email once; safe to run on several instances at the same time. */
      async runOnce(): Promise<WorkerResult> {
        if (!sender) return { sent: 0, retried: 0, failed: 0 };
        return queue.deliverDue({
          now,
          limit: BATCH,
          leaseMs: options.leaseMs ?? LEASE_MS,
          timeoutMs: options.sendLimitMs ?? SEND_LIMIT_MS,
          deliver: (claim, signal) => deliver(sender, claim.id, signal),
          isPermanent: isPermanentMailError,
        });
      },
    },

    close(): void {
      sender?.close();
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
