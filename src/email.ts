// Email addresses as the service stores and compares them, and the shape every API form accepts.

/** The form every lookup and comparison uses: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Something@something.tld, no spaces: the check API schemas apply (the demo store's forms are stricter). */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

const DOTLESS_DOMAINS = new Map([['gmail.com', 'gmail.com'], ['googlemail.com', 'gmail.com']]);

/**
 * The mailbox an address delivers to, for counting emails per recipient: `victim+1@…` … `victim+11@…` all reach
 * `victim@…` (sub-addressing), and Gmail ignores dots and answers for googlemail.com too. Only a key: mail is still
 * sent to the address as typed.
 */
export function mailboxKey(email: string): string {
  const address = normalizeEmail(email);
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  let local = address.slice(0, at).split('+')[0]!;
  let domain = address.slice(at + 1);
  const dotless = DOTLESS_DOMAINS.get(domain);
  if (dotless) [local, domain] = [local.replaceAll('.', ''), dotless];
  return `${local || address.slice(0, at)}@${domain}`;
}
