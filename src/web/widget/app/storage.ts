// What the widget remembers: the session and its transcript for this tab (24 h), the visitor id for the shortlist.
import { SESSION_KEY, VISITOR_KEY, readSession, type StoredSession } from '../protocol';
import type { Entry } from './types';
import { randomId } from './format';

const TRANSCRIPT_KEY = 'auroraConcierge.transcript';
const CSAT_ASKED_KEY = 'auroraConcierge.csatAsked';
const DAY_MS = 24 * 60 * 60 * 1000;

function write(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    /* private mode or full storage: the widget still works for this page view */
  }
}

function read<T>(storage: Storage, key: string): T | null {
  try {
    return JSON.parse(storage.getItem(key) || 'null') as T | null;
  } catch {
    return null;
  }
}

export { readSession };

/** Keeps the session alive for 24 hours after the last activity, as the server does. */
export function saveSession(id: string, expiresAt?: string): StoredSession {
  const session = { id, expiresAt: expiresAt || new Date(Date.now() + DAY_MS).toISOString() };
  write(sessionStorage, SESSION_KEY, session);
  return session;
}

export function touchSession(): void {
  const session = readSession();
  if (session) saveSession(session.id);
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.removeItem(TRANSCRIPT_KEY);
    sessionStorage.removeItem(CSAT_ASKED_KEY);
  } catch {
    /* nothing stored */
  }
}

export function loadTranscript(): Entry[] {
  return (readSession() && read<Entry[]>(sessionStorage, TRANSCRIPT_KEY)) || [];
}

export function saveTranscript(entries: Entry[]): void {
  write(sessionStorage, TRANSCRIPT_KEY, entries);
}

export function csatAsked(): boolean {
  return read<boolean>(sessionStorage, CSAT_ASKED_KEY) === true;
}

export function markCsatAsked(): void {
  write(sessionStorage, CSAT_ASKED_KEY, true);
}

let pageVisitorId: string | undefined;

/** An anonymous id, kept in localStorage so the shortlist survives for 30 days (for this page only if storage is blocked). */
export function visitorId(): string {
  if (pageVisitorId) return pageVisitorId;
  try {
    pageVisitorId = localStorage.getItem(VISITOR_KEY) || undefined;
    if (!pageVisitorId) {
      pageVisitorId = 'v_' + randomId();
      localStorage.setItem(VISITOR_KEY, pageVisitorId);
    }
  } catch {
    pageVisitorId = pageVisitorId || 'v_' + randomId();
  }
  return pageVisitorId;
}
