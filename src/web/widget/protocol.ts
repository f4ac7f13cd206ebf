// The seam between the loader (/widget.js) and the chat app: what one hands the other, and the storage both read.

/** The app bundle registers its mount function under this global; the loader calls it once. */
export const APP_GLOBAL = '__auroraConciergeApp';

/** sessionStorage: the conversation of this tab (cleared when the browser closes). */
export const SESSION_KEY = 'auroraConcierge.session';
/** localStorage: the anonymous visitor id that keeps the shortlist for 30 days. */
export const VISITOR_KEY = 'auroraConcierge.visitor';

export interface StoredSession {
  id: string;
  expiresAt: string;
}

export interface WidgetConfig {
  enabled: boolean;
  brand?: { name?: string; shopName?: string; greeting?: string };
  /** The shop's contact page and email, shown when the concierge is switched off while the widget is open. */
  contact?: { url?: string | null; email?: string | null };
  /** LLM mode is on: chat turns stream from POST …/messages/stream. */
  streaming?: boolean;
}

export interface MountOptions {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  /** Base URL of the Aurora service, without a trailing slash. */
  api: string;
  /** The product shown on the host page, when there is one. */
  productId?: number;
  config: WidgetConfig;
  /** Called whenever the session id changes, so the page's checkout can carry it. */
  onSession: () => void;
}

export interface AppHandle {
  /** Opens the panel; a topic (e.g. "stylist") starts that flow. */
  open: (topic?: string) => void;
  close: () => void;
}

export type MountApp = (options: MountOptions) => AppHandle;

/** window.AuroraConcierge: what the host page may call. */
export interface AuroraConciergeApi {
  open: (topic?: string) => void;
  close: () => void;
  getSessionId: () => string | null;
}

declare global {
  interface Window {
    AuroraConcierge?: AuroraConciergeApi;
    __auroraConciergeApp?: MountApp;
  }
}

/** The current session, or null when there is none or it has expired (24 hours). Storage may be blocked. */
export function readSession(): StoredSession | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null') as StoredSession | null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function readVisitorId(): string | null {
  try {
    return localStorage.getItem(VISITOR_KEY);
  } catch {
    return null;
  }
}

/** Fire-and-forget analytics (text/plain beacon: no preflight, survives page unload). */
export function sendEvent(api: string, type: string, data?: Record<string, unknown>): void {
  try {
    const body = JSON.stringify({ type, sessionId: readSession()?.id, visitorId: readVisitorId() || undefined, data });
    navigator.sendBeacon(api + '/api/widget/events', body);
  } catch {
    /* analytics never matter more than the page */
  }
}
