// The visitor's shortlist (W9): saved pieces kept 30 days for an anonymous visitor id.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { CatalogService } from '../catalog/service';
import type { Product } from '../catalog/types';

export const SHORTLIST_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const SHORTLIST_MAX_ITEMS = 50;

export function createShortlistService(db: Kysely<Database>, catalog: CatalogService, now: () => Date = () => new Date()) {
  /** The visitor's saved pieces, oldest first; expired entries are left out. */
  async function list(visitorId: string): Promise<Product[]> {
    const rows = await db
      .selectFrom('shortlist_items')
      .select('product_id')
      .where('visitor_id', '=', visitorId)
      .where('expires_at', '>', now().toISOString())
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const products = new Map((await catalog.findByIds(rows.map((r) => r.product_id))).map((p) => [p.id, p]));
    return rows.flatMap((r) => products.get(r.product_id) ?? []);
  }

  return {
    list,

    /** Saves a piece (saving it again keeps it another 30 days); returns the saved piece. */
    async add(visitorId: string, productId: number): Promise<Product> {
      const product = await catalog.getById(productId);
      const at = now();
      const expiresAt = new Date(at.getTime() + SHORTLIST_TTL_MS).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('shortlist_items').where('visitor_id', '=', visitorId).where('expires_at', '<=', at.toISOString()).execute();
        const { count } = await trx.selectFrom('shortlist_items').select((eb) => eb.fn.countAll<number>().as('count')).where('visitor_id', '=', visitorId).executeTakeFirstOrThrow();
        const saved = await trx.selectFrom('shortlist_items').select('id').where('visitor_id', '=', visitorId).where('product_id', '=', productId).executeTakeFirst();
        if (!saved && Number(count) >= SHORTLIST_MAX_ITEMS) {
          throw new AppError('conflict', `Your shortlist is full (${SHORTLIST_MAX_ITEMS} pieces). Remove one to save another.`);
        }
        await trx
          .insertInto('shortlist_items')
          .values({ visitor_id: visitorId, product_id: productId, created_at: at.toISOString(), expires_at: expiresAt })
          .onConflict((oc) => oc.columns(['visitor_id', 'product_id']).doUpdateSet({ expires_at: expiresAt }))
          .execute();
      });
      return product;
    },

    /** Removes a piece; removing one that is not saved is not an error. Returns whether it was there. */
    async remove(visitorId: string, productId: number): Promise<boolean> {
      const result = await db.deleteFrom('shortlist_items').where('visitor_id', '=', visitorId).where('product_id', '=', productId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ShortlistService = ReturnType<typeof createShortlistService>;
