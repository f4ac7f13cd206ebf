// Conversations played end to end: multi-turn search, product pages, orders, returns, stylists, W8 policies.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import type { Action, ConversationState, EngineContext, ProductSummary, ReplyBlock } from '../types';

const engine = createEngine();

const product = (id: string, price: number): ProductSummary => ({ id, name: `Piece ${id}`, price, category: 'ring', metal: 'rose_gold' });

/** Plays a conversation the way the server does: decide, then run searches and remember what was shown. */
function converse(messages: string[], context: EngineContext = {}) {
  let state: ConversationState = engine.initialState();
  const turns: Action[][] = [];
  for (const message of messages) {
    const decision = engine.decide(state, engine.understand(message, context), context);
    state = decision.state;
    for (const action of decision.actions) {
      if (action.type !== 'search_products') continue;
      const items = [product('a', 150), product('b', 250), product('c', 350)];
      state = engine.presentSearch(state, action, { items, total: 10 }).state;
    }
    turns.push(decision.actions);
    // The state must survive the server's JSON round trip.
    state = JSON.parse(JSON.stringify(state)) as ConversationState;
  }
  return { state, turns, last: turns.at(-1)! };
}

const searchOf = (actions: Action[]) => actions.find((action) => action.type === 'search_products');
const blocksOf = (actions: Action[]): ReplyBlock[] => actions.flatMap((action) => (action.type === 'reply' ? action.blocks : []));
const textOf = (actions: Action[]) => blocksOf(actions).flatMap((block) => (block.type === 'text' ? [block.text] : [])).join(' ');
const formOf = (actions: Action[]) => blocksOf(actions).find((block) => block.type === 'form');

describe('multi-turn product search', () => {
  it('refines one search: rings → rose gold → cheaper → show more', () => {
    const { turns } = converse(['show me rings', 'in rose gold', 'cheaper', 'show more']);
    expect(searchOf(turns[0]!)).toMatchObject({ filters: { category: 'ring' }, offset: 0 });
    expect(searchOf(turns[1]!)).toMatchObject({ filters: { category: 'ring', metal: 'rose_gold' }, offset: 0 });
    expect(searchOf(turns[2]!)).toMatchObject({ filters: { category: 'ring', metal: 'rose_gold', priceMax: 149.99 }, offset: 0 });
    expect(searchOf(turns[3]!)).toMatchObject({ filters: { category: 'ring', metal: 'rose_gold', priceMax: 149.99 }, offset: 4 });
  });

  it('switches category and keeps the metal', () => {
    const { last } = converse(['white gold rings', 'what about necklaces']);
    expect(searchOf(last)).toMatchObject({ filters: { category: 'necklace', metal: 'white_gold' } });
  });

  it('a new budget replaces the old one', () => {
    const { last } = converse(['rings over 2000', 'under 500']);
    expect(searchOf(last)!).toMatchObject({ filters: { category: 'ring', priceMax: 500 } });
    expect((searchOf(last) as { filters: object }).filters).not.toHaveProperty('priceMin');
  });

  it('a metal or stone the customer rules out clears that filter instead of searching for it', () => {
    const { turns } = converse(['rose gold rings with diamonds', "i don't want rose gold", 'no diamonds please']);
    expect((searchOf(turns[1]!) as { filters: object }).filters).toEqual({ category: 'ring', stone: 'diamond' });
    expect((searchOf(turns[2]!) as { filters: object }).filters).toEqual({ category: 'ring' });
  });

  it('"the cheapest" with nothing shown yet sorts by price, lowest first', () => {
    expect(searchOf(converse(["what's the cheapest ring you have"]).last)).toMatchObject({ filters: { category: 'ring', sort: 'price_asc' } });
  });

  it('keeps the ring size the customer asks for', () => {
    expect(searchOf(converse(['white gold rings', 'anything in a size 7?']).last)).toMatchObject({ filters: { category: 'ring', metal: 'white_gold', ringSize: 7 } });
  });

  it('"save the second one" saves the second result shown', () => {
    const { last } = converse(['show me rings', 'save the second one']);
    expect(last).toContainEqual({ type: 'shortlist_add', productId: 'b' });
  });

  it('asks which one when there is nothing to point at', () => {
    const { last } = converse(['save the second one']);
    expect(last.some((action) => action.type.startsWith('shortlist_'))).toBe(false);
    expect(textOf(last)).toMatch(/which/i);
  });

  it('lists and removes from the shortlist', () => {
    expect(converse(['show my shortlist']).last).toContainEqual({ type: 'shortlist_list' });
    expect(converse(['show me rings', 'remove the first one from my shortlist']).last).toContainEqual({ type: 'shortlist_remove', productId: 'a' });
  });
});

