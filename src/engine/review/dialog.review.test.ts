// Conversation review (issue 11 items 3, 4, 5, 8, 9): scripted conversations through the real widget API,
// asserting the action taken or not taken (no form where none is wanted), the words and the facts from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { createEngine } from '../index';
import type { Intent, ReplyBlock, Understanding } from '../types';

interface Turn {
  say: string;
  intent?: string;
  /** The form shown, or 'none' when no form may appear. */
  form?: 'order_lookup' | 'return' | 'stylist' | 'csat' | 'none';
  says?: RegExp[];
  never?: RegExp[];
  /** A quick reply whose label matches. */
  quick?: RegExp;
  /** The order shown, whose status must be the database's. */
  order?: string;
  /** The management reasons the turn reported to the service (analytics `message` event). */
  management?: string[];
  products?: boolean;
}

interface Conversation {
  name: string;
  turns: Turn[];
}

const AVA = 'ava.martinez@example.com';
const OLIVIA = 'olivia.chen@example.com';
const NO_FALLBACK = [/outside what I can help/i, /not sure I understood/i];

const CONVERSATIONS: Conversation[] = [
  // A detail for the running search is a search, reported as one (the service reports the dialog's intent).
  {
    name: '"size 8 instead" in a ring search refines the size: a search, no resize form',
    turns: [
      { say: 'show me gold rings', intent: 'product_search', products: true },
      { say: 'size 8 instead', intent: 'product_search', form: 'none', products: true, never: NO_FALLBACK },
      { say: 'over $1,000 instead', intent: 'product_search', form: 'none', never: NO_FALLBACK },
    ],
  },
  // Item 3: no wrong action on a guess.
  {
    name: 'a green finger is a materials answer with a stylist or a return offered, not the resize form',
    turns: [{ say: 'it turned my finger green lol is it fake', form: 'none', says: [/copper/, /doesn't mean the piece is fake/, /solid 14k and 18k gold/], quick: /Start a return/, never: NO_FALLBACK }],
  },
  {
    name: 'a skin reaction in my own words',
    turns: [{ say: 'my new ring left a black mark on my finger, is it real gold??', form: 'none', says: [/copper/], quick: /Talk to a stylist/ }],
  },
  { name: 'an allergy worry', turns: [{ say: 'i think i have an allergic reaction to the earrings you sent', form: 'none', says: [/copper/], quick: /Start a return/ }] },
  {
    name: 'a question about a future delivery is the shipping answer, not an order lookup',
    turns: [{ say: 'will it arrive before christmas if i order today', form: 'none', says: [/leave our studio within 1–2 business days/], never: NO_FALLBACK }],
  },
  { name: 'a future delivery in other words', turns: [{ say: 'would the necklace get here by friday if i order tonight?', form: 'none', says: [/business days/] }] },
  { name: 'how long shipping takes before buying', turns: [{ say: 'how long does delivery take if i buy now?', form: 'none', says: [/business days/] }] },
  {
    name: 'an existing order asked about the future is still a lookup',
    turns: [{ say: `will my order GG-104233 arrive before christmas? ${AVA}`, intent: 'order_tracking', order: 'GG-104233', form: 'none' }],
  },
  { name: '"sorry wrong chat" says goodbye, no stylist form', turns: [{ say: 'sorry wrong chat lol', form: 'none', says: [/No problem/], never: [/rating|how did I do/i] }] },
  { name: 'a wrong window', turns: [{ say: 'oops, wrong window', form: 'none', says: [/No problem/] }] },
  { name: 'never mind', turns: [{ say: 'never mind', form: 'none', says: [/No problem/] }] },
  {
    name: 'an exchange before shipping is an order change: ask for the order, then explain for its status',
    turns: [
      { say: 'wrong size ring, can i exchange before it ships?', form: 'order_lookup', says: [/change to the order rather than a return/], never: [/refund/i] },
      { say: `GG-104236 ${AVA}`, order: 'GG-104236', says: [/hasn't shipped yet, so it can still be changed/], quick: /Talk to a stylist/, never: [/refund/i, /Good news/] },
    ],
  },
  {
    name: 'a size change asked for an order already on its way',
    turns: [{ say: `can i swap the size before it ships? GG-104233 ${AVA}`, order: 'GG-104233', says: [/already left our studio/], never: [/refund/i] }],
  },
  {
    name: 'a size change asked for a delivered order',
    turns: [{ say: `i need a different size, it has not shipped yet right? order GG-104234 ${AVA}`, order: 'GG-104234', says: [/already been delivered/], quick: /Resize it/ }],
  },
  { name: 'the welcome quick reply opens the order form', turns: [{ say: 'Track my order', intent: 'order_tracking', form: 'order_lookup' }] },
  { name: 'an explicit return request opens the return form', turns: [{ say: "I'd like to return a piece", intent: 'return_request', form: 'return' }] },
  { name: 'an explicit resize request opens the return form as a resize', turns: [{ say: "I'd like to resize a ring", intent: 'resize_request', form: 'return' }] },
  { name: 'asking for a stylist opens the stylist form', turns: [{ say: 'Talk to a stylist', intent: 'stylist_escalation', form: 'stylist' }] },
  { name: 'return or resize', turns: [{ say: 'Return or resize', form: 'return' }] },
  { name: 'an English message with a French word is not a stylist request', turns: [{ say: 'I want a bague', form: 'none', never: [/anglais/] }] },
  // Item 4: several requests in one message.
  {
    name: 'track, then the return answered for the order status (processing: when it arrives)',
    turns: [
      { say: "where's my order GG-104236 and also can i return it?", intent: 'order_tracking', form: 'order_lookup', says: [/help you with the return too/], never: NO_FALLBACK },
      { say: AVA, order: 'GG-104236', says: [/when it arrives, I can start the return/], never: [/Good news/] },
    ],
  },
  {
    name: 'track a delivered order and offer to start its return',
    turns: [{ say: `where is my order GG-104234 ${AVA} and can I return it?`, order: 'GG-104234', says: [/start the return now/], quick: /Start the return/ }],
  },
  {
    name: 'track a shipped order and offer the resize when it arrives',
    turns: [{ say: `where is GG-104233 ${AVA}, and can I resize it?`, order: 'GG-104233', says: [/when it arrives, I can start the resize/] }],
  },
  {
    name: 'two FAQ topics in one reply',
    turns: [{ say: 'how do i take care of pearls and is shipping free', intent: 'faq', form: 'none', says: [/warm water/, /free on orders over/] }],
  },
  { name: 'international shipping and payment methods', turns: [{ say: 'do you ship to canada? what payment methods do you accept?', form: 'none', says: [/Canada/, /Visa/] }] },
  { name: 'warranty and ring size', turns: [{ say: 'is there a warranty and how do i find my ring size?', form: 'none', says: [/one-year warranty/, /ring sizer/] }] },
  {
    name: 'a search and a shipping question',
    turns: [{ say: 'show me rose gold rings and also how long does shipping take?', products: true, form: 'none', says: [/business days/] }],
  },
  {
    name: 'a question and an order to track: the question answered, the lookup offered',
    turns: [{ say: 'is shipping free and where is my order?', form: 'none', says: [/free on orders over/], quick: /Track my order/ }],
  },
  // Item 5: feelings and urgency.
  {
    name: 'the late order before a wedding: acknowledged, email asked, stylist offered; then the delayed status from the database',
    turns: [
      {
        say: 'my order GG-104237 is late again… wedding on saturday. what are you going to do about it?',
        form: 'order_lookup',
        says: [/sorry/i, /wedding/, /email/, /stylist/],
        quick: /Talk to a stylist/,
        never: NO_FALLBACK,
      },
      { say: OLIVIA, order: 'GG-104237', says: [/running late/], never: [/Good news/] },
    ],
  },
  {
    name: 'the late order with the email: the facts, then yes to the stylist',
    turns: [
      { say: `my order GG-104237 is late again, ${OLIVIA}. wedding on saturday, what are you going to do about it?`, order: 'GG-104237', says: [/sorry/i, /running late/, /stylist/], never: [/Good news/, ...NO_FALLBACK] },
      { say: 'yes please', form: 'stylist' },
    ],
  },
  {
    name: 'an anxious customer with a processing order',
    turns: [{ say: `I'm so worried my order GG-104236 won't come in time, ${AVA}`, order: 'GG-104236', says: [/understand the worry/, /being prepared/, /stylist/], never: [/Good news/] }],
  },
  {
    name: 'an urgent anniversary with a shipped order',
    turns: [{ say: `need my package GG-104233 before my anniversary on friday, it's urgent! ${AVA}`, order: 'GG-104233', says: [/anniversary/, /on its way/, /stylist/] }],
  },
  { name: 'upset with no order: acknowledged and offered a person, not out of scope', turns: [{ say: 'this is ridiculous, your website is so slow and annoying', form: 'none', says: [/sorry/i, /stylist/], never: NO_FALLBACK }] },
  {
    name: 'an upset customer asking for the order form gets it, with a person offered',
    turns: [{ say: 'I am so frustrated, where is my order?', form: 'order_lookup', says: [/sorry/i, /stylist/] }],
  },
  {
    name: 'a legal threat is reported to the service and worded truthfully',
    // The ticket is open already: the reply says so, and the form stays only to leave an email (none known here).
    turns: [{ say: "I'm going to sue you, my lawyer will be in touch", form: 'stylist', management: ['legal_threat'], says: [/I've already alerted our team/, /at the top of our queue/, /leave your email in the form/], never: [/I'm flagging/, /send this form/] }],
  },
  { name: 'a double charge', turns: [{ say: 'you charged me twice for GG-104236', form: 'stylist', management: ['financial_error'] }] },
  { name: 'a wrong price at checkout', turns: [{ say: 'the price at checkout was different than on the product page', form: 'stylist', management: ['financial_error'] }] },
  { name: 'a privacy concern', turns: [{ say: "I got someone else's order confirmation, that is a privacy problem", form: 'stylist', management: ['privacy_concern'] }] },
  { name: 'an unhappy VIP', turns: [{ say: "I'm a VIP customer and I'm very disappointed with your service", form: 'stylist', management: ['unhappy_vip'] }] },
  {
    name: 'a double charge with the order and email: the order facts and the alert',
    // With the email known the ticket can be answered: no form to send, just where the reply will come.
    turns: [{ say: `I was charged twice for order GG-104235, ${OLIVIA}`, order: 'GG-104235', form: 'none', management: ['financial_error'], says: [/will email you at olivia\.chen@example\.com/], never: [/send this form/] }],
  },
  // Item 8: other languages.
  { name: 'Spanish', turns: [{ say: 'Hola, busco un anillo de oro blanco', form: 'none', says: [/solo puedo conversar en inglés/, /estilista/], quick: /Hablar con un estilista/ }] },
  { name: 'Spanish, an order', turns: [{ say: '¿Dónde está mi pedido? No ha llegado', form: 'none', says: [/inglés/] }] },
  { name: 'French', turns: [{ say: 'Bonjour, je cherche une bague en or blanc', form: 'none', says: [/qu'en anglais/, /page de contact/], quick: /Parler à un styliste/ }] },
  { name: 'French, a return', turns: [{ say: 'Je voudrais retourner ma bague, elle est trop petite', form: 'none', says: [/anglais/] }] },
  { name: 'German', turns: [{ say: 'Hallo, ich suche einen Ring aus Weißgold', form: 'none', says: [/nur auf Englisch/, /Kontaktseite/], quick: /Stylisten/ }] },
  { name: 'German, an order', turns: [{ say: 'Wo ist meine Bestellung? Ich warte seit zwei Wochen', form: 'none', says: [/Englisch/] }] },
  { name: 'Italian', turns: [{ say: 'Ciao, cerco un anello in oro bianco', form: 'none', says: [/solo in inglese/, /pagina dei contatti/], quick: /Parla con uno stylist/ }] },
  { name: 'Portuguese', turns: [{ say: 'Olá, procuro um anel de ouro branco', form: 'none', says: [/só consigo responder em inglês/, /página de contato/], quick: /Falar com um estilista/ }] },
  { name: 'Portuguese, a necklace', turns: [{ say: 'Oi, vocês tem colar de prata?', form: 'none', says: [/inglês/] }] },
  { name: 'English with a Spanish word stays English', turns: [{ say: 'do you have an anillo in white gold?', never: [/inglés/], products: true }] },
  // Item 9: card details.
  {
    name: 'a card number in the chat: masked, and the customer told never to share it',
    turns: [{ say: 'my card is 4242 4242 4242 4242 can you charge it', form: 'none', says: [/never share card details/, /will never ask you for them/], never: [/4242 4242/] }],
  },
  { name: 'a card with an order number', turns: [{ say: 'here is my card 5555 5555 5555 4444 for order GG-104236', says: [/never share card details/] }] },
  { name: 'asking to pay in the chat', turns: [{ say: 'can I pay with my credit card here?', form: 'none', says: [/never share a card number/, /will never ask you for it/] }] },
  // The everyday paths still work.
  { name: 'a plain search', turns: [{ say: 'show me rose gold rings under $500', intent: 'product_search', products: true, form: 'none' }] },
  { name: 'hello', turns: [{ say: 'hi', intent: 'greeting', form: 'none' }] },
  { name: 'a plain lookup of a shipped order says good news', turns: [{ say: `status of GG-104233 please, ${AVA}`, order: 'GG-104233', says: [/Good news/] }] },
  { name: 'a delivered order is not "good news"', turns: [{ say: `where is my order GG-104234? ${AVA}`, order: 'GG-104234', says: [/has been delivered/], never: [/Good news/] }] },
];

describe.each(TEST_DIALECTS)('conversation review: decisions and words on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { WIDGET_RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => t.close());

  const statusOf = async (number: string) => (await t.db.kysely.selectFrom('orders').select('status').where('number', '=', number).executeTakeFirstOrThrow()).status;
  const lastMessageEvent = async (sessionId: string) => {
    const rows = await t.db.kysely.selectFrom('analytics_events').select(['data', 'id']).where('session_id', '=', sessionId).where('type', '=', 'message').orderBy('id', 'desc').limit(1).execute();
    return JSON.parse(rows[0]!.data) as { management?: boolean; stylistOffer?: string };
  };

  it.each(CONVERSATIONS)('$name', async ({ turns }) => {
    const session = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} });
    const { sessionId } = session.json() as { sessionId: string };
    for (const turn of turns) {
      const response = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text: turn.say } });
      expect(response.statusCode, turn.say).toBe(200);
      const answer = response.json() as { intent: string; replies: ReplyBlock[] };
      const words = answer.replies.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
      const seen = `${turn.say}\n→ ${words}\n${JSON.stringify(answer.replies.map((block) => block.type))}`;
      const forms = answer.replies.flatMap((block) => (block.type === 'form' ? [block.form] : []));
      if (turn.intent) expect(answer.intent, seen).toBe(turn.intent);
      if (turn.form === 'none') expect(forms, seen).toEqual([]);
      else if (turn.form) expect(forms, seen).toContain(turn.form);
      for (const pattern of turn.says ?? []) expect(words, seen).toMatch(pattern);
      for (const pattern of turn.never ?? []) expect(words, seen).not.toMatch(pattern);
      if (turn.quick) {
        const labels = answer.replies.flatMap((block) => (block.type === 'quick_replies' ? block.options.map((option) => option.label) : []));
        expect(labels.some((label) => turn.quick!.test(label)), `${seen}\nquick replies: ${labels.join(', ')}`).toBe(true);
      }
      if (turn.products !== undefined) expect(answer.replies.some((block) => block.type === 'products'), seen).toBe(turn.products);
      if (turn.order) {
        const shown = answer.replies.find((block) => block.type === 'order_status');
        expect(shown?.type === 'order_status' && shown.order.number, seen).toBe(turn.order);
        expect(shown?.type === 'order_status' && shown.order.status, seen).toBe(await statusOf(turn.order));
      }
      const event = await lastMessageEvent(sessionId);
      if (turn.management) {
        expect(event.management, seen).toBe(true);
        expect(event.stylistOffer?.split(','), seen).toEqual(expect.arrayContaining(turn.management));
      } else {
        expect(event.management, seen).not.toBe(true);
      }
    }
  });

  it('has at least 50 conversations', () => {
    expect(CONVERSATIONS.length).toBeGreaterThanOrEqual(50);
  });
});

describe('no form on a guess (the dialog alone)', () => {
  const engine = createEngine();
  const guessed = (text: string, intent: Intent, confidence: number, alternatives: Understanding['alternatives']): Understanding => ({
    ...engine.understand(text),
    intent,
    confidence,
    alternatives,
  });

  it('asks which flow, with the ranked options as quick replies, when a form flow is only a guess', () => {
    const understanding = guessed('it feels a bit off', 'resize_request', 0.52, [
      { intent: 'resize_request', confidence: 0.52 },
      { intent: 'return_request', confidence: 0.3 },
      { intent: 'faq', confidence: 0.1 },
    ]);
    const blocks = engine.decide(engine.initialState(), understanding).actions.flatMap((action) => (action.type === 'reply' ? action.blocks : []));
    expect(blocks.some((block) => block.type === 'form')).toBe(false);
    const options = blocks.flatMap((block) => (block.type === 'quick_replies' ? block.options.map((option) => option.label) : []));
    expect(options).toEqual(['Resize a ring', 'Start a return', 'Talk to a stylist']);
  });

  it('opens the form when the customer named the flow, even at the same confidence', () => {
    const understanding = guessed('can i resize it', 'resize_request', 0.52, [{ intent: 'resize_request', confidence: 0.52 }]);
    const blocks = engine.decide(engine.initialState(), understanding).actions.flatMap((action) => (action.type === 'reply' ? action.blocks : []));
    expect(blocks.some((block) => block.type === 'form' && block.form === 'return')).toBe(true);
  });
});
