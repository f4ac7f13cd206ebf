// Email addresses as the service stores and compares them, and the shape every API form accepts.

/** The form every lookup and comparison uses: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Something@something.tld, no spaces: the check API schemas apply (the demo store's forms are stricter). */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
