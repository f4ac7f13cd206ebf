// Conversation review (issue 11 items 6 and 7): scripted multi-turn conversations through the real widget
// API, each turn asserting the intent, the action (products shown or not, a form or not) and the facts stated,
// checked against the database rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import type { ProductRow } from '../../db/schema';
import { contradictions, money, truthOf, type Block } from './claims';

type Item = NonNullable<Block['items']>[number];

interface Expect {
  intent?: string | string[];
  /** Products listed (true), none (false); a function checks every listed item. */
  products?: boolean | ((item: Item, rows: Map<number, ProductRow>) => boolean);
  form?: string | false;
  /** Text that must appear (regexps on the joined text). */
  says?: RegExp[];
  never?: RegExp[];
}

interface Turn { text: string; expect: Expect }
interface Script { name: string; page?: (rows: ProductRow[]) => ProductRow; turns: Turn[] }

const textOf = (blocks: Block[]) => blocks.filter((block) => block.type === 'text').map((block) => block.text).join(' ');
const listed = (blocks: Block[]) => blocks.flatMap((block) => (block.type === 'products' ? (block.items ?? []) : []));
const first = (test: (row: ProductRow) => boolean) => (rows: ProductRow[]) => rows.find(test)!;
const sizesOf = (row: ProductRow) => JSON.parse(row.sizes) as number[];
const hasVariant = (metal: string) => (row: ProductRow, rows: ProductRow[]) => rows.some((other) => other.name === row.name && other.category === row.category && other.id !== row.id && other.metal === metal);

const SEARCH = 'product_search';
const inCategory = (category: string) => (item: Item) => item.category === category;
const priced = (min: number, max: number) => (item: Item) => item.price >= min && item.price <= max;
const both = (...checks: ((item: Item, rows: Map<number, ProductRow>) => boolean)[]) => (item: Item, rows: Map<number, ProductRow>) => checks.every((check) => check(item, rows));
const nameHas = (...words: string[]) => (item: Item) => words.some((word) => item.name.includes(word));
const sized = (size: number) => (item: Item, rows: Map<number, ProductRow>) => sizesOf(rows.get(Number(item.id))!).includes(size);

