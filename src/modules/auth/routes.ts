// Sign-in, sign-out (here or everywhere) and "who am I" for the dashboard SPA.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import { sessionCookieName, sessionCookieOptions, staffOf } from './guard';
import { SESSION_MAX_MS, type StaffSession } from './service';
import { errorResponses, NoBody } from '../../http/schemas';

const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

const LogoutBody = Type.Object({ everywhere: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

const SessionJson = Type.Object({
  user: Type.Object({ id: Type.Integer(), email: Type.String(), name: Type.String(), role: Type.Union([Type.Literal('agent'), Type.Literal('admin')]) }),
  csrfToken: Type.String(),
  expiresAt: Type.String(),
});

const sessionJson = (s: StaffSession) => ({ user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt });

export async function authRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const cookieName = sessionCookieName(services.config.mode);

  app.post(
    '/api/dashboard/login',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        summary: 'Sign in: sets the session cookie and returns the CSRF token',
        description: 'JSON only. Five failed sign-ins for an email lock it for 15 minutes (a 401 like a wrong password); 60 a minute per client address.',
        body: LoginBody,
        response: { 200: SessionJson, ...errorResponses(400, 401, 429) },
      },
      // Only JSON: a cross-site HTML form cannot send it, so nobody can sign a victim in to their own account.
      preValidation: async (request) => {
        if (!(request.headers['content-type'] ?? '').startsWith('application/json')) throw new AppError('invalid_request', 'Send the sign-in as JSON.');
      },
    },
    async (request, reply) => {
      const session = await services.auth.login(request.body.email, request.body.password);
      reply.setCookie(cookieName, session.token, sessionCookieOptions(services.config.mode, SESSION_MAX_MS / 1000));
      return sessionJson(session);
    },
  );

  app.get('/api/dashboard/session', { config: { access: 'agent' }, schema: { summary: 'Who is signed in, and the CSRF token', response: { 200: SessionJson, ...errorResponses(401) } } }, async (request) => sessionJson(staffOf(request)));

  // `{"everywhere": true}` ends every session of the account ("sign out everywhere"), not just this one.
  app.post(
    '/api/dashboard/logout',
    {
      config: { access: 'agent' },
      schema: { summary: 'Sign out (`everywhere`: every session of the account)', body: LogoutBody, response: { 204: NoBody('Signed out; the cookie is cleared'), ...errorResponses(400, 401, 403) } },
      // No body at all is a plain sign-out.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      if (request.body.everywhere) await services.staff.signOutEverywhere(staffOf(request).user.id);
      else {
        const token = request.cookies[cookieName];
        if (token) await services.auth.logout(token);
      }
      reply.clearCookie(cookieName, { path: '/' });
      return reply.code(204).send();
    },
  );
}
