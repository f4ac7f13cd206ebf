// Catalog import (P5): a shop's products from CSV or JSON, validated row by row, applied all-or-nothing.
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Category, Database, Metal, NewProduct } from '../../db/schema';
import { CATEGORIES, METALS } from '../catalog/types';

export interface ImportRowError {
  row: number;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
}

export class CatalogImportError extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super(`The catalog was not imported: ${errors.length} row(s) have problems.\n${errors.slice(0, 20).map((e) => `  row ${e.row}: ${e.message}`).join('\n')}`);
    this.name = 'CatalogImportError';
  }
}

const slugify = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const METAL_ALIASES: Record<string, Metal> = { gold: 'yellow_gold', 'yellow gold': 'yellow_gold', 'white gold': 'white_gold', 'rose gold': 'rose_gold', 'sterling silver': 'silver' };
const CATEGORY_ALIASES: Record<string, Category> = { rings: 'ring', necklaces: 'necklace', pendants: 'pendant', earring: 'earrings', bracelets: 'bracelet' };

/** Reads CSV (header row) or JSON (an array of objects) into plain records. */
export function readRecords(text: string, format: 'csv' | 'json'): Record<string, unknown>[] {
  if (format === 'json') {
    const data: unknown = JSON.parse(text);
    const rows = Array.isArray(data) ? data : (data as { products?: unknown }).products;
    if (!Array.isArray(rows)) throw new CatalogImportError([{ row: 0, message: 'JSON must be an array of products or {"products": [...]}' }]);
    return rows as Record<string, unknown>[];
  }
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, unknown>[];
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value).trim();
}

/** Validates one record into a product row, or returns what is wrong with it. */
export function toProduct(record: Record<string, unknown>, currency: string, now: string): NewProduct | string {
  const sku = str(record.sku);
  const name = str(record.name);
  if (!/^[A-Za-z0-9_-]{2,40}$/.test(sku)) return 'sku is required (2-40 letters, digits, - or _)';
  if (!name || name.length > 120) return 'name is required (at most 120 characters)';
  const categoryRaw = str(record.category).toLowerCase();
  const category = (CATEGORY_ALIASES[categoryRaw] ?? categoryRaw) as Category;
  if (!CATEGORIES.includes(category)) return `category must be one of ${CATEGORIES.join(', ')}`;
  const metalRaw = str(record.metal).toLowerCase().replace(/_/g, ' ');
  const metal = (METAL_ALIASES[metalRaw] ?? metalRaw.replace(/ /g, '_')) as Metal;
  if (!METALS.includes(metal)) return `metal must be one of ${METALS.join(', ')}`;
  const price = Number(str(record.price).replace(/[$,]/g, ''));
  if (!Number.isFinite(price) || price <= 0 || price > 1_000_000) return 'price must be a positive number in major units (e.g. 1250.00)';
  const stock = str(record.stock) === '' ? 0 : Number(record.stock);
  if (!Number.isInteger(stock) || stock < 0) return 'stock must be a whole number ≥ 0';
  const readyRaw = str(record.ready_to_ship ?? record.readyToShip).toLowerCase();
  const readyToShip = readyRaw === '' ? true : ['1', 'true', 'yes', 'y'].includes(readyRaw);
  const sizesRaw = Array.isArray(record.sizes) ? record.sizes.map(String) : str(record.sizes).split(/[;| ]+/).filter(Boolean);
  const sizes = sizesRaw.map(Number);
  if (sizes.some((s) => !Number.isFinite(s) || s < 2 || s > 16)) return 'sizes must be ring sizes separated by ; (e.g. 5;5.5;6)';
  const slug = str(record.slug) || slugify(`${name} ${sku}`);
  if (!/^[a-z0-9-]{2,200}$/.test(slug)) return 'slug may only hold lower-case letters, digits and -';
  const stone = str(record.stone).toLowerCase() || null;
  return {
    sku,
    slug,
    name,
    description: str(record.description) || name,
    category,
    metal,
    stone: stone === 'none' ? null : stone,
    price_cents: Math.round(price * 100),
    currency: (str(record.currency) || currency).toUpperCase(),
    ready_to_ship: readyToShip ? 1 : 0,
    stock,
    image_url: str(record.image_url ?? record.imageUrl) || `/images/products/${slug}.svg`,
    sizes: JSON.stringify(sizes),
    featured: ['1', 'true', 'yes'].includes(str(record.featured).toLowerCase()) ? 1 : 0,
    created_at: now,
  };
}

/** Creates new SKUs and updates existing ones in one transaction; any invalid row stops the whole import. */
export async function importCatalog(db: Kysely<Database>, records: Record<string, unknown>[], currency: string, now: () => Date = () => new Date()): Promise<ImportResult> {
  const at = now().toISOString();
  const errors: ImportRowError[] = [];
  const products: NewProduct[] = [];
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const product = toProduct(record, currency, at);
    if (typeof product === 'string') errors.push({ row: i + 1, message: product });
    else if (seen.has(product.sku)) errors.push({ row: i + 1, message: `sku ${product.sku} appears twice` });
    else {
      seen.add(product.sku);
      products.push(product);
    }
  });
  if (products.length) {
    const clashes = await db.selectFrom('products').select(['sku', 'slug']).where('slug', 'in', products.map((p) => p.slug)).execute();
    for (const clash of clashes) {
      const index = products.findIndex((p) => p.slug === clash.slug && p.sku !== clash.sku);
      if (index >= 0) errors.push({ row: records.indexOf(records.find((r) => str(r.sku) === products[index]!.sku)!) + 1, message: `slug ${clash.slug} already belongs to ${clash.sku}` });
    }
  }
  if (errors.length) throw new CatalogImportError(errors);
  return db.transaction().execute(async (trx) => {
    let created = 0;
    let updated = 0;
    for (const product of products) {
      const existing = await trx.selectFrom('products').select('id').where('sku', '=', product.sku).executeTakeFirst();
      if (existing) {
        const { created_at: _, ...changes } = product;
        await trx.updateTable('products').set(changes).where('id', '=', existing.id).execute();
        updated++;
      } else {
        await trx.insertInto('products').values(product).execute();
        created++;
      }
    }
    return { created, updated };
  });
}