describe('on a product page', () => {
  const context: EngineContext = {
    productId: 'p9',
    product: { id: 'p9', name: 'Luna Halo Ring', category: 'ring', metal: 'rose_gold', price: 900, availableMetals: ['rose_gold', 'white_gold'] },
  };

  it('"does this come in white gold?" is answered about that product', () => {
    const { last } = converse(['does this come in white gold?'], context);
    expect(textOf(last)).toMatch(/Luna Halo Ring comes in white gold/);
    expect(searchOf(last)).toBeUndefined();
  });

  it('offers similar pieces when the metal is not available', () => {
    const { last } = converse(['does this come in platinum?'], context);
    expect(textOf(last)).toMatch(/isn't made in platinum: it comes in rose gold and white gold only/);
    expect(searchOf(last)).toMatchObject({ filters: { category: 'ring', metal: 'platinum', similarTo: 'p9' } });
  });

  it('"save this" saves the product on the page', () => {
    expect(converse(['save this'], context).last).toContainEqual({ type: 'shortlist_add', productId: 'p9' });
  });
});

describe('order tracking', () => {
  it('asks for the number and email with the form, then looks up once both are given', () => {
    const { turns, state } = converse(['track my order', 'GG-104233 jane@x.com']);
    expect(formOf(turns[0]!)).toEqual({ type: 'form', form: 'order_lookup', prefill: {} });
    expect(turns[1]).toContainEqual({ type: 'lookup_order', orderNumber: 'GG-104233', email: 'jane@x.com' });
    expect(state.pendingForm).toBeUndefined();
  });

  it('fills the slots across turns', () => {
    const { turns } = converse(["where's my stuff", 'it is order 104233', 'jane@example.com']);
    expect(formOf(turns[1]!)).toMatchObject({ prefill: { orderNumber: 'GG-104233' } });
    expect(turns[2]).toContainEqual({ type: 'lookup_order', orderNumber: 'GG-104233', email: 'jane@example.com' });
  });

  it('says the same thing for a wrong email and an unknown order', () => {
    const { state } = converse(['track my order']);
    const notFound = engine.presentOrder(state, null);
    expect(notFound.blocks).toEqual(engine.replies.orderNotFound());
    expect(textOf([{ type: 'reply', blocks: notFound.blocks }])).not.toMatch(/exist|email doesn't match|wrong email/i);
  });
});

describe('returns, resizing and stylists', () => {
  it('shows the return form with the 14-day rule', () => {
    const { last } = converse(['i want to return my order GG-104233']);
    expect(formOf(last)).toEqual({ type: 'form', form: 'return', prefill: { kind: 'return', orderNumber: 'GG-104233' } });
    expect(textOf(last)).toMatch(/14 days for a full refund/);
  });

  it('the "Return or resize" quick link lets the form ask which', () => {
    const { last } = converse(['Return or resize']);
    expect(formOf(last)).toEqual({ type: 'form', form: 'return', prefill: {} });
    expect(textOf(last)).toMatch(/return or a resize/);
  });

  it('prefills the new size for a resize', () => {
    expect(formOf(converse(['can you resize my ring to a 7.5']).last)).toMatchObject({ form: 'return', prefill: { kind: 'resize', newSize: 7.5 } });
  });

  it('sends a complex resize to a stylist instead of the form', () => {
    const { last } = converse(['i need my eternity band resized from a 5 to a 9']);
    expect(last).toContainEqual({ type: 'offer_stylist', reasons: ['complex_resizing'], management: false });
    expect(formOf(last)).toMatchObject({ form: 'stylist' });
  });

  it('opens the stylist form on request', () => {
    expect(formOf(converse(['talk to a stylist']).last)).toMatchObject({ form: 'stylist' });
  });

  it('alerts management on a legal threat, with an urgent stylist form', () => {
    const { last } = converse(['you double charged me and my lawyer will hear about it']);
    expect(last[0]).toMatchObject({ type: 'offer_stylist', management: true });
    expect(formOf(last)).toMatchObject({ form: 'stylist', prefill: { urgent: true } });
  });

  it('offers a stylist beside the answer when a trigger shows up', () => {
    const { last } = converse(['can i pay in installments']);
    expect(last).toContainEqual({ type: 'offer_stylist', reasons: ['payment_plan'], management: false });
  });
});

describe('recommendation-only scope (W8)', () => {
  it('customization points to /customizer and a stylist', () => {
    const { last } = converse(['can i get this ring in platinum with a bigger stone']);
    expect(JSON.stringify(last)).toContain('/customizer');
    expect(last).toContainEqual(expect.objectContaining({ type: 'offer_stylist' }));
  });

  it('engraving is made to order', () => {
    expect(textOf(converse(['can you engrave our names inside the band']).last)).toMatch(/Engravings are made to order/);
  });

  it('holds: explains the 30-minute cart, the 30-day shortlist and purchase', () => {
    const text = textOf(converse(['can u hold this till friday']).last);
    expect(text).toMatch(/30 minutes/);
    expect(text).toMatch(/30 days/);
    expect(text).toMatch(/purchase/);
  });

  it.each([
    ['when will my refund come through', /refunds are approved by our support team/],
    ['i need to change the shipping address on my order', /can't change or cancel an order/],
    ['change my password', /can't see or change account details/],
    ['can i send you a photo of a ring i like', /can't receive photos/],
  ])('%s: says plainly what it cannot do and who can', (message, wording) => {
    const { last } = converse([message]);
    expect(textOf(last)).toMatch(wording);
    expect(JSON.stringify(last)).toContain('/contact');
  });
});

describe('answers to the concierge\'s own questions', () => {
  it('"yes" to a stylist offer opens the stylist form with the reason', () => {
    const { turns } = converse(['can i pay in installments', 'yes please']);
    expect(formOf(turns[1]!)).toEqual({ type: 'form', form: 'stylist', prefill: { topic: 'payment_plan' } });
  });

  it('"no" to a stylist offer moves on without a form', () => {
    const { last } = converse(['can i pay in installments', 'no thanks']);
    expect(formOf(last)).toBeUndefined();
    expect(textOf(last)).toMatch(/No problem/);
  });

  it('"no" when asked for the order number says where to find it', () => {
    expect(textOf(converse(['track my order', 'no']).last)).toMatch(/confirmation email/);
  });

  it('"ok thanks" is thanks, not a yes', () => {
    expect(engine.understand('ok thanks').cues.answer).toBeUndefined();
  });

  it('a bare "yes" with nothing asked shows what the concierge can do', () => {
    expect(JSON.stringify(converse(['yes']).last)).toContain('Track my order');
  });

  it('"how much is this?" on a product page gives its price', () => {
    const context: EngineContext = { productId: 7, product: { id: 7, name: 'Vesper Hoop Earrings', category: 'earrings', metal: 'yellow_gold', price: 240 } };
    expect(textOf(converse(['how much is this?'], context).last)).toMatch(/Vesper Hoop Earrings is \$240/);
  });
});

describe('small talk, FAQ and fallback', () => {
  it('answers an FAQ from the knowledge base', () => {
    const { last } = converse(['how long does shipping take?']);
    expect(last).toContainEqual({ type: 'answer_faq', articleId: 'shipping' });
  });

  it('gives a helpful fallback, never an action, when out of scope', () => {
    const { last } = converse(["what's the weather tomorrow"]);
    expect(last.every((action) => action.type === 'reply')).toBe(true);
    expect(JSON.stringify(last)).toContain('Talk to a stylist');
  });

  it('asks for a rating once, on goodbye', () => {
    const { turns } = converse(['bye', 'bye']);
    expect(formOf(turns[0]!)).toMatchObject({ form: 'csat' });
    expect(formOf(turns[1]!)).toBeUndefined();
  });

  it('answers "what can you do?" with what the concierge does', () => {
    expect(textOf(converse(['what can you help me with']).last)).toMatch(/find ready-to-ship jewelry, track an order/);
  });

  it('greets with the four quick links', () => {
    const labels = engine.welcome().flatMap((block) => (block.type === 'quick_replies' ? block.options.map((option) => option.label) : []));
    expect(labels).toEqual(['Track my order', 'Find jewelry', 'Return or resize', 'Talk to a stylist']);
  });
});

describe('questions about the return and resize policy (a blind walk-through got a form for them)', () => {
  const kb = (id: string) => (actions: Action[]) => actions.some((action) => action.type === 'answer_faq' && action.articleId === id);
  it.each(['is resizing free?', 'how much does resizing cost', 'can rings be resized?', 'And what of resizing a ring, should it not fit?'])('"%s" gets the resizing policy, and a way to start one, not a form', (message) => {
    const { last } = converse([message]);
    expect(kb('resizing')(last)).toBe(true);
    expect(textOf(last)).toContain('We resize most rings free within 60 days of delivery');
    expect(formOf(last)).toBeUndefined();
    expect(blocksOf(last).some((block) => block.type === 'quick_replies')).toBe(true);
  });
  it.each(['is it too late to return?', 'how long do I have to return something?'])('"%s" gets the returns policy, not a form', (message) => {
    const { last } = converse([message]);
    expect(kb('returns-policy')(last)).toBe(true);
    expect(formOf(last)).toBeUndefined();
  });
  it.each(['can I return my earrings?', 'I want to return my order GG-104234', 'resize my ring to a 7', 'my ring is too big, can you resize it?'])('"%s" (their own piece) opens the form', (message) => {
    expect(formOf(converse([message]).last)).toMatchObject({ form: 'return' });
  });
});

describe('the order number or email typed into the chat after the return form (a blind walk-through lost the return)', () => {
  it.each([
    ['I want to return my order GG-104234', 'ava.martinez@example.com', 'return'],
    ['I want to return my order GG-104234', 'my email is ava.martinez@example.com', 'return'],
    ['resize my ring to a 7', 'GG-104234 ava.martinez@example.com', 'resize'],
  ])('"%s", then "%s": the same form again, filled in, and no order lookup', (first, second, kind) => {
    const { last } = converse([first, second]);
    expect(last.some((action) => action.type === 'lookup_order')).toBe(false);
    expect(formOf(last)).toMatchObject({ form: 'return', prefill: { kind, orderNumber: 'GG-104234', email: 'ava.martinez@example.com' } });
    expect(textOf(last)).toContain(`added that to the ${kind} form`);
  });
  it('a real tracking question after the return form still tracks', () => {
    const { last } = converse(['I want to return my order GG-104234', 'where is my order GG-104236? ava.martinez@example.com']);
    expect(last.find((action) => action.type === 'lookup_order')).toMatchObject({ orderNumber: 'GG-104236', email: 'ava.martinez@example.com' });
  });
});

describe('"when will it arrive?" right after an order was found (a blind walk-through got the shipping policy)', () => {
  it('looks that order up again: its status card carries the estimated delivery', () => {
    const { last } = converse(['where is my order GG-104233? ava.martinez@example.com', 'when will it arrive?']);
    expect(last.find((action) => action.type === 'lookup_order')).toMatchObject({ orderNumber: 'GG-104233', email: 'ava.martinez@example.com' });
  });
  it('before buying, "will it arrive by Christmas if I order today?" is still about shipping times', () => {
    const { last } = converse(['where is my order GG-104233? ava.martinez@example.com', 'will it arrive by christmas if I order today?']);
    expect(last.some((action) => action.type === 'lookup_order')).toBe(false);
    expect(last.some((action) => action.type === 'answer_faq')).toBe(true);
  });
});

describe('"the cheapest" is the lowest price there is (a blind walk-through got "none under $225" beside the $225 ring)', () => {
  it('after a list, "cheapest diamond ring" sorts every diamond ring by price, with no ceiling below what was shown', () => {
    const { last } = converse(['show me diamond rings', 'cheapest diamond ring']);
    expect(searchOf(last)).toMatchObject({ filters: { category: 'ring', stone: 'diamond', sort: 'price_asc' }, offset: 0 });
    expect((searchOf(last) as { filters: { priceMax?: number } }).filters.priceMax).toBeUndefined();
  });
  it('"cheaper" still means below the pieces shown', () => {
    const { last } = converse(['show me diamond rings', 'cheaper']);
    expect(searchOf(last)).toMatchObject({ filters: { priceMax: 149.99, sort: 'price_desc' } });
  });
});

describe('prices of pieces and of shipping', () => {
  it('"how much is the cheapest ring?" lists rings, cheapest first', () => {
    expect(searchOf(converse(['how much is the cheapest ring?']).last)).toMatchObject({ filters: { category: 'ring', sort: 'price_asc' } });
  });
  it.each(['how much is shipping', 'how much does shipping cost?', 'what does delivery cost'])('"%s" gets the shipping article (its costs), not the price list', (message) => {
    const { last } = converse([message]);
    expect(last.find((action) => action.type === 'answer_faq')).toMatchObject({ articleId: 'shipping' });
    expect(textOf(last)).toContain('($15 below that)');
  });
});

describe('an order check and pieces asked for in one message (a blind walk-through got only "I can show you some pieces next")', () => {
  it('looks the order up and shows the pieces in the same answer', () => {
    const { last } = converse(['can you check on GG-104236 for ava.martinez@example.com and also show me some gold bracelets']);
    expect(last.find((action) => action.type === 'lookup_order')).toMatchObject({ orderNumber: 'GG-104236' });
    expect(searchOf(last)).toMatchObject({ filters: { category: 'bracelet', metal: 'gold' } });
    expect(textOf(last)).not.toContain('show you some pieces next');
  });
});

describe('between two ring sizes (a blind walk-through got "outside what I can help with")', () => {
  it.each(["i'm between a 6 and a 6.5, which should i get?", 'between size 7 and 8 what do i pick'])('"%s" gets the sizing advice', (message) => {
    const { last } = converse([message]);
    expect(last.find((action) => action.type === 'answer_faq')).toMatchObject({ articleId: 'ring-sizing' });
    expect(textOf(last)).toContain('Between two sizes? Choose the larger one.');
  });
  it('"rings between 50 and 80" is still a budget', () => {
    expect(searchOf(converse(['rings between 50 and 80']).last)).toMatchObject({ filters: { category: 'ring', priceMin: 50, priceMax: 80 } });
  });
});

describe('what the customer already gave about an order is kept (a second blind walk-through got a menu, then "share your order number")', () => {
  it('after "not found", the right email typed in the chat tries the same order again', () => {
    let state = engine.initialState();
    state = engine.decide(state, engine.understand('order GG-104235, email ava.martinez@example.com, status?'), {}).state;
    state = engine.presentOrder(state, null).state;
    const next = engine.decide(state, engine.understand('sorry its olivia.chen@example.com'), {});
    expect(next.actions.find((action) => action.type === 'lookup_order')).toEqual({ type: 'lookup_order', orderNumber: 'GG-104235', email: 'olivia.chen@example.com' });
  });
  it('after a cancel request with the order and email, "what is its status?" looks that order up', () => {
    const { last } = converse(['can I cancel GG-104236? ava.martinez@example.com', 'what is its status right now']);
    expect(last.find((action) => action.type === 'lookup_order')).toEqual({ type: 'lookup_order', orderNumber: 'GG-104236', email: 'ava.martinez@example.com' });
  });
});
