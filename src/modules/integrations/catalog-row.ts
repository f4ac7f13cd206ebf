// One record of a catalog import checked field by field into a product row. Every value is distrusted: an
// unknown currency blanks the pages that format it, an image URL is rendered on the shop's and the dashboard's pages.
import type { Category, Metal, NewProduct } from '../../db/schema';
import { CATEGORIES, METALS } from '../catalog/types';
import { isCurrencyCode } from '../catalog/currency';

export interface FieldError {
  field: string;
  message: string;
}

export interface RowContext {
  /** The shop's currency, for rows without one. */
  currency: string;
  /** Origins an absolute image URL may point to (the service's own and the shop's); any other host is refused. */
  imageOrigins: string[];
  now: string;
}

const FIELDS = ['sku', 'name', 'description', 'category', 'metal', 'stone', 'price', 'currency', 'stock', 'ready_to_ship', 'readyToShip', 'sizes', 'slug', 'image_url', 'imageUrl', 'featured'];
const METAL_ALIASES: Record<string, Metal> = { gold: 'yellow_gold', 'yellow gold': 'yellow_gold', 'white gold': 'white_gold', 'rose gold': 'rose_gold', 'sterling silver': 'silver' };
const CATEGORY_ALIASES: Record<string, Category> = { rings: 'ring', necklaces: 'necklace', pendants: 'pendant', earring: 'earrings', bracelets: 'bracelet' };
const TRUE_WORDS = ['1', 'true', 'yes', 'y'];
const FALSE_WORDS = ['0', 'false', 'no', 'n'];
const MAX_PRICE = 1_000_000;
const MAX_STOCK = 1_000_000;
// Control characters break pages and PostgreSQL (U+0000); line breaks and tabs are fine in a description.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f]/;

const slugify = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

class FieldProblem extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Validates one record into a product row, or lists what is wrong with each field. */
export function toProductRow(record: Record<string, unknown>, context: RowContext): NewProduct | FieldError[] {
  const errors: FieldError[] = Object.keys(record)
    .filter((key) => !FIELDS.includes(key))
    .map((field) => ({ field, message: `is not a catalog field (fields: ${FIELDS.filter((f) => !/[A-Z]/.test(f)).join(', ')})` }));
  const read = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      errors.push({ field: error.field, message: error.message });
      return undefined;
    }
  };
  const sku = read(() => matching(record, 'sku', /^[A-Za-z0-9_-]{2,40}$/, 'is required: 2-40 letters, digits, - or _'));
  const name = read(() => text(record, 'name', { required: true, max: 120, pattern: CONTROL_OR_BREAK }));
  const description = read(() => text(record, 'description', { required: false, max: 2000, pattern: CONTROL }));
  const category = read(() => oneOf(record, 'category', CATEGORIES, CATEGORY_ALIASES));
  const metal = read(() => oneOf(record, 'metal', METALS, METAL_ALIASES));
  const stone = read(() => readStone(record));
  const price = read(() => readPrice(record));
  const currency = read(() => readCurrency(record, context.currency));
  const stock = read(() => readStock(record));
  const readyToShip = read(() => flag(record, record.ready_to_ship === undefined && record.readyToShip !== undefined ? 'readyToShip' : 'ready_to_ship', true));
  const featured = read(() => flag(record, 'featured', false));
  const sizes = read(() => readSizes(record));
  const slug = read(() => readSlug(record, name, sku));
  const imageUrl = read(() => readImageUrl(record, context.imageOrigins));
  if (errors.length) return errors;
  return {
    sku: sku!,
    slug: slug!,
    name: name!,
    description: description || name!,
    category: category!,
    metal: metal!,
    stone: stone ?? null,
    price_cents: Math.round(price! * 100),
    currency: currency!,
    ready_to_ship: readyToShip ? 1 : 0,
    stock: stock!,
    image_url: imageUrl ?? `/images/products/${slug}.svg`,
    sizes: JSON.stringify(sizes),
    featured: featured ? 1 : 0,
    created_at: context.now,
  };
}

/** The field as trimmed text ('' when absent); an object or a list is refused. */
function raw(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') throw new FieldProblem(field, 'must be a single value, not a list or an object');
  return String(value).trim();
}

function text(record: Record<string, unknown>, field: string, rule: { required: boolean; max: number; pattern: RegExp }): string {
  const value = raw(record, field);
  if (rule.required && !value) throw new FieldProblem(field, 'is required');
  if ([...value].length > rule.max) throw new FieldProblem(field, `must be at most ${rule.max} characters`);
  if (rule.pattern.test(value)) throw new FieldProblem(field, 'must not contain control characters');
  return value;
}

