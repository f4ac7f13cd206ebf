// Pieces asked about by name in the chat, away from their pages ("how much is the Luna Diamond Halo Ring?"), then
// with "it" in the next message, and by position in the last results ("the second one: how much?"): on every test
// database, every answer states what the catalog says (price, availability, metals, sizes), shows that piece's card,
// and opens no form. Runs through the real widget API, over every piece whose name is its own (no variants).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import type { ProductRow } from '../../db/schema';
import { contradictions, truthOf, unanswered, type Block, type Question } from './claims';

const BY_NAME: [Question, (name: string) => string][] = [
  ['price', (name) => `how much is the ${name}?`],
  ['ready', (name) => `is the ${name} ready to ship?`],
  ['metals', (name) => `what metals does the ${name} come in?`],
  ['sizes', (name) => `sizes for the ${name}?`],
];

describe.each(TEST_DIALECTS)('pieces named in the chat on %s', (dialect) => {
  let t: TestApp;
  let rows: ProductRow[];
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { WIDGET_RATE_LIMIT_PER_MINUTE: '1000000' } });
    rows = await t.db.kysely.selectFrom('products').selectAll().orderBy('id').execute();
  });
  afterAll(() => t.close());

  const chat = async () => {
    const { sessionId } = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: `visitor-named-${Math.random().toString(36).slice(2, 12)}` } })).json();
    return async (text: string) => {
      const response = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text } });
      expect(response.statusCode).toBe(200);
      return { blocks: response.json().replies as Block[], sessionId };
    };
  };
  const cardIds = (blocks: Block[]) => blocks.filter((b) => b.type === 'products').flatMap((b) => (b.items ?? []).map((item) => item.id));

  it('answers price, availability, metals and sizes of a piece by its name, and "it" in the next message, from the catalog', async () => {
    const rowsById = new Map(rows.map((row) => [row.id, row]));
    const own = rows.filter((row) => rows.filter((other) => other.name === row.name).length === 1);
    const problems: string[] = [];
    for (const product of own) {
      const say = await chat();
      for (const [question, ask] of BY_NAME) {
        const text = ask(product.name);
        const { blocks } = await say(text);
        const where = `${product.name} (#${product.id}) "${text}"`;
        for (const problem of contradictions(blocks, product, [], rowsById)) problems.push(`${where}: ${problem}`);
        const missing = unanswered(question, blocks, product, new Set([product.metal]));
        if (missing) problems.push(`${where}: unanswered: ${missing}`);
        // Its card when it can be bought now, else a link to its page.
        const shown = truthOf(product) === 'ready_to_ship' ? cardIds(blocks).includes(product.id) : blocks.some((b) => b.type === 'links' && JSON.stringify(b).includes(`/products/${product.slug}`));
        if (!shown) problems.push(`${where}: neither its card nor its page`);
        if (blocks.some((b) => b.type === 'form')) problems.push(`${where}: opens a form`);
      }
      // The next message says "it": the same piece.
      const { blocks } = await say('and how much is it?');
      const missing = unanswered('price', blocks, product, new Set([product.metal]));
      if (missing) problems.push(`${product.name} (#${product.id}) "and how much is it?" after naming it: ${missing}`);
    }
    expect(own.length).toBeGreaterThan(100);
    expect(problems.slice(0, 25), `${problems.length} problems`).toEqual([]);
  }, 180_000);

  it('answers "the second one: how much and what metal?" about the second piece of the last results', async () => {
    const say = await chat();
    const { blocks: list, sessionId } = await say('show me necklaces');
    const shown = cardIds(list);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const second = rows.find((row) => row.id === shown[1])!;
    const { blocks } = await say('the second one - how much and what metal?');
    const text = blocks.map((b) => b.text ?? '').join(' ');
    expect(text).toContain(second.name);
    expect(text).toContain(`$${(second.price_cents / 100).toLocaleString('en-US')}`);
    expect(cardIds(blocks)).toEqual([second.id]);
    // Nothing was saved on the way.
    const shortlist = (await t.app.inject({ url: `/api/widget/shortlist?visitorId=unused&sessionId=${sessionId}` })).statusCode;
    expect(shortlist).not.toBe(500);
  });

  it('keeps the customer\'s words in the transcript, and a name inside a search still searches', async () => {
    const luna = rows.find((row) => rows.filter((other) => other.name === row.name).length === 1 && row.category === 'ring')!;
    const say = await chat();
    const { sessionId } = await say(`How much is the ${luna.name.toUpperCase()}??`);
    const transcript = (await t.app.inject({ url: `/api/widget/sessions/${sessionId}` })).json().messages as { role: string; text?: string }[];
    expect(transcript.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual([`How much is the ${luna.name.toUpperCase()}??`]);
    const { blocks } = await say(`show me rings similar to the ${luna.name}`);
    const listed = cardIds(blocks);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).not.toContain(luna.id);
    for (const id of listed) expect(rows.find((row) => row.id === id)!.category).toBe('ring');
  });
});
