// Tags on tickets (issue 12 item 5): short lower-case labels staff add and remove; each change is in the history.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { invalid, notFound } from '../../errors';
import type { TicketRepo } from './repo';

export const MAX_TAGS_PER_TICKET = 10;
const TAG = /^[a-z0-9][a-z0-9-]{0,29}$/;

/** "Gift Wrap " → "gift-wrap"; a bad tag is a 400 that says what a tag may be. */
export function normalizeTag(raw: string): string {
  const tag = raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (!TAG.test(tag)) throw invalid('A tag is 1 to 30 letters, digits or dashes, starting with a letter or digit.', { fields: { tag: 'Letters, digits and dashes only.' } });
  return tag;
}

export function createTicketTags(db: Kysely<Database>, repo: TicketRepo, now: () => Date) {
  const tagsOf = async (ticketId: number, executor: Pick<Kysely<Database>, 'selectFrom'> = db) =>
    (await executor.selectFrom('ticket_tags').select('tag').where('ticket_id', '=', ticketId).orderBy('tag').execute()).map((r) => r.tag);

  async function changeTag(ticketId: number, raw: string, actorId: number, adding: boolean): Promise<string[]> {
    const tag = normalizeTag(raw);
    const at = now().toISOString();
    return db.transaction().execute(async (trx) => {
      // Take the ticket's row lock first (a no-op update), so concurrent changes to one ticket's tags run one after
      // the other and each reads what the last one wrote: no duplicate-key 500, no eleventh tag.
      const locked = await trx.updateTable('tickets').set((eb) => ({ id: eb.ref('id') })).where('id', '=', ticketId).executeTakeFirst();
      if (Number(locked.numUpdatedRows) === 0 || !(await repo.get(ticketId, trx))) throw notFound('That ticket');
      const current = await tagsOf(ticketId, trx);
      if (adding === current.includes(tag)) return current;
      if (adding) {
        if (current.length >= MAX_TAGS_PER_TICKET) throw invalid(`A ticket has at most ${MAX_TAGS_PER_TICKET} tags: remove one first.`, { fields: { tag: 'Too many tags.' } });
        await trx.insertInto('ticket_tags').values({ ticket_id: ticketId, tag, created_at: at }).execute();
      } else {
        await trx.deleteFrom('ticket_tags').where('ticket_id', '=', ticketId).where('tag', '=', tag).execute();
      }
      await repo.update(trx, ticketId, { updated_at: at });
      await repo.addEvent(trx, { ticket_id: ticketId, actor_id: actorId, type: adding ? 'tagged' : 'untagged', body: null, data: JSON.stringify({ tag }), created_at: at });
      return tagsOf(ticketId, trx);
    });
  }

  return {
    add: (ticketId: number, tag: string, actorId: number) => changeTag(ticketId, tag, actorId, true),
    remove: (ticketId: number, tag: string, actorId: number) => changeTag(ticketId, tag, actorId, false),
    /** Every tag in use with how many tickets carry it, for the list's filter. */
    async inUse(): Promise<{ tag: string; count: number }[]> {
      const rows = await db
        .selectFrom('ticket_tags as g')
        .innerJoin('tickets as t', 't.id', 'g.ticket_id')
        .select(['g.tag', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('g.tag')
        .orderBy('g.tag')
        .execute();
      return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
    },
  };
}
