// Mail that must not reach a ticket: automatic answers (an out-of-office answering our reply would reopen the
// ticket and could loop with our own notifications), bounces, and copies of our own email.
import { isOwnMessageId, isSupportAddress } from './reply-address';
import type { InboundMail } from './parse';

export type IgnoreReason = 'auto_reply' | 'bounce' | 'loop';

const OUT_OF_OFFICE = /^\s*(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|ooo\b|away from (the )?office|abwesenheit|absence|réponse automatique|respuesta automática|fuori sede|on vacation|vacation reply)/i;

export function ignoreReason(mail: InboundMail, ours: { supportEmail: string; mailFrom: string }): IgnoreReason | null {
  const h = (name: string) => (mail.headers.get(name) ?? '').toLowerCase();
  if (isOwnMessageId(mail.messageId, ours.supportEmail) || isSupportAddress(mail.fromAddress, ours.supportEmail) || mail.fromAddress === ours.mailFrom) return 'loop';
  if (/^(mailer-daemon|postmaster)@/i.test(mail.fromAddress) || !mail.fromAddress || mail.contentType.startsWith('multipart/report')) return 'bounce';
  const autoSubmitted = h('auto-submitted');
  if ((autoSubmitted && autoSubmitted !== 'no') || mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || h('x-auto-response-suppress').includes('all')) return 'auto_reply';
  if (['bulk', 'auto_reply', 'junk', 'list'].includes(h('precedence').trim())) return 'auto_reply';
  if (OUT_OF_OFFICE.test(mail.subject)) return 'auto_reply';
  return null;
}

/** The bare address of a From header such as `"Shop" <concierge@shop.example>`. */
export function bareAddress(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
}
