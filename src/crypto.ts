// Secret-handling helpers shared by sign-in, return labels, order webhooks, order lookups and analytics.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Compares a token a client sent with the one on record without leaking, by timing, how much matched. */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** HMAC-SHA256 of a value as 32 URL-safe characters: a stable key for it that nobody without the secret can reverse. */
export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url').slice(0, 32);
}
