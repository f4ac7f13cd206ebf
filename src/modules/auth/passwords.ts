// Staff passwords: argon2id hashing with OWASP parameters, the strength policy, and readable generated passwords.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '../../errors';

// The library's default algorithm is argon2id (its `Algorithm` is a const enum, unusable under isolatedModules).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs the same time as a real account. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** 20 characters from an unambiguous alphabet (~115 bits), grouped for reading aloud. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** zxcvbn's 0-4 scale: 3 is "safely unguessable" (about 10^8 guesses or more to find it). */
const MIN_STRENGTH_SCORE = 3;
// Words of this product that anyone would try first.
const PRODUCT_WORDS = ['aurora', 'concierge', 'glowglitch', 'dashboard', 'stylist', 'admin', 'staff'];
// Words a guesser tries first on this product: with these alone "glowglitch-admin" or the demo's published
// "aurora-admin-demo" scored as strong, because the estimator rates two dictionary words and a separator well.
const OWN_WORDS = [...PRODUCT_WORDS, 'glow', 'glitch', 'demo', 'test', 'shop', 'support', 'agent', 'password', 'welcome'];

/** The letters of a password once the given words, digits, separators and symbols are taken out. */
function lettersBesides(password: string, words: string[]): string {
  let rest = password.toLowerCase();
  for (const word of [...words].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
  return rest.replace(/[^\p{L}]/gu, '');
}

// The estimator and its dictionaries ship in the packages (no download); built once, on first use.
let estimator: ZxcvbnFactory | undefined;

/**
 * The password policy, wherever a password is set: at least 12 characters, and not guessable by a strength
 * estimator (common passwords, words, keyboard patterns, dates, repeats, or words of the account's name and email).
 */
export function assertPasswordStrength(password: string, account: { email?: string; name?: string } = {}): void {
  const refuse = (message: string, field: string) => invalid(message, { fields: { password: field } });
  if (password.length < MIN_PASSWORD_LENGTH) throw refuse(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`, `At least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > 200) throw refuse('The password must be at most 200 characters long.', 'At most 200 characters.');
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const personal = [account.email ?? '', ...(account.email ?? '').split(/[@.+_-]/), ...(account.name ?? '').split(/\s+/)].filter((word) => word.length >= 3);
  if (lettersBesides(password, [...OWN_WORDS, ...personal]).length < 4 || estimator.check(password, [...PRODUCT_WORDS, ...personal]).score < MIN_STRENGTH_SCORE) {
    throw refuse('The password is too easy to guess. Use a longer phrase of unrelated words, without names, dates or common passwords.', 'Too easy to guess: use a longer phrase of unrelated words.');
  }
}
