// Staff accounts (D8, P8): add, list, disable, enable, reset password. Used by the dashboard and the CLI.
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import { assertPasswordStrength, generatePassword, hashPassword } from '../auth/passwords';
import { EMAIL_PATTERN, normalizeEmail } from '../../email';

export interface StaffMember {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface NewStaffInput {
  email: string;
  name: string;
  role: StaffRole;
  /** Omitted: a strong password is generated and returned once. */
  password?: string;
}

/** Who did it, for the audit log: a staff id, or null for the command line. */
export type Actor = number | null;

export const STAFF_ROLES: readonly StaffRole[] = ['agent', 'admin'];


function toMember(row: { id: number; email: string; name: string; role: StaffRole; disabled: number; last_login_at: string | null; created_at: string }): StaffMember {
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled === 1, lastLoginAt: row.last_login_at, createdAt: row.created_at };
}

const COLUMNS = ['id', 'email', 'name', 'role', 'disabled', 'last_login_at', 'created_at'] as const;

export function createStaffService(db: Kysely<Database>, now: () => Date = () => new Date()) {
  async function audit(actor: Actor, action: string, target: string, data: Record<string, unknown> = {}) {
    await db.insertInto('audit_log').values({ actor_id: actor, action, target, data: JSON.stringify(data), created_at: now().toISOString() }).execute();
  }

  async function byEmail(email: string) {
    return db.selectFrom('staff_users').select(COLUMNS).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  }

  async function requireMember(id: number) {
    const row = await db.selectFrom('staff_users').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('That staff account');
    return row;
  }

  return {
    async list(): Promise<StaffMember[]> {
      const rows = await db.selectFrom('staff_users').select(COLUMNS).orderBy('disabled').orderBy('name').execute();
      return rows.map(toMember);
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async get(id: number): Promise<StaffMember> {
      return toMember(await requireMember(id));
    },

    async findByEmail(email: string): Promise<StaffMember | undefined> {
      const row = await byEmail(email);
      return row && toMember(row);
    },

    /** Creates an account; answers the member and the password (generated when none was given). */
    async add(input: NewStaffInput, actor: Actor, options: { demoSeed?: boolean } = {}): Promise<{ member: StaffMember; password: string }> {
      const email = normalizeEmail(input.email);
      if (!new RegExp(EMAIL_PATTERN).test(email)) throw invalid('Enter a valid email address.', { fields: { email: 'Enter a valid email address.' } });
      if (!STAFF_ROLES.includes(input.role)) throw invalid('The role must be agent or admin.', { fields: { role: 'agent or admin' } });
      const name = input.name.trim();
      if (!name) throw invalid('Enter a name.', { fields: { name: 'Enter a name.' } });
      const password = input.password ?? generatePassword();
      // The demo's seeded accounts keep their published passwords (README); production refuses to start with them.
      if (!options.demoSeed) assertPasswordStrength(password, { email, name });
      if (await byEmail(email)) throw new AppError('conflict', `A staff account with the email ${email} already exists.`);
      const at = now().toISOString();
      const row = await db
        .insertInto('staff_users')
        .values({ email, name, role: input.role, password_hash: await hashPassword(password), disabled: 0, failed_attempts: 0, created_at: at, updated_at: at })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await audit(actor, 'staff.add', email, { role: input.role });
      return { member: toMember(row), password };
    },

    /** Disables an account and ends its sessions at once, in one transaction. */
    async disable(id: number, actor: Actor): Promise<StaffMember> {
      const member = await requireMember(id);
      if (actor === id) throw invalid('You cannot disable your own account.');
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('staff_users').set({ disabled: 1, updated_at: now().toISOString() }).where('id', '=', id).execute();
        await trx.deleteFrom('staff_sessions').where('user_id', '=', id).execute();
      });
      await audit(actor, 'staff.disable', member.email);
      return toMember({ ...member, disabled: 1 });
    },

    async enable(id: number, actor: Actor): Promise<StaffMember> {
      const member = await requireMember(id);
      await db.updateTable('staff_users').set({ disabled: 0, updated_at: now().toISOString() }).where('id', '=', id).execute();
      await audit(actor, 'staff.enable', member.email);
      return toMember({ ...member, disabled: 0 });
    },

    /** Ends every session of the account on every device; the member signed out everywhere is their own actor. */
    async signOutEverywhere(id: number): Promise<void> {
      const member = await requireMember(id);
      await db.deleteFrom('staff_sessions').where('user_id', '=', id).execute();
      await audit(id, 'staff.sign_out_everywhere', member.email);
    },

    /** Sets a new password (generated when none is given), lifts a lockout and ends the account's sessions. */
    async resetPassword(id: number, actor: Actor, password: string = generatePassword(), options: { demoSeed?: boolean } = {}): Promise<{ member: StaffMember; password: string }> {
      const member = await requireMember(id);
      if (!options.demoSeed) assertPasswordStrength(password, member);
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('staff_users').set({ password_hash: passwordHash, failed_attempts: 0, locked_until: null, updated_at: now().toISOString() }).where('id', '=', id).execute();
        await trx.deleteFrom('staff_sessions').where('user_id', '=', id).execute();
        await trx.deleteFrom('staff_login_throttle').where('email', '=', member.email).execute();
      });
      await audit(actor, 'staff.reset_password', member.email);
      return { member: toMember(member), password };
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
