// Issue 11 item 6: on every seeded product page, on every test database, the concierge's answers to the
// usual product questions state nothing the database contradicts (price, availability, metals, sizes,
// listed pieces) and answer what was asked. Runs through the real widget API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { contradictions, QUESTIONS, unanswered, type Block, type Question } from './claims';

// An unrelated search first: "similar but cheaper" must start from the piece, not from it.
const OPENING = 'show me silver necklaces under $300';

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
