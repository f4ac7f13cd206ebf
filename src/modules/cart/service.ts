// The shopping bag: items held for 30 minutes from the last change (the guide's cart hold).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { invalid } from '../../errors';
import type { CatalogService } from '../catalog/service';
import type { Product } from '../catalog/types';

export const CART_HOLD_MINUTES = 30;
const MAX_QUANTITY = 10;

export interface CartLine {
  id: number;
  product: Product;
  size: number | null;
  quantity: number;
  lineTotalCents: number;
}

export interface Cart {
  id: string | null;
  lines: CartLine[];
  subtotalCents: number;
  itemCount: number;
  expiresAt: string | null;
}

const EMPTY: Cart = { id: null, lines: [], subtotalCents: 0, itemCount: 0, expiresAt: null };

export function createCartService(db: Kysely<Database>, catalog: CatalogService, now: () => Date = () => new Date()) {
  const holdUntil = () => new Date(now().getTime() + CART_HOLD_MINUTES * 60_000).toISOString();

  async function get(cartId: string | undefined): Promise<Cart> {
    if (!cartId) return EMPTY;
    const cart = await db.selectFrom('carts').selectAll().where('id', '=', cartId).executeTakeFirst();
    if (!cart || cart.expires_at <= now().toISOString()) return { ...EMPTY };
    const items = await db.selectFrom('cart_items').selectAll().where('cart_id', '=', cartId).orderBy('id').execute();
    const products = new Map((await catalog.findByIds(items.map((i) => i.product_id))).map((p) => [p.id, p]));
    const lines = items.flatMap((item) => {
      const product = products.get(item.product_id);
      return product ? [{ id: item.id, product, size: item.size, quantity: item.quantity, lineTotalCents: product.priceCents * item.quantity }] : [];
    });
    return {
      id: cart.id,
      lines,
      subtotalCents: lines.reduce((s, l) => s + l.lineTotalCents, 0),
      itemCount: lines.reduce((s, l) => s + l.quantity, 0),
      expiresAt: cart.expires_at,
    };
  }

  return {
    get,

    /** Adds a piece; returns the cart id (a new cart when there was none or it expired). */
    async add(cartId: string | undefined, productId: number, size: number | null, quantity: number): Promise<string> {
      const product = await catalog.getById(productId);
      if (product.sizes.length > 0 && (size === null || !product.sizes.includes(size))) {
        throw invalid(`Please choose a ring size (available: ${product.sizes.join(', ')}).`, { field: 'size' });
      }
      if (product.sizes.length === 0) size = null;
      if (product.readyToShip && product.stock < quantity) throw invalid(`Sorry, ${product.name} is sold out.`, { field: 'productId' });
      const current = await get(cartId);
      return db.transaction().execute(async (trx) => {
        const id = current.id ?? randomUUID();
        if (current.id) await trx.updateTable('carts').set({ expires_at: holdUntil() }).where('id', '=', id).execute();
        else {
          if (cartId) await trx.deleteFrom('carts').where('id', '=', cartId).execute();
          await trx.insertInto('carts').values({ id, created_at: now().toISOString(), expires_at: holdUntil() }).execute();
        }
        const existing = current.lines.find((l) => l.product.id === productId && l.size === size);
        if (existing) {
          await trx.updateTable('cart_items').set({ quantity: Math.min(MAX_QUANTITY, existing.quantity + quantity) }).where('id', '=', existing.id).execute();
        } else {
          await trx.insertInto('cart_items').values({ cart_id: id, product_id: productId, size, quantity }).execute();
        }
        return id;
      });
    },

    async setQuantity(cartId: string | undefined, lineId: number, quantity: number): Promise<void> {
      if (!cartId) return;
      if (quantity <= 0) await db.deleteFrom('cart_items').where('cart_id', '=', cartId).where('id', '=', lineId).execute();
      else await db.updateTable('cart_items').set({ quantity: Math.min(MAX_QUANTITY, quantity) }).where('cart_id', '=', cartId).where('id', '=', lineId).execute();
      await db.updateTable('carts').set({ expires_at: holdUntil() }).where('id', '=', cartId).execute();
    },

    async clear(cartId: string): Promise<void> {
      await db.deleteFrom('carts').where('id', '=', cartId).execute();
    },
  };
}

export type CartService = ReturnType<typeof createCartService>;
