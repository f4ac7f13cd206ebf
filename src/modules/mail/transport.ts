// How an email leaves: SMTP through nodemailer, or (demo without SMTP_URL) the local mailbox.
import nodemailer from 'nodemailer';

export interface MailToSend {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailSender {
  /** 'smtp' or 'mailbox': stored on the row so the mailbox page can tell what really left. */
  readonly name: string;
  send(mail: MailToSend): Promise<{ messageId: string | null }>;
  close(): void;
}

export function smtpSender(smtpUrl: string): MailSender {
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    name: 'smtp',
    async send(mail) {
      const info = await transport.sendMail(mail);
      return { messageId: info.messageId ?? null };
    },
    close: () => transport.close(),
  };
}

/** Demo mode: the message is "delivered" by staying in the outbox, readable on /dev/mailbox. */
export const mailboxSender: MailSender = {
  name: 'mailbox',
  send: async () => ({ messageId: null }),
  close: () => undefined,
};

/** SMTP answered 5xx: the server refused this message for good (e.g. unknown recipient). */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