// Conversations on a product page: the page is picked from the seeded rows by a rule, so the facts are the database's.
function pageScripts(rows: ProductRow[]): Script[] {
  const madeToOrderRing = first((row) => row.category === 'ring' && !row.ready_to_ship);
  const soldOut = first((row) => row.ready_to_ship === 1 && row.stock === 0);
  const readyRing = first((row) => row.category === 'ring' && truthOf(row) === 'ready_to_ship' && sizesOf(row).includes(7));
  const ringWithout7 = first((row) => row.category === 'ring' && sizesOf(row).length > 0 && !sizesOf(row).includes(7));
  const withWhiteGoldVariant = first((row) => row.metal !== 'white_gold' && hasVariant('white_gold')(row, rows));
  const noWhiteGold = first((row) => row.category === 'ring' && row.metal === 'rose_gold' && !hasVariant('white_gold')(row, rows));
  const pendant = first((row) => row.category === 'pendant');
  const bracelet = first((row) => row.category === 'bracelet');
  const moissanite = first((row) => row.stone === 'moissanite');
  const diamond = first((row) => row.stone === 'diamond' && row.category === 'ring');
  const plain = first((row) => row.stone === null && row.metal === 'silver');
  const pricyNecklace = first((row) => row.category === 'necklace' && row.price_cents > 200_000);
  const earrings = first((row) => row.category === 'earrings' && row.price_cents > 30_000);
  const price = (row: ProductRow) => new RegExp(money(row.price_cents).replace('$', '\\$'));
  const pick = (rule: (rows: ProductRow[]) => ProductRow) => rule(rows);
  const scripts: Script[] = [
    { name: 'made-to-order ring: price is not "ready to ship"', page: madeToOrderRing, turns: [{ text: 'how much is it', expect: { products: false, form: false, says: [price(pick(madeToOrderRing)), /made to order: it ships in 3–4 weeks/], never: [/ready to ship/] } }] },
    { name: 'sold-out piece: price and availability', page: soldOut, turns: [
      { text: 'how much is this?', expect: { form: false, says: [price(pick(soldOut)), /sold out/] } },
      { text: 'is it in stock?', expect: { form: false, says: [/sold out/], never: [/is in stock/] } },
    ] },
    { name: 'ready ring: ready to ship and size 7', page: readyRing, turns: [
      { text: 'Is this ready to ship?', expect: { products: false, says: [/^Yes! The .* is in stock and ready to ship/] } },
      { text: 'does this come in size 7?', expect: { products: false, form: false, says: [/Yes, the .* comes in size 7/] } },
    ] },
    { name: 'ring without size 7 says no, and lists no necklaces', page: ringWithout7, turns: [{ text: 'does this come in size 7?', expect: { products: false, form: false, says: [/No, the .* doesn't come in size 7/] } }] },
    { name: 'white gold variant listed below is offered, not denied', page: withWhiteGoldVariant, turns: [{ text: 'Does this come in white gold?', expect: { products: (item) => item.metal === 'white_gold' && item.name === pick(withWhiteGoldVariant).name, says: [/^Yes! The .* also comes in white gold/], never: [/only made in/] } }] },
    { name: 'no white gold: says so, then similar white gold rings', page: noWhiteGold, turns: [{ text: 'do you have this in white gold?', expect: { products: both(inCategory('ring'), (item) => item.metal === 'white_gold'), says: [/isn't made in white gold: it comes in rose gold/] } }] },
    { name: 'what metals, then sizes', page: readyRing, turns: [
      { text: 'what metals does it come in?', expect: { form: false, says: [new RegExp(pick(readyRing).name)] } },
      { text: 'what sizes does it come in', expect: { products: false, says: [/comes in US sizes/] } },
    ] },
    { name: 'pendant has no ring sizes', page: pendant, turns: [
      { text: 'what sizes does it come in?', expect: { products: false, says: [/is a pendant, so it has no ring sizes/] } },
      { text: 'does it come in size 7', expect: { products: false, form: false, says: [/doesn't come in ring sizes/] } },
    ] },
    { name: 'similar but cheaper starts from the piece, not the old search', page: pricyNecklace, turns: [
      { text: 'show me rings in silver', expect: { intent: SEARCH, products: both(inCategory('ring'), (item) => item.metal === 'silver') } },
      { text: 'something similar but cheaper', expect: { products: both(inCategory('necklace'), (item) => item.price * 100 < pick(pricyNecklace).price_cents), form: false } },
      { text: 'cheaper', expect: { intent: SEARCH, products: inCategory('necklace') } },
    ] },
    { name: 'cheaper alternatives to earrings', page: earrings, turns: [{ text: 'anything like this but cheaper?', expect: { products: both(inCategory('earrings'), (item) => item.price * 100 < pick(earrings).price_cents) } }] },
    { name: 'moissanite vs diamond on a moissanite piece', page: moissanite, turns: [{ text: 'is this moissanite or diamond?', expect: { form: false, products: false, says: [/set with a moissanite, not a diamond/] } }] },
    { name: 'diamond ring: is it a real diamond', page: diamond, turns: [{ text: 'is the stone a real diamond or moissanite?', expect: { form: false, says: [/set with a diamond\./] } }] },
    { name: 'solid or plated', page: plain, turns: [{ text: 'is this solid or plated?', expect: { form: false, products: false, says: [/made in sterling silver: solid metal, never plated/, /never plated/] } }] },
    { name: 'care on a product page', page: plain, turns: [{ text: 'how do I care for this?', expect: { form: false, says: [/made in sterling silver/] } }] },
    { name: 'bracelet: asking for a ring size gets no sizes', page: bracelet, turns: [{ text: 'do you have it in size 6?', expect: { products: false, says: [/doesn't come in ring sizes/] } }] },
    { name: 'made-to-order: when would it ship', page: madeToOrderRing, turns: [{ text: 'when would this ship if I order it?', expect: { form: false, says: [/3–4 weeks/], never: [/is in stock/] } }] },
    { name: 'save this on a page still saves', page: readyRing, turns: [{ text: 'save this', expect: { intent: 'shortlist', form: false, says: [/shortlist/i] } }] },
    { name: 'a search for another category on a page is a search', page: readyRing, turns: [{ text: 'show me necklaces under $500', expect: { intent: SEARCH, products: both(inCategory('necklace'), priced(0, 500)) } }] },
    { name: 'price then similar', page: pendant, turns: [
      { text: 'what does this cost', expect: { products: false, says: [price(pick(pendant))] } },
      { text: 'show me something similar', expect: { products: both(inCategory('pendant'), (item) => item.id !== pick(pendant).id) } },
    ] },
  ];
  return scripts;
}

// Search conversations (item 7): price ranges, sizes, styles, what carries over, follow-up lines.
const SEARCH_SCRIPTS: Script[] = [
  { name: 'range with currency and separators', turns: [{ text: 'rings between $1,000 and $2,000', expect: { intent: SEARCH, products: both(inCategory('ring'), priced(1000, 2000)), says: [/between \$1,000 and \$2,000/] } }] },
  { name: 'range without $ and a metal after it', turns: [{ text: 'earrings between 200 and 400 in silver', expect: { intent: SEARCH, products: both(inCategory('earrings'), priced(200, 400), (item) => item.metal === 'silver') } }] },
  { name: 'dash range', turns: [{ text: 'necklaces 200-400', expect: { intent: SEARCH, products: both(inCategory('necklace'), priced(200, 400)) } }] },
  { name: 'k range', turns: [{ text: 'bracelets 1k-2k', expect: { intent: SEARCH, products: both(inCategory('bracelet'), priced(1000, 2000)) } }] },
  { name: 'under with a separator', turns: [{ text: 'pendants under 1,500', expect: { intent: SEARCH, products: both(inCategory('pendant'), priced(0, 1500)) } }] },
  { name: 'a ring size filters rings', turns: [{ text: 'rings in size 7', expect: { intent: SEARCH, products: both(inCategory('ring'), sized(7)), says: [/in size 7/] } }] },
  { name: 'a size alone means rings', turns: [{ text: 'anything in a size 5.5?', expect: { products: both(inCategory('ring'), sized(5.5)) } }] },
  { name: 'a ring size does not narrow bangles', turns: [{ text: 'bangles size 7', expect: { intent: SEARCH, products: both(inCategory('bracelet'), nameHas('Bangle')), never: [/size 7/] } }] },
  { name: 'a size does not carry to pendants', turns: [
    { text: 'rings in size 6', expect: { intent: SEARCH, products: both(inCategory('ring'), sized(6)) } },
    { text: 'what about pendants?', expect: { products: inCategory('pendant'), never: [/size 6/] } },
  ] },
  { name: 'mens wedding bands', turns: [{ text: 'mens wedding bands', expect: { intent: SEARCH, products: both(inCategory('ring'), nameHas('Eternity Band', 'Signet Ring'), (item) => item.stone === null), never: [/Cocktail/] } }] },
  { name: 'engagement rings', turns: [{ text: 'engagement rings', expect: { intent: SEARCH, products: nameHas('Solitaire Ring', 'Halo Ring', 'Three-Stone Ring') } }] },
  { name: 'stacking rings', turns: [{ text: 'stacking rings in gold', expect: { intent: SEARCH, products: both(nameHas('Stacking Ring'), (item) => item.metal.endsWith('gold')) } }] },
  { name: 'hoops', turns: [{ text: 'hoops please', expect: { intent: SEARCH, products: nameHas('Hoop', 'Huggie') } }] },
  { name: 'studs', turns: [{ text: 'studs in gold', expect: { intent: SEARCH, products: both(nameHas('Stud'), (item) => item.metal.endsWith('gold')) } }] },
  { name: 'a new category drops the style', turns: [
    { text: 'engagement rings', expect: { products: nameHas('Solitaire Ring', 'Halo Ring', 'Three-Stone Ring') } },
    { text: 'necklaces in platinum', expect: { products: both(inCategory('necklace'), (item) => item.metal === 'platinum') } },
  ] },
  { name: 'a new price replaces the price', turns: [
    { text: 'earrings under $300', expect: { products: both(inCategory('earrings'), priced(0, 300)) } },
    { text: 'show me some over $1,000', expect: { products: both(inCategory('earrings'), priced(1000, 1e9)) } },
  ] },
  { name: 'a bare new category keeps the metal', turns: [
    { text: 'rose gold rings', expect: { products: both(inCategory('ring'), (item) => item.metal === 'rose_gold') } },
    { text: 'and necklaces?', expect: { products: both(inCategory('necklace'), (item) => item.metal === 'rose_gold') } },
  ] },
  { name: 'a new category with its own details starts fresh', turns: [
    { text: 'silver earrings', expect: { products: both(inCategory('earrings'), (item) => item.metal === 'silver') } },
    { text: 'bracelets under 1,500', expect: { products: both(inCategory('bracelet'), priced(0, 1500)), never: [/sterling silver bracelets/] } },
  ] },
  { name: 'cheaper keeps the category', turns: [
    { text: 'show me pendants', expect: { products: inCategory('pendant') } },
    { text: 'cheaper', expect: { products: inCategory('pendant') } },
  ] },
  { name: 'start over', turns: [
    { text: 'silver rings under 300', expect: { products: both(inCategory('ring'), priced(0, 300)) } },
    { text: 'start over, show me necklaces', expect: { products: inCategory('necklace'), never: [/sterling silver/, /under \$300/] } },
  ] },
  { name: 'one result: no "second one"', turns: [{ text: 'silver necklaces between 1,000 and 2,000', expect: { products: true, never: [/second one/] } }] },
  { name: 'show more', turns: [
    { text: 'rings', expect: { products: inCategory('ring') } },
    { text: 'show more', expect: { products: inCategory('ring'), says: [/\(5-8 of \d+\)/] } },
  ] },
  { name: 'not rose gold clears it', turns: [
    { text: 'rose gold bracelets', expect: { products: (item) => item.metal === 'rose_gold' } },
    { text: 'actually not rose gold', expect: { products: inCategory('bracelet') } },
  ] },
  { name: 'hoops in a budget', turns: [{ text: 'gold hoops under 400', expect: { products: both(nameHas('Hoop', 'Huggie'), priced(0, 400), (item) => item.metal.endsWith('gold')) } }] },
  { name: 'signet rings for him', turns: [{ text: 'a signet ring for my husband', expect: { products: both(inCategory('ring'), nameHas('Signet')) } }] },
  { name: 'tennis bracelet', turns: [{ text: 'tennis bracelet', expect: { products: both(inCategory('bracelet'), nameHas('Tennis')) } }] },
  { name: 'locket', turns: [{ text: 'a locket in yellow gold', expect: { products: both(nameHas('Locket'), (item) => item.metal === 'yellow_gold') } }] },
  { name: 'wedding band in platinum', turns: [{ text: 'wedding band in platinum', expect: { products: (item) => item.metal === 'platinum' && item.name.includes('Eternity Band') } }] },
  { name: 'size then a new size', turns: [
    { text: 'rings size 6', expect: { products: sized(6) } },
    { text: 'what about size 8 rings', expect: { products: sized(8), says: [/size 8/] } },
  ] },
  { name: 'around a price', turns: [{ text: 'a necklace around $500', expect: { products: both(inCategory('necklace'), priced(400, 600)) } }] },
  { name: 'follow-up lines vary between searches', turns: [
    { text: 'rings', expect: { products: true } },
    { text: 'necklaces', expect: { products: true } },
    { text: 'earrings', expect: { products: true } },
  ] },
  { name: 'ruby rings under 2k', turns: [{ text: 'ruby rings under 2k', expect: { products: both(inCategory('ring'), priced(0, 2000), (item) => item.stone === 'ruby') } }] },
];

describe.each(TEST_DIALECTS)('conversation review: product pages and search on %s', (dialect) => {
  let t: TestApp;
  let rows: ProductRow[];
  let rowsById: Map<number, ProductRow>;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { WIDGET_RATE_LIMIT_PER_MINUTE: '1000000' } });
    rows = await t.db.kysely.selectFrom('products').selectAll().orderBy('id').execute();
    rowsById = new Map(rows.map((row) => [row.id, row]));
  });
  afterAll(() => t.close());

  async function run(script: Script): Promise<Block[][]> {
    const page = script.page?.(rows);
    const { sessionId } = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: page ? { productId: page.id } : {} })).json();
    const transcript: Block[][] = [];
    for (const turn of script.turns) {
      const response = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text: turn.text, ...(page && { productId: page.id }) } });
      expect(response.statusCode).toBe(200);
      const { intent, replies } = response.json() as { intent: string; replies: Block[] };
      const blocks = replies;
      transcript.push(blocks);
      const where = `${script.name}: "${turn.text}" → ${intent}: ${textOf(blocks)}`;
      const { expect: want } = turn;
      if (want.intent) expect([want.intent].flat(), where).toContain(intent);
      const items = listed(blocks);
      if (want.products === false) expect(items, where).toEqual([]);
      if (want.products) expect(items.length, where).toBeGreaterThan(0);
      if (typeof want.products === 'function') for (const item of items) expect(want.products(item, rowsById), `${where}\n  item: ${JSON.stringify(item)}`).toBe(true);
      const forms = blocks.filter((block) => block.type === 'form').map((block) => (block as unknown as { form: string }).form);
      if (want.form === false) expect(forms.filter((form) => form !== 'csat'), where).toEqual([]);
      if (typeof want.form === 'string') expect(forms, where).toContain(want.form);
      for (const pattern of want.says ?? []) expect(textOf(blocks), where).toMatch(pattern);
      for (const pattern of want.never ?? []) expect(textOf(blocks), where).not.toMatch(pattern);
      // Facts: listed pieces are the database's (and ready to ship); on a page, nothing contradicts the piece.
      const variants = page ? rows.filter((row) => row.name === page.name && row.category === page.category && row.id !== page.id) : [];
      if (page) expect(contradictions(blocks, page, variants, rowsById), where).toEqual([]);
      else for (const item of items) expect(truthOf(rowsById.get(Number(item.id))!), where).toBe('ready_to_ship');
    }
    return transcript;
  }

  it('has at least 50 conversations', () => {
    expect(pageScripts(rows).length + SEARCH_SCRIPTS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(SEARCH_SCRIPTS.map((script) => [script.name, script] as const))('search: %s', async (_name, script) => {
    const transcript = await run(script);
    if (script.name.startsWith('follow-up lines vary')) {
      const lines = transcript.map((blocks) => textOf(blocks).split(':').at(-1));
      expect(new Set(lines).size, lines.join(' | ')).toBeGreaterThan(1);
    }
  });

  it('runs every product-page conversation', async () => {
    for (const script of pageScripts(rows)) await run(script);
  });
});
