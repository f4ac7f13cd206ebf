// Staff sign-in (D1): password check with a per-email lockout, cookie sessions stored as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../../db/schema';
import { AppError } from '../../errors';
import { normalizeEmail } from '../../email';
import { decoyPasswordHash, verifyPassword } from './passwords';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** Sliding expiry: every request pushes the end this far ahead. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** However active, a session ends a week after sign-in. */
export const SESSION_MAX_MS = 7 * 86_400_000;
/** Refresh the sliding expiry at most once a minute (one write, not one per request). */
const TOUCH_EVERY_MS = 60_000;

export interface StaffIdentity {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
}

export interface StaffSession {
  user: StaffIdentity;
  csrfToken: string;
  expiresAt: string;
}

export const INVALID_CREDENTIALS = 'The email or password is incorrect.';
export const LOCKED_OUT = 'Too many failed sign-in attempts. Sign-in for this email is paused for 15 minutes.';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');


export const hasRole = (user: StaffIdentity, role: StaffRole) => role === 'agent' || user.role === 'admin';

export function createAuthService(db: Kysely<Database>, now: () => Date = () => new Date()) {
  const iso = (ms = 0) => new Date(now().getTime() + ms).toISOString();

  async function isLocked(email: string): Promise<boolean> {
    const row = await db.selectFrom('staff_login_throttle').select('locked_until').where('email', '=', email).executeTakeFirst();
    return !!row?.locked_until && row.locked_until > iso();
  }

  /** Counts a failure for the email (known or not); the fifth in a row locks it for 15 minutes. */
  async function recordFailure(email: string): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('staff_login_throttle').selectAll().where('email', '=', email).executeTakeFirst();
      const previous = row && (!row.locked_until || row.locked_until > iso()) ? row.failures : 0;
      const failures = previous + 1;
      const lockedUntil = failures >= MAX_FAILED_LOGINS ? iso(LOCKOUT_MS) : null;
      const values = { failures: lockedUntil ? 0 : failures, locked_until: lockedUntil, updated_at: iso() };
      if (row) await trx.updateTable('staff_login_throttle').set(values).where('email', '=', email).execute();
      else await trx.insertInto('staff_login_throttle').values({ email, ...values }).execute();
      await trx.updateTable('staff_users').set({ failed_attempts: failures, locked_until: lockedUntil }).where('email', '=', email).execute();
      return lockedUntil !== null;
    });
  }

  return {
    /** Checks the password; on success opens a session and answers its cookie token (only its hash is stored). */
    async login(rawEmail: string, password: string): Promise<StaffSession & { token: string }> {
      const email = normalizeEmail(rawEmail);
      if (await isLocked(email)) throw new AppError('rate_limited', LOCKED_OUT);
      const user = await db.selectFrom('staff_users').select(['id', 'email', 'name', 'role', 'password_hash', 'disabled']).where('email', '=', email).executeTakeFirst();
      // Unknown emails still pay for a hash check, so timing does not tell which emails exist.
      const ok = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
      if (!user || !ok) {
        const locked = await recordFailure(email);
        throw locked ? new AppError('rate_limited', LOCKED_OUT) : new AppError('unauthorized', INVALID_CREDENTIALS);
      }
      if (user.disabled === 1) throw new AppError('forbidden', 'This account is disabled. Ask an admin to enable it.');
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const at = iso();
      const expiresAt = iso(SESSION_IDLE_MS);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('staff_sessions').values({ id: sha256(token), user_id: user.id, csrf_token: csrfToken, created_at: at, expires_at: expiresAt, last_seen_at: at }).execute();
        await trx.updateTable('staff_users').set({ last_login_at: at, failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
        await trx.deleteFrom('staff_login_throttle').where('email', '=', email).execute();
        // Housekeeping: expired sessions of this user go.
        await trx.deleteFrom('staff_sessions').where('user_id', '=', user.id).where('expires_at', '<=', at).execute();
      });
      return { token, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
    },

    /** The live session behind a cookie token, with its expiry slid forward; undefined when expired, unknown or disabled. */
    async session(token: string): Promise<StaffSession | undefined> {
      const id = sha256(token);
      const row = await db
        .selectFrom('staff_sessions as s')
        .innerJoin('staff_users as u', 'u.id', 's.user_id')
        .select(['s.csrf_token', 's.created_at', 's.expires_at', 's.last_seen_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.disabled'])
        .where('s.id', '=', id)
        .executeTakeFirst();
      const at = now().getTime();
      if (!row || row.disabled === 1 || row.expires_at <= iso() || Date.parse(row.created_at) + SESSION_MAX_MS <= at) {
        if (row) await db.deleteFrom('staff_sessions').where('id', '=', id).execute();
        return undefined;
      }
      let expiresAt = row.expires_at;
      if (at - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
        expiresAt = new Date(Math.min(at + SESSION_IDLE_MS, Date.parse(row.created_at) + SESSION_MAX_MS)).toISOString();
        await db.updateTable('staff_sessions').set({ last_seen_at: iso(), expires_at: expiresAt }).where('id', '=', id).execute();
      }
      return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, csrfToken: row.csrf_token, expiresAt };
    },

    async logout(token: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('id', '=', sha256(token)).execute();
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
