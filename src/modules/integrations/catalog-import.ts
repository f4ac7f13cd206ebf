// Catalog import (P5): a shop's products from CSV or JSON, validated row by row, applied all-or-nothing.
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { Database, NewProduct } from '../../db/schema';
import { toProductRow, type RowContext } from './catalog-row';

export interface ImportRowError {
  /** 1-based: the first product (the line after a CSV's header) is row 1. */
  row: number;
  field?: string;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
}

/** What rows are checked against: the shop's currency (for rows without one) and where images may live. */
export type ImportSettings = Pick<RowContext, 'currency' | 'imageOrigins'>;

/** The import settings of a configuration: the service's own origin and the shop's (widget) origins host images. */
export function importSettingsOf(config: Pick<Config, 'currency' | 'publicUrl' | 'widget'>): ImportSettings {
  const shopOrigins = config.widget.allowedOrigins.filter((origin) => origin !== '*');
  return { currency: config.currency, imageOrigins: [...new Set([new URL(config.publicUrl).origin, ...shopOrigins])] };
}

export class CatalogImportError extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super(`The catalog was not imported: ${errors.length} problem(s).\n${errors.slice(0, 20).map((e) => `  row ${e.row}${e.field ? `, ${e.field}` : ''}: ${e.message}`).join('\n')}`);
    this.name = 'CatalogImportError';
  }
}

/** Reads CSV (header row) or JSON (an array of objects) into plain records. */
export function readRecords(text: string, format: 'csv' | 'json'): Record<string, unknown>[] {
  if (format === 'json') {
    const data: unknown = JSON.parse(text);
    const rows = Array.isArray(data) ? data : (data as { products?: unknown } | null)?.products;
    if (!Array.isArray(rows)) throw new CatalogImportError([{ row: 0, message: 'JSON must be an array of products or {"products": [...]}' }]);
    const notObject = rows.findIndex((row) => typeof row !== 'object' || row === null || Array.isArray(row));
    if (notObject >= 0) throw new CatalogImportError([{ row: notObject + 1, message: 'must be an object of product fields' }]);
    return rows as Record<string, unknown>[];
  }
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, unknown>[];
}

/** Creates new SKUs and updates existing ones in one transaction; any invalid row stops the whole import. */
export async function importCatalog(db: Kysely<Database>, records: Record<string, unknown>[], settings: ImportSettings, now: () => Date = () => new Date()): Promise<ImportResult> {
  const context: RowContext = { ...settings, now: now().toISOString() };
  const errors: ImportRowError[] = [];
  const products: NewProduct[] = [];
  const seen = new Set<string>();
  const slugs = new Set<string>();
  records.forEach((record, i) => {
    const product = toProductRow(record, context);
    if (Array.isArray(product)) errors.push(...product.map((e) => ({ row: i + 1, ...e })));
    else if (seen.has(product.sku)) errors.push({ row: i + 1, field: 'sku', message: `${product.sku} appears twice` });
    else if (slugs.has(product.slug)) errors.push({ row: i + 1, field: 'slug', message: `${product.slug} appears twice` });
    else {
      seen.add(product.sku);
      slugs.add(product.slug);
      products.push(product);
    }
  });
  if (products.length) {
    const clashes = await db.selectFrom('products').select(['sku', 'slug']).where('slug', 'in', products.map((p) => p.slug)).execute();
    for (const clash of clashes) {
      const index = products.findIndex((p) => p.slug === clash.slug && p.sku !== clash.sku);
      if (index >= 0) errors.push({ row: records.findIndex((r) => String(r.sku).trim() === products[index]!.sku) + 1, field: 'slug', message: `${clash.slug} already belongs to ${clash.sku}` });
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
