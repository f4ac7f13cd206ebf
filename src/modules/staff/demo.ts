// The demo's two staff accounts (documented in the README). Demo mode only, and only when no staff exist.
// Production refuses to start while they exist (their passwords are public); `aurora users remove-demo` deletes them.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { StaffService } from './service';

export const DEMO_STAFF = [
  { email: 'admin@glowglitch.test', name: 'Avery Admin', role: 'admin', password: 'aurora-admin-demo' },
  { email: 'agent@glowglitch.test', name: 'Sam Stylist', role: 'agent', password: 'aurora-agent-demo' },
] as const;

export const REMOVE_DEMO_STAFF_COMMAND = 'npx aurora users remove-demo';

const DEMO_EMAILS = DEMO_STAFF.map((member) => member.email);

export async function seedDemoStaff(staff: StaffService): Promise<boolean> {
  if ((await staff.count()) > 0) return false;
  for (const member of DEMO_STAFF) await staff.add({ ...member }, null, { demoSeed: true });
  return true;
}

/** The demo accounts (enabled or not) still in this database. */
export async function findDemoStaff(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('staff_users').select('email').where('email', 'in', DEMO_EMAILS).orderBy('email').execute();
  return rows.map((row) => row.email);
}

/** Deletes the demo accounts with their sessions; their tickets become unassigned. Answers the emails removed. */
export async function removeDemoStaff(db: Kysely<Database>, now: () => Date = () => new Date()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('staff_users').select(['id', 'email']).where('email', 'in', DEMO_EMAILS).execute();
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    await trx.updateTable('tickets').set({ assignee_id: null }).where('assignee_id', 'in', ids).execute();
    await trx.deleteFrom('staff_sessions').where('user_id', 'in', ids).execute();
    await trx.deleteFrom('staff_users').where('id', 'in', ids).execute();
    const emails = rows.map((row) => row.email).sort();
    await trx.insertInto('audit_log').values({ actor_id: null, action: 'staff.remove_demo', target: emails.join(','), data: '{}', created_at: now().toISOString() }).execute();
    return emails;
  });
}
