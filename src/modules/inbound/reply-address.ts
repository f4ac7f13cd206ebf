// The per-ticket reply address: support+t42.<hmac>@shop.example. The tag is the ticket id with an HMAC of it under
// the session secret, so nobody can reply into a ticket they were not sent, and no table is needed to check it.
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../crypto';

/** 16 lower-case hex characters (64 bits): mail systems may lower-case a local part, so no mixed case. */
function tagMac(secret: string, ticketId: number): string {
  return createHmac('sha256', secret).update(`ticket-reply:${ticketId}`).digest('hex').slice(0, 16);
}

function split(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

export function replyAddressFor(ticketId: number, supportEmail: string, secret: string): string {
  const { local, domain } = split(supportEmail);
  return `${local}+t${ticketId}.${tagMac(secret, ticketId)}@${domain}`;
}

/** Our address with any +tag, in any case (support@, support+…@). */
export function isSupportAddress(address: string, supportEmail: string): boolean {
  const given = split(address.trim().toLowerCase());
  const ours = split(supportEmail);
  return given.domain === ours.domain && given.local.split('+')[0] === ours.local;
}

/** The ticket a recipient address names, when its tag is ours and genuine; null otherwise. */
export function ticketOfAddress(address: string, supportEmail: string, secret: string): number | null {
  if (!isSupportAddress(address, supportEmail)) return null;
  const tag = /\+t(\d{1,9})\.([0-9a-f]{16})@/.exec(address.trim().toLowerCase());
  if (!tag) return null;
  const ticketId = Number(tag[1]);
  return constantTimeEqual(tag[2]!, tagMac(secret, ticketId)) ? ticketId : null;
}

/** Message-IDs of our own ticket emails: one per outbox row, and the ticket's thread root they all refer to. */
export function threadIdsFor(ticketId: number, outboxId: number, supportEmail: string): { messageId: string; root: string } {
  const { domain } = split(supportEmail);
  return { messageId: `<aurora.o${outboxId}.t${ticketId}@${domain}>`, root: `<aurora.t${ticketId}@${domain}>` };
}

/** A Message-ID we wrote (a copy of our own email coming back in). */
export function isOwnMessageId(messageId: string, supportEmail: string): boolean {
  const { domain } = split(supportEmail);
  return messageId.toLowerCase().startsWith('<aurora.') && messageId.toLowerCase().endsWith(`@${domain}>`);
}
