// Who else has a ticket open (issue 12 item 5): each dashboard tab beats every PRESENCE_BEAT_MS with its state
// (viewing or replying); a row not refreshed within PRESENCE_TTL_MS is gone. Kept in the database, so every instance
// sees every tab; a new or changed state is also a live event, so the other pages show it at once.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { LiveBus } from './bus';

export const PRESENCE_STATES = ['viewing', 'replying'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];
/** The page's heartbeat; a tab missing two beats (closed, asleep, offline) has left. */
export const PRESENCE_BEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 25_000;
/** Tabs one staff member can be present with at once, across tickets; a new one past it is refused. */
export const MAX_PRESENT_TABS = 30;

export interface Viewer {
  staffId: number;
  name: string;
  /** replying when any of their tabs is writing a reply or note. */
  state: PresenceState;
  since: string;
}

export function createPresence(db: Kysely<Database>, live: Pick<LiveBus, 'publish'>, now: () => Date) {
  const cutoff = () => new Date(now().getTime() - PRESENCE_TTL_MS).toISOString();

  async function requireTicket(ticketId: number) {
    const ticket = await db.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
    if (!ticket) throw notFound(`Ticket #${ticketId}`);
  }

  /** The others on the ticket now (the asking staff member's own tabs left out), replying first. */
  async function others(ticketId: number, staffId: number): Promise<Viewer[]> {
    const rows = await db
      .selectFrom('ticket_presence as p')
      .innerJoin('staff_users as s', 's.id', 'p.staff_id')
      .select(['p.staff_id', 's.name', 'p.state', 'p.since'])
      .where('p.ticket_id', '=', ticketId)
      .where('p.staff_id', '<>', staffId)
      .where('p.seen_at', '>=', cutoff())
      .orderBy('p.since')
      .execute();
    const byStaff = new Map<number, Viewer>();
    for (const row of rows) {
      const seen = byStaff.get(row.staff_id);
      const state: PresenceState = row.state === 'replying' || seen?.state === 'replying' ? 'replying' : 'viewing';
      byStaff.set(row.staff_id, { staffId: row.staff_id, name: row.name, state, since: seen?.since ?? row.since });
    }
    return [...byStaff.values()].sort((a, b) => (a.state === b.state ? a.since.localeCompare(b.since) : a.state === 'replying' ? -1 : 1));
  }

  return {
    others: async (ticketId: number, staffId: number) => {
      await requireTicket(ticketId);
      return others(ticketId, staffId);
    },

    /** One tab's heartbeat (or its goodbye, `left`); answers who else is there. */
    async beat(ticketId: number, staffId: number, clientId: string, state: PresenceState | 'left'): Promise<Viewer[]> {
      await requireTicket(ticketId);
      const at = now().toISOString();
      const before = await db
        .selectFrom('ticket_presence')
        .select(['state', 'seen_at'])
        .where('ticket_id', '=', ticketId)
        .where('staff_id', '=', staffId)
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      const wasThere = before !== undefined && before.seen_at >= cutoff();
      if (state !== 'left' && !wasThere) {
        const present = await db.selectFrom('ticket_presence').select(sql<number>`count(*)`.as('n')).where('staff_id', '=', staffId).where('seen_at', '>=', cutoff()).executeTakeFirst();
        if (Number(present?.n ?? 0) >= MAX_PRESENT_TABS) {
          throw new AppError('rate_limited', `This account is already shown on ${MAX_PRESENT_TABS} open tickets: close some tabs, and the others see you here again.`);
        }
      }
      if (state === 'left') {
        await db.deleteFrom('ticket_presence').where('ticket_id', '=', ticketId).where('staff_id', '=', staffId).where('client_id', '=', clientId).execute();
      } else {
        await db
          .insertInto('ticket_presence')
          .values({ ticket_id: ticketId, staff_id: staffId, client_id: clientId, state, since: at, seen_at: at })
          .onConflict((oc) =>
            oc.columns(['ticket_id', 'staff_id', 'client_id']).doUpdateSet({
              state,
              seen_at: at,
              since: sql<string>`case when ticket_presence.state = ${state} and ticket_presence.seen_at >= ${cutoff()} then ticket_presence.since else ${at} end`,
            }),
          )
          .execute();
      }
      // Rows of tabs long gone are dropped as others beat (the index on seen_at keeps it cheap).
      await db.deleteFrom('ticket_presence').where('seen_at', '<', new Date(now().getTime() - 4 * PRESENCE_TTL_MS).toISOString()).execute();
      const changed = state === 'left' ? wasThere : !wasThere || before?.state !== state;
      if (changed) await live.publish({ type: 'presence', ticketId, actorId: staffId });
      return others(ticketId, staffId);
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
