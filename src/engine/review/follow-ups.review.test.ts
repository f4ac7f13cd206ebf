// Conversation review of the gaps found after issue 11's first pass: refinements in a running search, a card
// typed to pay with, a stylist offer answered after a turn in between, one-word foreign greetings, number agreement.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import { searchResults } from '../replies/search';
import type { ConversationState, Decision, EngineContext, ReplyBlock, SearchFilters } from '../types';

const engine = createEngine();

function talk(messages: string[], context: EngineContext = {}): Decision[] {
  let state: ConversationState = engine.initialState();
  return messages.map((message) => {
    const decision = engine.decide(state, engine.understand(message, context), context);
    state = decision.state;
    return decision;
  });
}

const blocksOf = (decision: Decision): ReplyBlock[] => decision.actions.flatMap((action) => (action.type === 'reply' ? action.blocks : []));
const wordsOf = (decision: Decision) => blocksOf(decision).flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
const formsOf = (decision: Decision) => blocksOf(decision).flatMap((block) => (block.type === 'form' ? [block.form] : []));
const searchOf = (decision: Decision): SearchFilters | undefined => decision.actions.find((action) => action.type === 'search_products')?.filters;
const intentOf = (decision: Decision, message: string) => decision.intent ?? engine.understand(message).intent;

describe('refinements in a running search', () => {
  it('"over $1,000 instead" raises the budget of the search, reported as product_search', () => {
    const [, refined] = talk(['show me diamond rings under 500', 'over $1,000 instead']);
    expect(searchOf(refined!)).toEqual({ category: 'ring', stone: 'diamond', priceMin: 1000 });
    expect(intentOf(refined!, 'over $1,000 instead')).toBe('product_search');
  });

  it('"size 8 instead" refines the ring size, no resize form', () => {
    const [, refined] = talk(['gold rings size 6', 'size 8 instead']);
    expect(searchOf(refined!)).toMatchObject({ category: 'ring', metal: 'gold', ringSize: 8 });
    expect(formsOf(refined!)).toEqual([]);
    expect(refined!.intent).toBe('product_search');
  });

  it('a resize named with a size still opens the resize flow in a search', () => {
    const [, resize] = talk(['gold rings', 'my ring is too big, can you resize it to a size 8']);
    expect(searchOf(resize!)).toBeUndefined();
    expect(formsOf(resize!)).toContain('return');
  });

  it('with no search running, a bare "size 8 instead" is not turned into a search', () => {
    const [alone] = talk(['size 8 instead']);
    expect(alone!.intent).toBeUndefined();
  });

  it('"does this come in size 7?" on a product page answers from the piece and reports product_search', () => {
    const product = { id: 'p1', name: 'Aria Solitaire', category: 'ring' as const, metal: 'white_gold' as const, price: 1200, availability: 'ready_to_ship' as const, sizes: [6, 7, 8] };
    const [answer] = talk(['does this come in size 7?'], { productId: 'p1', product });
    expect(wordsOf(answer!)).toMatch(/Yes, the Aria Solitaire comes in size 7/);
    expect(answer!.intent).toBe('product_search');
    expect(answer!.state.lastIntent).toBe('product_search');
  });
});

describe('a card typed into the chat to pay with', () => {
  it('warns, then explains paying at checkout instead of "I can\'t change or cancel an order"', () => {
    const [answer] = talk(['my card is 4242 4242 4242 4242 can you charge it']);
    const words = wordsOf(answer!);
    expect(words).toMatch(/never share card details/);
    expect(words).toMatch(/you pay securely at checkout/);
    expect(words).not.toMatch(/change or cancel an order/);
  });

  it('reads "charge it" as a payment cue', () => {
    expect(engine.understand('can you charge my card for the ring').cues.limitation).toBe('payment');
    expect(engine.understand('charge it to my card please').cues.limitation).toBe('payment');
  });
});

describe('a stylist offer answered after a turn in between', () => {
  it('an email between the offer and "yes": the email is kept and "yes" opens the stylist form with it', () => {
    const [offer, email, yes] = talk(['can you rush ship a ring by friday', 'my email is jane@example.com', 'yes']);
    expect(offer!.actions.some((action) => action.type === 'offer_stylist')).toBe(true);
    expect(formsOf(email!)).toEqual([]);
    expect(wordsOf(email!)).toMatch(/jane@example\.com/);
    const form = blocksOf(yes!).find((block) => block.type === 'form');
    expect(form?.type === 'form' && form.form).toBe('stylist');
    expect(form?.type === 'form' && form.prefill?.email).toBe('jane@example.com');
  });

  it('an email for an open order form in between: "yes" still answers the stylist offer', () => {
    const [, , yes] = talk(["i'm so stressed, my order hasn't come and the wedding is saturday", 'jane@example.com', 'yes']);
    expect(formsOf(yes!)).toContain('stylist');
  });

  it('the offer does not last for ever: two turns in between and "yes" is a plain yes', () => {
    const [, , , yes] = talk(['can you rush ship a ring by friday', 'show me gold rings', 'necklaces', 'yes']);
    expect(formsOf(yes!)).toEqual([]);
  });
});

