// Issue 11 item 6: on every seeded product page, on every test database, the concierge's answers to the
// usual product questions state nothing the database contradicts (price, availability, metals, sizes,
// listed pieces) and answer what was asked. Runs through the real widget API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import type { ProductRow } from '../../db/schema';
import { claimsOf, contradictions, money, type Block } from './claims';

// An unrelated search first: "similar but cheaper" must start from the piece, not from it.
const OPENING = 'show me silver necklaces under $300';
const QUESTIONS = {
  price: 'how much is it?',
  ready: 'Is this ready to ship?',
  metals: 'what metals does it come in?',
  whiteGold: 'Does this come in white gold?',
  sizes: 'what sizes does it come in?',
  size7: 'does this come in size 7?',
  cheaper: 'something similar but cheaper',
} as const;
type Question = keyof typeof QUESTIONS;

/** What a reply must contain to answer the question at all (a generic FAQ text does not). */
function unanswered(question: Question, blocks: Block[], product: ProductRow, designMetals: Set<string>): string | undefined {
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

describe.each(TEST_DIALECTS)('the truth on every product page on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { WIDGET_RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  afterAll(() => t.close());

  it('answers price, availability, metals, sizes and cheaper alternatives from the catalog, contradicting it nowhere', async () => {
    const rows = await t.db.kysely.selectFrom('products').selectAll().orderBy('id').execute();
    const rowsById = new Map(rows.map((row) => [row.id, row]));
    const problems: string[] = [];
    let turns = 0;
    const started = performance.now();
    for (const product of rows) {
      const variants = rows.filter((row) => row.name === product.name && row.category === product.category && row.id !== product.id);
      const designMetals = new Set<string>([product.metal, ...variants.map((variant) => variant.metal)]);
      const session = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { productId: product.id } });
      const { sessionId } = session.json();
      const send = async (text: string) => {
        turns++;
        const response = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text, productId: product.id } });
        expect(response.statusCode).toBe(200);
        return response.json().replies as Block[];
      };
      await send(OPENING);
      for (const [question, text] of Object.entries(QUESTIONS) as [Question, string][]) {
        const blocks = await send(text);
        const where = `${product.name} (#${product.id}, ${product.category}, ${product.metal}) "${text}"`;
        for (const problem of contradictions(blocks, product, variants, rowsById)) problems.push(`${where}: ${problem}`);
        const missing = unanswered(question, blocks, product, designMetals);
        if (missing) problems.push(`${where}: unanswered: ${missing}`);
      }
    }
    const ms = performance.now() - started;
    console.info(`${dialect}: ${rows.length} products, ${turns} turns in ${Math.round(ms)} ms (${(ms / turns).toFixed(2)} ms a turn), ${problems.length} problems`);
    expect(rows.length).toBe(240);
    expect(problems.slice(0, 25), `${problems.length} problems`).toEqual([]);
  }, 180_000);
});
