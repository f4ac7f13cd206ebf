// A raw email (RFC 5322, from the SMTP listener or the IMAP mailbox) → what the inbound service needs, via mailparser.
import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';

export interface InboundAttachment {
  name: string;
  size: number;
}

export interface InboundMail {
  /** The sender's Message-ID, or one made from the content when a client sent none. */
  messageId: string;
  fromAddress: string;
  fromName: string;
  /** Every address the message was for: the envelope's when known, To, Cc, Delivered-To, X-Original-To. */
  recipients: string[];
  subject: string;
  /** Text only: an HTML-only message is converted to text by mailparser, never kept as HTML. */
  text: string;
  attachments: InboundAttachment[];
  /** Lower-case header name → its raw text, for the auto-reply and bounce checks. */
  headers: Map<string, string>;
  contentType: string;
}

/** A message bigger than this is refused (SMTP) or skipped (IMAP); attachments are only listed, never kept. */
export const MAX_INBOUND_BYTES = 10 * 1024 * 1024;
/** Attachments listed in the thread (name and size); a message with more says how many were left out. */
export const MAX_LISTED_ATTACHMENTS = 20;

function addresses(value: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  return (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((o) => o.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((a) => a.address)
    .map((a) => ({ address: a.address!.toLowerCase(), name: a.name }));
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : v.value)).join(', ');
  if (value instanceof Date) return value.toISOString();
  if ('text' in value && typeof value.text === 'string') return value.text;
  return 'value' in value && typeof value.value === 'string' ? value.value : '';
}

export async function parseInboundMail(raw: Buffer | string, envelopeRecipients: string[] = []): Promise<InboundMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const headers = new Map<string, string>();
  for (const [key, value] of parsed.headers) headers.set(key, headerText(value));
  const from = addresses(parsed.from)[0];
  const delivered = [...parsed.headerLines.filter((h) => h.key === 'delivered-to' || h.key === 'x-original-to').map((h) => h.line.slice(h.line.indexOf(':') + 1).trim().toLowerCase())];
  const recipients = [...new Set([...envelopeRecipients.map((r) => r.toLowerCase()), ...addresses(parsed.to).map((a) => a.address), ...addresses(parsed.cc).map((a) => a.address), ...delivered])];
  return {
    messageId: parsed.messageId ?? `<no-id.${Buffer.from(`${from?.address}|${parsed.date?.toISOString()}|${parsed.subject}`).toString('base64url').slice(0, 60)}@inbound>`,
    fromAddress: from?.address ?? '',
    fromName: from?.name ?? '',
    recipients,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    attachments: parsed.attachments.map((a) => ({ name: a.filename ?? 'unnamed', size: a.size })),
    headers,
    contentType: (headers.get('content-type') ?? 'text/plain').toLowerCase(),
  };
}