describe('a single foreign greeting', () => {
  it.each([
    ['Hola', /^¡Hola! Gracias/],
    ['Bonjour', /^Bonjour ! Merci/],
    ['Hallo', /^Hallo! Danke/],
    ['Ciao', /^Ciao! Grazie/],
    ['Olá', /^Olá! Obrigado/],
    ['Guten Tag!', /^Hallo! Danke/],
  ])('"%s" is answered in that language', (message, reply) => {
    const understanding = engine.understand(message);
    expect(understanding.intent).toBe('greeting');
    expect(wordsOf(talk([message])[0]!)).toMatch(reply);
  });

  it.each(['hallo there, i want a gold ring', 'ok ciao for now', 'hello'])('"%s" stays English', (message) => {
    expect(engine.understand(message).language).toBeUndefined();
  });
});

describe('number agreement in search replies', () => {
  const item = { id: 'p1', name: 'Lumen Chain', price: 180, category: 'necklace' as const, metal: 'silver' as const };
  const intro = (filters: SearchFilters, total: number, shown = 1, offset = 0) =>
    (searchResults({ filters, offset }, { items: Array.from({ length: shown }, () => item), total }, 'USD')[0] as { text: string }).text;

  it('one result is one piece', () => {
    expect(intro({ category: 'necklace', metal: 'silver' }, 1)).toBe('Here is 1 ready-to-ship sterling silver necklace:');
    expect(intro({ category: 'earrings' }, 1)).toBe('Here is 1 ready-to-ship pair of earrings:');
    expect(intro({}, 1)).toBe('Here is 1 ready-to-ship piece:');
  });

  it('several results are plural, also when one of them is shown', () => {
    expect(intro({ category: 'ring' }, 3, 3)).toBe('Here are 3 ready-to-ship rings:');
    expect(intro({ category: 'ring' }, 5, 1)).toBe('Here is 1 of 5 ready-to-ship rings:');
    expect(intro({ category: 'ring' }, 5, 1, 4)).toBe('Here is one more ready-to-ship ring (5 of 5):');
  });

  it('one alternative is "the closest match"', () => {
    const blocks = searchResults({ filters: { category: 'ring', stone: 'opal' }, offset: 0 }, { items: [], total: 0, alternatives: [item] }, 'USD');
    expect((blocks[0] as { text: string }).text).toMatch(/This is the closest match I have:$/);
  });
});

describe('long messages: only a sentence about the shop can win', () => {
  it.each([
    "I've been out of work for about six months now and I finally found a job posting at a bank that fits me. I have five years in accounting. Could you help me write a cover letter that sounds professional but not stiff?",
    'my dog has been scratching his ears all week and now one of them smells bad, the vet is closed until monday. what can i do in the meantime?',
    "So my husband and I are planning a trip to Portugal in May for our anniversary, we have ten days and want to see Lisbon and Porto. What would be a good itinerary, and should we rent a car?",
    "My grandmother used to make this amazing apple cake every Sunday and I never got the recipe before she passed. It had cinnamon and maybe some lemon. Do you know a recipe that sounds like that?",
    "I've had a headache for three days now and it gets worse when I stand up. I'm worried because my mom had migraines. Should I go see a doctor or is this normal?",
  ])('a general-assistant request told at length stays out of scope: %s', (message) => {
    expect(engine.understand(message).intent).toBe('out_of_scope');
  });

  it('the question a long message asks outranks its other sentences: returns are the FAQ answer', () => {
    const message = "I've never bought jewelry online before and honestly I'm a bit nervous about it. I'd like to get a ring for my girlfriend. How does the returning thing work?";
    const [answer] = talk([message]);
    expect(engine.understand(message).intent).toBe('faq');
    expect(formsOf(answer!)).toEqual([]);
    expect(wordsOf(answer!)).toMatch(/return/i);
  });

  it('"how long to Ontario if I order this weekend" is a shipping-time answer, not an order lookup', () => {
    const message = "We're visiting family in Canada next month. How long to Ontario if I order this weekend?";
    const [answer] = talk([message]);
    expect(engine.understand(message).intent).toBe('faq');
    expect(formsOf(answer!)).toEqual([]);
    expect(wordsOf(answer!)).toMatch(/business days/);
  });
});

describe('gift buyers, in our own words', () => {
  it.each([
    ['product_search', "My mom's birthday is in two weeks and she loves anything with a little sparkle, she's hard to shop for though. What should I get her for around 200?"],
    ['product_search', 'need matching necklaces for my 4 bridesmaids, 80 each max'],
    ['faq', "I'm buying a gift for my bridesmaids, there are five of them and the wedding is in August. Do you do gift wrap and can I add a note for each?"],
  ])('%s: %s', (intent, message) => {
    expect(engine.understand(message).intent).toBe(intent);
  });
});
