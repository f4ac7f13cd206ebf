// A named lease in the database: one instance at a time runs a job that must not run twice at once (the IMAP
// poller: two instances reading one mailbox would thread each message twice). Taken atomically like a queue claim;
// a crashed holder's lease simply runs out.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export function createLeases(db: Kysely<Database>, now: () => Date) {
  return {
    /** True when `holder` now holds `name` until `ms` from now (it was free, expired, or already its own). */
    async take(name: string, holder: string, ms: number): Promise<boolean> {
      const at = now();
      const until = new Date(at.getTime() + ms).toISOString();
      const taken = await db
        .insertInto('job_leases')
        .values({ name, holder, locked_until: until })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, locked_until: until })
            .where((eb) => eb.or([eb('job_leases.locked_until', '<', at.toISOString()), eb('job_leases.holder', '=', holder)])),
        )
        .returning('name')
        .executeTakeFirst();
      return taken !== undefined;
    },

    /** Gives the lease back early, only if `holder` still has it. */
    async release(name: string, holder: string): Promise<void> {
      await db.updateTable('job_leases').set({ locked_until: new Date(0).toISOString() }).where('name', '=', name).where('holder', '=', holder).execute();
    },
  };
}

export type Leases = ReturnType<typeof createLeases>;
