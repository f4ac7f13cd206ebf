// Test helper: reads what a concierge reply claims about the piece on the page (price, availability,
// metals, sizes) and the products it lists, and checks every claim against the database rows.
import type { ProductRow } from '../../db/schema';

export type Truth = 'ready_to_ship' | 'made_to_order' | 'sold_out';

export interface Block {
  type: string;
  text?: string;
  items?: { id: number; name: string; price: number; metal: string; category: string; stone: string | null }[];
}

export const truthOf = (row: Pick<ProductRow, 'ready_to_ship' | 'stock'>): Truth => (!row.ready_to_ship ? 'made_to_order' : row.stock > 0 ? 'ready_to_ship' : 'sold_out');

const METAL_WORDS: [string, string][] = [['yellow gold', 'yellow_gold'], ['white gold', 'white_gold'], ['rose gold', 'rose_gold'], ['platinum', 'platinum'], ['sterling silver', 'silver']];
const STATE_WORDS: Record<string, Truth> = { 'ready to ship': 'ready_to_ship', 'made to order': 'made_to_order', 'sold out': 'sold_out' };
const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
const NEGATION = /n't\b|\bnot\b|\bno\b|\bnever\b|\bhas no\b/i;

export interface Claims {
  availability: Truth[];
  prices: number[];
  metals: string[];
  notMetals: string[];
  sizes: number[];
  notSizes: number[];
  /** "…has no ring sizes", "doesn't come in ring sizes". */
  noSizes: boolean;
  variantTuples: { metal: string; price: number; state: Truth }[];
  listings: Block['items'][];
  /** A listing introduced by "Here are…" (exact matches), not "the closest matches". */
  exactListings: Block['items'][];
}

function metalsIn(text: string): string[] {
  return METAL_WORDS.filter(([word]) => text.includes(word)).map(([, code]) => code);
}

