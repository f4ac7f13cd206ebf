// Public concierge session ids: `cs_` + 22 url-safe random characters (128 bits), unguessable.
import { randomBytes } from 'node:crypto';

export const SESSION_ID_PATTERN = '^cs_[A-Za-z0-9_-]{22}$';
const SESSION_ID = new RegExp(SESSION_ID_PATTERN);

export function newSessionId(): string {
  return `cs_${randomBytes(16).toString('base64url')}`;
}

export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID.test(value);
}
