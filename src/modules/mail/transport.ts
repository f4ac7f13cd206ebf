// How an email leaves: SMTP through nodemailer, or (demo without SMTP_URL) the local mailbox.
import net from 'node:net';
import tls from 'node:tls';
import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface MailToSend {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Ticket emails (issue 12): the per-ticket reply address and the thread's Message-IDs. */
  replyTo?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
}

export interface MailSender {
  /** 'smtp' or 'mailbox': stored on the row so the mailbox page can tell what really left. */
  readonly name: string;
  /** `signal` aborting ends the send at once (the connection is closed): the message was not handed over. */
  send(mail: MailToSend, signal?: AbortSignal): Promise<{ messageId: string | null }>;
  close(): void;
}

/**
 * Opens the connection the way nodemailer would (TLS from the start for smtps:// or port 465; STARTTLS stays
 * nodemailer's), so the sender holds the socket and can close it when a send must end. A connect that hangs is
 * caught by the greeting timeout, which starts as the socket is handed over.
 */
function openSocket(options: SMTPTransport.Options): net.Socket {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const host = options.host || 'localhost';
  if (!options.secure && port !== 465) return net.connect({ host, port });
  return tls.connect({ ...options.tls, host, port, servername: net.isIP(host) ? undefined : host });
}

export function smtpSender(smtpUrl: string): MailSender {
  return {
    name: 'smtp',
    // One transport (one connection) per message: the socket in hand is this message's, so aborting closes only it.
    async send(mail, signal) {
      let socket: net.Socket | undefined;
      const options: SMTPTransport.Options = {
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
        getSocket(resolved, callback) {
          socket = openSocket(resolved);
          callback(null, { connection: socket, secured: socket instanceof tls.TLSSocket });
        },
      };
      // SMTPTransport itself, not createTransport({ url, … }): createTransport keeps only what the URL says and
      // drops every other option (these timeouts were silently nodemailer's defaults, up to 10 minutes of silence).
      const transport = nodemailer.createTransport(new SMTPTransport(options));
      const hangUp = () => socket?.destroy();
      signal?.addEventListener('abort', hangUp, { once: true });
      try {
        signal?.throwIfAborted();
        const info = await transport.sendMail(mail);
        return { messageId: info.messageId ?? null };
      } finally {
        signal?.removeEventListener('abort', hangUp);
        transport.close();
      }
    },
    close: () => undefined,
  };
}

/** Demo mode: the message is "delivered" by staying in the outbox, readable on /dev/mailbox. */
export const mailboxSender: MailSender = {
  name: 'mailbox',
  send: async (mail) => ({ messageId: mail.messageId ?? null }),
  close: () => undefined,
};

/** SMTP answered 5xx: the server refused this message for good (e.g. unknown recipient). */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