/** Everything the reply states about `product` (sentences naming it or starting "It", "Yes", "No", "This"). */
export function claimsOf(blocks: Block[], productName: string): Claims {
  const claims: Claims = { availability: [], prices: [], metals: [], notMetals: [], sizes: [], notSizes: [], noSizes: false, variantTuples: [], listings: [], exactListings: [] };
  blocks.forEach((block, i) => {
    if (block.type === 'products') {
      claims.listings.push(block.items);
      const intro = blocks[i - 1]?.text ?? '';
      if (/\bHere (?:is|are)\b/.test(intro)) claims.exactListings.push(block.items);
      return;
    }
    if (block.type !== 'text' || !block.text) return;
    for (const raw of block.text.split(/(?<=[.!?])\s+|;\s+/)) {
      // "white gold ($1,650, ready to ship)": a variant's metal, price and state.
      const sentence = raw.replace(/\b(yellow gold|white gold|rose gold|platinum|sterling silver) \((\$[\d,.]+), (ready to ship|made to order|sold out)\)/g, (_, metal: string, price: string, state: string) => {
        claims.variantTuples.push({ metal: metalsIn(metal)[0]!, price: Number(price.replace(/[$,]/g, '')), state: STATE_WORDS[state]! });
        return metal;
      });
      const lower = sentence.toLowerCase();
      const aboutIt = sentence.includes(productName) || /^(?:It|Yes|No|Not|This)\b/.test(sentence);
      if (!aboutIt || /^(?:Here|These|I couldn't)\b/.test(sentence)) continue;
      const negative = NEGATION.test(sentence);
      if (/\bmade to order\b/.test(lower)) claims.availability.push('made_to_order');
      else if (/\bsold out\b|\bout of stock\b/.test(lower)) claims.availability.push('sold_out');
      else if (/\bready to ship\b|\bin stock\b/.test(lower)) claims.availability.push(negative ? 'made_to_order' : 'ready_to_ship');
      for (const amount of sentence.match(/\$[\d,]+(?:\.\d\d)?/g) ?? []) claims.prices.push(Math.round(Number(amount.replace(/[$,]/g, '')) * 100));
      const notMetal = /(?:isn't|is not|not) (?:made |available )?in (yellow gold|white gold|rose gold|platinum|sterling silver)/.exec(lower);
      const named = metalsIn(lower);
      if (notMetal) claims.notMetals.push(metalsIn(notMetal[1]!)[0]!);
      claims.metals.push(...named.filter((metal) => !claims.notMetals.includes(metal) || !notMetal));
      // "sizes 4, 4.5 and 10", "size 7": the numbers right after the word only ("ships in 3–4 weeks" is no size).
      const sizePart = /\bsizes?\b((?:\s?(?:,|and|or)?\s?\d{1,2}(?:\.\d+)?\b(?![.,]?\d))*)/.exec(sentence)?.[1];
      if (sizePart !== undefined) {
        const numbers = (sizePart.match(/\d{1,2}(?:\.\d+)?/g) ?? []).map(Number);
        if (/no ring sizes|has no (?:standard )?sizes|doesn't come in ring sizes/.test(lower)) claims.noSizes = true;
        if (negative) claims.notSizes.push(...numbers);
        else claims.sizes.push(...numbers);
      }
    }
  });
  return claims;
}

/** Every claim of the reply that the database contradicts, as readable lines. */
export function contradictions(blocks: Block[], product: ProductRow, variants: ProductRow[], rowsById: Map<number, ProductRow>): string[] {
  const found: string[] = [];
  const claims = claimsOf(blocks, product.name);
  const truth = truthOf(product);
  const sizes = JSON.parse(product.sizes) as number[];
  const designMetals = new Set<string>([product.metal, ...variants.map((variant) => variant.metal)]);
  for (const state of claims.availability) if (state !== truth) found.push(`says ${state}, the database says ${truth}`);
  const knownPrices = new Set([product.price_cents, ...variants.map((variant) => variant.price_cents)]);
  for (const cents of claims.prices) if (!knownPrices.has(cents)) found.push(`states ${money(cents)}, the piece is ${money(product.price_cents)}`);
  for (const metal of claims.metals) if (!designMetals.has(metal)) found.push(`says it comes in ${metal}; the design comes in ${[...designMetals].join(', ')}`);
  for (const metal of claims.notMetals) if (designMetals.has(metal)) found.push(`says it is not made in ${metal}, but the design comes in ${metal}`);
  for (const size of claims.sizes) if (!sizes.includes(size)) found.push(`says size ${size}; the sizes are [${sizes.join(', ')}]`);
  for (const size of claims.notSizes) if (sizes.includes(size)) found.push(`says not in size ${size}, but it is offered`);
  if (claims.noSizes && sizes.length > 0) found.push('says it has no ring sizes, but it has');
  for (const tuple of claims.variantTuples) {
    const match = [product, ...variants].some((row) => row.metal === tuple.metal && row.price_cents === Math.round(tuple.price * 100) && truthOf(row) === tuple.state);
    if (!match) found.push(`says the ${tuple.metal} version is $${tuple.price}, ${tuple.state}: no such variant`);
  }
  const variantIds = new Set(variants.map((variant) => variant.id));
  for (const items of claims.listings) {
    for (const item of items ?? []) {
      const row = rowsById.get(Number(item.id));
      if (!row) { found.push(`lists unknown product ${item.id}`); continue; }
      if (row.name !== item.name || row.price_cents !== Math.round(item.price * 100) || row.metal !== item.metal || row.category !== item.category || row.stone !== item.stone) {
        found.push(`lists ${item.name} as ${item.metal} ${money(Math.round(item.price * 100))}; the database has ${row.metal} ${money(row.price_cents)}`);
      }
      // Listings are ready to ship, except the design's own variants (their state is said beside them).
      if (!variantIds.has(row.id) && truthOf(row) !== 'ready_to_ship') found.push(`lists ${row.name} (${row.id}) as ready to ship; it is ${truthOf(row)}`);
    }
  }
  return found;
}

/** The usual questions about one piece, as asked on its page. */
export const QUESTIONS = {
  price: 'how much is it?',
  ready: 'Is this ready to ship?',
  metals: 'what metals does it come in?',
  whiteGold: 'Does this come in white gold?',
  sizes: 'what sizes does it come in?',
  size7: 'does this come in size 7?',
  cheaper: 'something similar but cheaper',
} as const;
export type Question = keyof typeof QUESTIONS;

/** What a reply must contain to answer the question at all (a generic FAQ text does not). */
export function unanswered(question: Question, blocks: Block[], product: ProductRow, designMetals: Set<string>): string | undefined {
  const claims = claimsOf(blocks, product.name);
  const sizes = JSON.parse(product.sizes) as number[];
  const ring = product.category === 'ring';
  switch (question) {
    case 'price':
      return claims.prices.includes(product.price_cents) ? undefined : `no price ${money(product.price_cents)}`;
    case 'ready':
      return claims.availability.length > 0 ? undefined : 'no availability stated';
    case 'metals': {
      const said = new Set(claims.metals);
      return [...designMetals].every((metal) => said.has(metal)) && said.size === designMetals.size ? undefined : `metals said [${[...said]}], the design has [${[...designMetals]}]`;
    }
    case 'whiteGold':
      return claims.metals.includes('white_gold') || claims.notMetals.includes('white_gold') ? undefined : 'nothing said about white gold';
    case 'sizes':
      if (ring && sizes.length > 0) return sizes.every((size) => claims.sizes.includes(size)) ? undefined : `sizes said [${claims.sizes}], offered [${sizes}]`;
      return claims.noSizes ? undefined : 'does not say it has no ring sizes';
    case 'size7': {
      if (claims.listings.length > 0) return 'lists products for a size question';
      if (!ring || sizes.length === 0) return claims.noSizes || claims.notSizes.includes(7) ? undefined : 'no answer about size 7';
      return (sizes.includes(7) ? claims.sizes : claims.notSizes).includes(7) ? undefined : 'no yes/no about size 7';
    }
    case 'cheaper': {
      if (claims.listings.length === 0 && !blocks.some((block) => block.text?.startsWith("I couldn't find"))) return 'neither pieces nor an honest no-match';
      for (const items of claims.exactListings)
        for (const item of items ?? []) {
          if (item.category !== product.category || Math.round(item.price * 100) >= product.price_cents || item.id === product.id) return `lists ${item.name} (${item.category}, $${item.price}) as a cheaper ${product.category}`;
        }
      return undefined;
    }
  }
}

export { money };
