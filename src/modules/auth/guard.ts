// Access control for every dashboard route: each declares `config.access`; a route without one fails start-up.
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { StaffRole } from '../../db/schema';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { constantTimeEqual } from '../../crypto';
import { hasRole, type StaffSession } from './service';

export type Access = 'public' | StaffRole;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call a dashboard route: public (the login page), agent (any staff) or admin. */
    access?: Access;
    /** A page: anonymous visitors are sent to the login page instead of a 401. */
    page?: boolean;
    /** Called by an open page on its own (the live stream, presence beats): checks the session without extending it,
     * so a tab left open does not keep an unattended workstation signed in past the idle timeout. */
    background?: boolean;
  }
  interface FastifyRequest {
    staff: StaffSession | null;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(mode: Services['config']['mode']): string {
  // `__Host-` binds the cookie to this origin over HTTPS (no Domain, Path=/, Secure).
  return mode === 'production' ? '__Host-aurora_staff' : 'aurora_staff';
}

export function sessionCookieOptions(mode: Services['config']['mode'], maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: mode === 'production', maxAge: maxAgeSeconds };
}

export function isDashboardUrl(url: string): boolean {
  return url === '/dashboard' || url.startsWith('/dashboard/') || url.startsWith('/api/dashboard/');
}

/** Sent by the dashboard on reads no person asked for (`1`): they leave the session's idle clock alone. */
export const BACKGROUND_HEADER = 'x-aurora-background';

async function loadSession(services: Services, request: FastifyRequest, touch: boolean): Promise<StaffSession | null> {
  const token = request.cookies[sessionCookieName(services.config.mode)];
  return token ? ((await services.auth.session(token, { touch })) ?? null) : null;
}

function redirectToLogin(request: FastifyRequest, reply: FastifyReply) {
  const next = request.url.startsWith('/dashboard/') ? `?next=${encodeURIComponent(request.url)}` : '';
  return reply.redirect(`/dashboard/login${next}`, 303);
}

/** The onRequest guard for a role: 401 without a live session, 403 for the wrong role or a missing CSRF token. */
export function requireRole(services: Services, role: StaffRole, options: { page?: boolean; background?: boolean; forbiddenPage?: () => string } = {}): onRequestHookHandler {
  return async function guard(request, reply) {
    // A page's own reads (its refresh timer, a live update) say so: they are no sign of the person, so they never
    // slide the session. Only reads can: a change is always the person's.
    const background = options.background || (SAFE_METHODS.has(request.method) && request.headers[BACKGROUND_HEADER] === '1');
    const session = await loadSession(services, request, !background);
    request.staff = session;
    if (!session) {
      if (options.page) return redirectToLogin(request, reply);
      throw new AppError('unauthorized', 'Sign in to the dashboard first.');
    }
    if (!hasRole(session.user, role)) {
      if (options.page && options.forbiddenPage) return reply.code(403).type('text/html; charset=utf-8').send(options.forbiddenPage());
      throw new AppError('forbidden', 'This is for admins only.');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !constantTimeEqual(sent, session.csrfToken)) {
        throw new AppError('forbidden', 'The request is missing its security token. Reload the page and try again.');
      }
    }
  };
}

/** Installs the guard on every dashboard route registered in this context and below. */
export function installDashboardAccess(app: FastifyInstance, services: Services, forbiddenPage: () => string): void {
  app.decorateRequest('staff', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isDashboardUrl(route.url ?? '')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Dashboard route ${String(route.method)} ${route.url} must declare config.access.`);
    if (access === 'public') return;
    const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [requireRole(services, access, { page: route.config?.page, background: route.config?.background, forbiddenPage }), ...existing];
  });
}

/** The signed-in staff member of a guarded route. */
export function staffOf(request: FastifyRequest): StaffSession {
  if (!request.staff) throw new AppError('unauthorized', 'Sign in to the dashboard first.');
  return request.staff;
}