function matching(record: Record<string, unknown>, field: string, pattern: RegExp, message: string): string {
  const value = raw(record, field);
  if (!pattern.test(value)) throw new FieldProblem(field, message);
  return value;
}

function oneOf<T extends string>(record: Record<string, unknown>, field: string, allowed: readonly T[], aliases: Record<string, T>): T {
  const value = raw(record, field).toLowerCase().replace(/_/g, ' ');
  const code = aliases[value] ?? value.replace(/ /g, '_');
  if (!(allowed as readonly string[]).includes(code)) throw new FieldProblem(field, `must be one of ${allowed.join(', ')}`);
  return code as T;
}

function readStone(record: Record<string, unknown>): string | null {
  const value = raw(record, 'stone').toLowerCase();
  if (value === '' || value === 'none') return null;
  if (!/^[a-z][a-z -]{1,39}$/.test(value)) throw new FieldProblem('stone', 'must be a stone name of 2-40 letters (e.g. diamond), or empty');
  return value;
}

function readPrice(record: Record<string, unknown>): number {
  const value = raw(record, 'price').replace(/[$,]/g, '');
  const price = /^\d+(\.\d{1,2})?$/.test(value) ? Number(value) : NaN;
  if (!(price > 0 && price <= MAX_PRICE)) throw new FieldProblem('price', `must be a positive amount in major units with at most 2 decimals, up to ${MAX_PRICE} (e.g. 1250.00)`);
  return price;
}

function readCurrency(record: Record<string, unknown>, fallback: string): string {
  const value = raw(record, 'currency').toUpperCase() || fallback;
  if (!isCurrencyCode(value)) throw new FieldProblem('currency', `must be an ISO 4217 code such as USD or EUR (got "${value.slice(0, 20)}")`);
  return value;
}

function readStock(record: Record<string, unknown>): number {
  const value = raw(record, 'stock');
  if (value === '') return 0;
  if (!/^\d{1,7}$/.test(value) || Number(value) > MAX_STOCK) throw new FieldProblem('stock', `must be a whole number from 0 to ${MAX_STOCK}`);
  return Number(value);
}

function flag(record: Record<string, unknown>, field: string, fallback: boolean): boolean {
  const value = raw(record, field).toLowerCase();
  if (value === '') return fallback;
  if (TRUE_WORDS.includes(value)) return true;
  if (FALSE_WORDS.includes(value)) return false;
  throw new FieldProblem(field, 'must be true or false (or yes/no, 1/0)');
}

function readSizes(record: Record<string, unknown>): number[] {
  const value = record.sizes;
  const words = Array.isArray(value) ? value.map((s) => String(s).trim()) : raw(record, 'sizes').split(/[;| ]+/).filter(Boolean);
  const sizes = words.map((word) => (/^\d{1,2}(\.\d{1,2})?$/.test(word) ? Number(word) : NaN));
  // Ring sizes go in quarter steps from 2 to 16.
  if (words.length > 60 || sizes.some((s) => !(s >= 2 && s <= 16) || !Number.isInteger(s * 4))) {
    throw new FieldProblem('sizes', 'must be ring sizes from 2 to 16 in quarter steps, separated by ; (e.g. 5;5.5;6)');
  }
  if (new Set(sizes).size !== sizes.length) throw new FieldProblem('sizes', 'must not list a size twice');
  return [...sizes].sort((a, b) => a - b);
}

function readSlug(record: Record<string, unknown>, name: string | undefined, sku: string | undefined): string | undefined {
  const given = raw(record, 'slug');
  if (!given) return name && sku ? slugify(`${name} ${sku}`) : undefined;
  if (given.length > 200 || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(given)) throw new FieldProblem('slug', 'may only hold lower-case letters and digits joined by single - (at most 200 characters)');
  return given;
}

/**
 * A path on this service (`/images/...`) or an http(s) URL on an allowed origin. Anything else is refused:
 * `javascript:` and `data:` URLs, and other hosts, whose pictures would track every visitor who sees them.
 */
function readImageUrl(record: Record<string, unknown>, origins: string[]): string | undefined {
  const field = record.image_url === undefined && record.imageUrl !== undefined ? 'imageUrl' : 'image_url';
  const value = raw(record, field);
  if (!value) return undefined;
  const problem = `must be a path on this service such as /images/ring.svg, or an http(s) URL on ${origins.join(' or ')}`;
  if (value.length > 500 || /[\s\\\u0000-\u001f\u007f]/.test(value)) throw new FieldProblem(field, problem);
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FieldProblem(field, problem);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !origins.includes(url.origin) || url.username || url.password) throw new FieldProblem(field, problem);
  return url.href;
}
