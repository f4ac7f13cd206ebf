// JSON calls to /api/dashboard/*: the CSRF token rides along on every change; a 401 goes back to sign-in.
export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: 'agent' | 'admin';
}

export interface SessionInfo {
  user: StaffUser;
  csrfToken: string;
  expiresAt: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: { fields?: Record<string, string> } & Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function goToLogin(): void {
  const next = location.pathname.startsWith('/dashboard/') && location.pathname !== '/dashboard/login' ? `?next=${encodeURIComponent(location.pathname + location.search)}` : '';
  location.assign(`/dashboard/login${next}`);
}

/**
 * `signal` cancels the request (a newer one replaced it: see fetching.ts); `keepalive` lets it outlive the page;
 * `background` marks a read no person asked for (a refresh timer, a live update), which does not extend the session.
 */
export async function api<T>(path: string, options: { method?: string; body?: unknown; signal?: AbortSignal; keepalive?: boolean; background?: boolean } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.background) headers['x-aurora-background'] = '1';
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
  }
  const response = await fetch(`/api/dashboard${path}`, { method, headers, credentials: 'same-origin', signal: options.signal, keepalive: options.keepalive, body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}) });
  if (response.status === 401 && path !== '/login') {
    goToLogin();
    throw new ApiError(401, 'Your session has ended. Sign in again.');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: { message?: string; details?: { fields?: Record<string, string> } & Record<string, unknown> } };
  if (!response.ok) throw new ApiError(response.status, data.error?.message ?? `The request failed (${response.status}).`, data.error?.details);
  return data as T;
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
