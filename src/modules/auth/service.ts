// Staff sign-in (D1): password check with a per-email lockout reserved in the database; cookie sessions stored as
// SHA-256 hashes, at most 10 per account; sign out here or everywhere.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
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
/** Signed in on more devices than this, an account's oldest session ends. */
export const MAX_SESSIONS_PER_STAFF = 10;
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
  let passwordChecks = 0;

  /**
   * Reserves one attempt for the email (known or not) before its password is checked, in one statement so
   * racing requests on any instance cannot overshoot: the fifth reservation in a row locks the email for 15
   * minutes, and a locked email gets none (undefined). A successful sign-in deletes the row.
   */
  async function reserveAttempt(email: string): Promise<{ locksNow: boolean } | undefined> {
    const at = iso();
    const lockedUntil = iso(LOCKOUT_MS);
    const row = sql.ref<string | null>('staff_login_throttle.locked_until');
    const failures = sql.ref<number>('staff_login_throttle.failures');
    // A lock that has run out starts a fresh count.
    const next = sql<number>`case when ${row} is null then ${failures} + 1 else 1 end`;
    const reserved = await db
      .insertInto('staff_login_throttle')
      .values({ email, failures: 1, locked_until: MAX_FAILED_LOGINS <= 1 ? lockedUntil : null, updated_at: at })
      .onConflict((oc) =>
        oc
          .column('email')
          .doUpdateSet({
            failures: next,
            locked_until: sql<string | null>`case when ${next} >= ${MAX_FAILED_LOGINS} then ${lockedUntil} else null end`,
            updated_at: at,
          })
          .where((eb) => eb.or([eb(row, 'is', null), eb(row, '<=', at)])),
      )
      .returning('locked_until')
      .executeTakeFirst();
    return reserved && { locksNow: reserved.locked_until !== null };
  }

  return {
    /** Checks the password; on success opens a session and answers its cookie token (only its hash is stored). */
    async login(rawEmail: string, password: string): Promise<StaffSession & { token: string }> {
      const email = normalizeEmail(rawEmail);
      const attempt = await reserveAttempt(email);
      if (!attempt) throw new AppError('rate_limited', LOCKED_OUT);
      const user = await db.selectFrom('staff_users').select(['id', 'email', 'name', 'role', 'password_hash', 'disabled']).where('email', '=', email).executeTakeFirst();
      passwordChecks++;
      // Unknown emails still pay for a hash check, so timing does not tell which emails exist.
      const ok = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
      // A disabled account answers like a wrong password: the answer tells nothing about the account.
      if (!user || !ok || user.disabled === 1) {
        throw attempt.locksNow ? new AppError('rate_limited', LOCKED_OUT) : new AppError('unauthorized', INVALID_CREDENTIALS);
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const at = iso();
      const expiresAt = iso(SESSION_IDLE_MS);
      await db.transaction().execute(async (trx) => {
        const id = sha256(token);
        await trx.insertInto('staff_sessions').values({ id, user_id: user.id, csrf_token: csrfToken, created_at: at, expires_at: expiresAt, last_seen_at: at }).execute();
        // The cap: the new session and the newest others stay, the oldest end.
        const newest = trx.selectFrom('staff_sessions').select('id').where('user_id', '=', user.id).where('id', '!=', id).orderBy('created_at', 'desc').orderBy('last_seen_at', 'desc').limit(MAX_SESSIONS_PER_STAFF - 1);
        await trx.deleteFrom('staff_sessions').where('user_id', '=', user.id).where('id', '!=', id).where('id', 'not in', newest).execute();
        await trx.updateTable('staff_users').set({ last_login_at: at }).where('id', '=', user.id).execute();
        await trx.deleteFrom('staff_login_throttle').where('email', '=', email).execute();
        // Housekeeping: expired sessions of this user go.
        await trx.deleteFrom('staff_sessions').where('user_id', '=', user.id).where('expires_at', '<=', at).execute();
      });
      return { token, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
    },

    /** The live session behind a cookie token, with its expiry slid forward (unless `touch: false`: a background
     * check); undefined when expired, unknown or disabled. */
    async session(token: string, options: { touch?: boolean } = {}): Promise<StaffSession | undefined> {
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
      if (options.touch !== false && at - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
        expiresAt = new Date(Math.min(at + SESSION_IDLE_MS, Date.parse(row.created_at) + SESSION_MAX_MS)).toISOString();
        await db.updateTable('staff_sessions').set({ last_seen_at: iso(), expires_at: expiresAt }).where('id', '=', id).execute();
      }
      return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, csrfToken: row.csrf_token, expiresAt };
    },

    /** How many passwords this instance has checked: the lockout bounds it (lockout.test.ts counts it). */
    passwordChecks: () => passwordChecks,

    async logout(token: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('id', '=', sha256(token)).execute();
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
