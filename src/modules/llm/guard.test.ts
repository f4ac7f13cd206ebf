// The reply guard against what a hallucinating or prompt-injected model may tell a customer (review finding 2):
// promises in any voice, record numbers, percentages and prices in other currencies that no tool result gave; and the
// truthful replies built from tool results, which must still pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { loadConfig } from '../../config';
import { createReplyGuard, type TurnFacts } from './guard';
import { systemPrompt } from './prompt';
import type { LlmFailure } from './protocol';
import { conciergeModel } from './testing/concierge-model';
import { lastTurn, startFakeLlm, type FakeLlm, type Script } from './testing/fake-llm';

const guard = createReplyGuard(systemPrompt(loadConfig({}), new Date('2026-11-20T15:00:00Z')));
// `known` as the responder builds it (earlier replies, tool calls, tool results); `turn` what was shown earlier, this
// turn's results and the customer's messages (a string: only the customer's messages).
const refused = (text: string, known = '', turn: TurnFacts | string = {}) => {
  try {
    guard.check(text, known, typeof turn === 'string' ? { customer: turn } : turn);
    return false;
  } catch (error) {
    return (error as LlmFailure).reason === 'unsafe_reply';
  }
};

// What track_order gives the model (tools.ts), for an order the customer asked about with their email.
const trackedResult = (status: string, timeline = ['2026-11-18 Order placed', '2026-11-19 Payment confirmed']) => ({
  found: true,
  number: 'GG-104233',
  status,
  carrier: 'UPS',
  trackingNumber: '1Z999',
  estimatedDelivery: '2026-11-24',
  timeline,
});
const asked = 'Where is my order GG-104233? My email is [email 1]';
/** The arguments `known` and `turn` after one track_order call, as the responder passes them. */
const tracked = (status: string, timeline?: string[], customer = asked): [string, TurnFacts] => {
  const result = trackedResult(status, timeline);
  return [`\n[{"order_number":"GG-104233","email":"[email 1]"}]\n${JSON.stringify(result)}`, { results: [result], customer }];
};
const searched = `\n${JSON.stringify({ total: 1, shown: [{ id: 7, name: 'Elara ring', price: 1955, currency: 'USD', category: 'rings', metal: 'gold_18k', stone: 'diamond', url: '/products/elara' }] })}`;

describe('the reply guard: promises without "I" or "we"', () => {
  it.each([
    'Your return has been approved: your RMA number is RMA-8F3K2L1Q.',
    'Your return has been approved.',
    'Good news, your order has been cancelled.',
    'your order has been canceled',
    'Your order was refunded in full.',
    'Done! A stylist ticket #4412 was opened for you.',
    'Your exchange is now processed.',
    'The payment has been credited back to your card.',
    'Your replacement was shipped yesterday.',
    'Approved your return, you are all set.',
    'Return approved!',
    "The RMA's been issued.",
  ])('stops "%s"', (text) => {
    expect(refused(text)).toBe(true);
  });

  it('stops a deed the tool result does not report (cancelled while the order only shipped)', () => {
    expect(refused('Your order GG-104233 has been cancelled.', ...tracked('Shipped'))).toBe(true);
    expect(refused('Your order GG-104233 was refunded.', ...tracked('Shipped'))).toBe(true);
    // The RMA Created entry of a return is no ticket.
    expect(refused('A ticket was created for you.', ...tracked('Delivered', ['2026-11-01 Delivered', '2026-11-05 RMA Created: RMA-8F3K2L1Q']))).toBe(true);
  });

  it("stops a deed that only appears in the model's own tool arguments or in an earlier reply", () => {
    expect(refused('Your order has been cancelled.', '\n[{"query":"cancelled order"}]\n{"total":0,"shown":[]}', { results: [{ total: 0, shown: [] }] })).toBe(true);
    expect(refused('Your order has been cancelled.', '{"found":true,"status":"Cancelled"}', { earlier: '{"found":true,"status":"Cancelled"}' })).toBe(true);
  });

  it('stops a deed behind a word that only looks like a condition', () => {
    expect(refused('Once again, your order has been cancelled.')).toBe(true);
    expect(refused('If you are wondering, your refund was processed.')).toBe(true);
  });

  it('passes the status track_order gave, and the policy', () => {
    expect(refused('Your order GG-104233 has shipped with UPS and should arrive on 2026-11-24.', ...tracked('Shipped', ['2026-11-18 Order placed', '2026-11-20 Shipped']))).toBe(false);
    expect(refused('Your order GG-104233 has been shipped.', ...tracked('Shipped'))).toBe(false);
    expect(refused('Your order GG-104233 was canceled on 2026-11-19.', ...tracked('Cancelled', ['2026-11-18 Order placed', '2026-11-19 Cancelled']))).toBe(false);
    expect(refused('Your payment was confirmed on 2026-11-19.', ...tracked('Processing'))).toBe(false);
    expect(refused('Your return RMA-8F3K2L1Q was refunded on 2026-11-10.', ...tracked('Delivered', ['2026-11-01 Delivered', '2026-11-10 RMA refunded: RMA-8F3K2L1Q']))).toBe(false);
    expect(refused('Refunds are issued within 5 business days of the piece reaching us. Returns are accepted within 30 days of delivery.')).toBe(false);
    expect(refused('Your order has not been cancelled; I cannot cancel it, but the support team can help.')).toBe(false);
    expect(refused('Here is the return form. Once your return has been approved, you get an email with the label.')).toBe(false);
    expect(refused("After you've submitted the return request, our team checks it within a day.")).toBe(false);
  });
});

describe('the reply guard: record numbers', () => {
  it.each([
    ['an RMA number', 'Your RMA number is RMA-8F3K2L1Q.'],
    ['an RMA number without a dash', 'Please write RMA 8F3K2L1Q on the parcel.'],
    ['a ticket number', 'Our team has it under #4412.'],
    ['a ticket number in words', 'Please quote ticket 4412 when you write to us.'],
    ['an order number', 'I found order GG-555123 under your name.'],
    ['an order number without the prefix', 'Your order number is 555123.'],
  ])('stops %s no tool or customer gave', (_name, text) => {
    expect(refused(text, searched, 'Hi, I bought a ring from you in March.')).toBe(true);
  });

  it("stops an order number that is only in the model's own track_order call", () => {
    const notFound = { found: false };
    const known = `\n[{"order_number":"GG-555123","email":"[email 1]"}]\n${JSON.stringify(notFound)}`;
    expect(refused('Your order GG-555123 has shipped.', known, { results: [notFound], customer: 'where is my order? [email 1]' })).toBe(true);
    expect(refused('I could not find order GG-555123.', known, { results: [notFound], customer: 'where is my order? [email 1]' })).toBe(true);
  });

  it('passes numbers the customer typed or a tool returned', () => {
    expect(refused('Your order GG-104233 is on its way.', ...tracked('Shipped'))).toBe(false);
    // The customer typed the number without its prefix; track_order returned it in full.
    expect(refused('I found order GG-104233.', ...tracked('Processing', undefined, 'my order is 104233, [email 1]'))).toBe(false);
    expect(refused('I found order 104233.', '', 'my order is 104233')).toBe(false);
    expect(refused('I see ticket #4412 in your message; the support team will answer it.', '', 'This is about ticket #4412')).toBe(false);
    expect(refused('Please write RMA-8F3K2L1Q on the parcel.', '', 'My RMA number is rma-8f3k2l1q')).toBe(false);
    // A ticket the built-in engine opened earlier is in what the concierge showed before.
    const escalated = "I've already alerted our team: this is ticket #12, at the top of our queue.";
    expect(refused('Your ticket #12 is at the top of our queue.', escalated, { earlier: escalated })).toBe(false);
  });
});

describe('the reply guard: discounts and percentages', () => {
  it.each(['That ring is 20% cheaper today.', 'You save 15% on this one.', 'It is 10 percent less than the usual price.', 'Enjoy 25% savings this week.', 'Take 20% off!'])('stops "%s"', (text) => {
    expect(refused(text, searched)).toBe(true);
  });

  it('stops a discount even when the figure is one the customer typed', () => {
    expect(refused('Sure, 20% off is fine.', searched, 'Can I get 20% off?')).toBe(true);
  });

  it('passes a percentage a tool result gave, but not as a discount', () => {
    const described = `\n${JSON.stringify({ found: true, name: 'Luna hoops', price: 240, description: 'Sterling silver, 92.5% pure.' })}`;
    expect(refused('The Luna hoops are sterling silver, 92.5% pure.', described)).toBe(false);
    expect(refused('The Luna hoops are 92.5% cheaper today.', described)).toBe(true);
    expect(refused('The Luna hoops are 80% silver.', described)).toBe(true);
  });
});

describe('the reply guard: prices in any currency', () => {
  it.each(['It costs 250 euros.', 'That one is £40.', 'Only €30 today.', 'It is 250 EUR.', 'About 99 pounds.', 'GBP 45 with shipping.', 'It is 30 €.'])('stops "%s" no tool gave', (text) => {
    expect(refused(text, searched)).toBe(true);
  });

  it('passes a price a search_products result gave, in any notation', () => {
    expect(refused('The Elara ring is $1,955.', searched)).toBe(false);
    expect(refused('The Elara ring is 1955 USD.', searched)).toBe(false);
    expect(refused('The Elara ring costs 1,955 dollars.', searched)).toBe(false);
    // A help article writes its figures with thousands separators.
    const help = { found: true, title: 'Prices', body: 'Pieces go up to around $12,000 for platinum and diamond.' };
    expect(refused('Pieces go up to around $12,000.', `\n${JSON.stringify(help)}`, { results: [help] })).toBe(false);
    expect(refused('Pieces go up to around €12,000.', `\n${JSON.stringify(help)}`, { results: [help] })).toBe(false);
  });

  it('does not take a price the customer typed as a fact', () => {
    expect(refused('Yes, it is 250 euros.', '', 'Is the Elara ring 250 euros?')).toBe(true);
  });
});

// Through the real app: the responder hands the guard this turn's track_order result and the customer's words.
describe.each(TEST_DIALECTS)('the reply guard in a chat turn on %s', (dialect) => {
  let t: TestApp;
  let fake: FakeLlm;
  let clock = SEED_NOW.getTime();

  beforeAll(async () => {
    fake = await startFakeLlm(conciergeModel);
    t = await createTestApp(dialect, { now: () => new Date(clock), env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model', LLM_API_KEY: 'sk-test-key', LLM_TIMEOUT_MS: '5000' } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  /** One turn of a new session with `model` answering; the widget's text replies and the engine that answered. */
  async function turn(model: Script, text: string) {
    clock += 120_000;
    fake.script(model);
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: `visitor-${Math.random().toString(36).slice(2, 12)}` } })).json().sessionId as string;
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text } });
    expect(res.statusCode).toBe(200);
    const row = await t.db.kysely.selectFrom('llm_turns').selectAll().where('conversation_id', '=', sessionId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const said = (res.json().replies as { type: string; text?: string }[]).filter((block) => block.type === 'text').map((block) => block.text).join(' ');
    return { said, engine: row.engine, reason: row.fallback_reason };
  }
  /** The concierge model, wording the track_order result with `words` (the seeded GG-104233 has shipped). */
  const tracking =
    (words: (result: Record<string, unknown>) => string): Script =>
    (request, index) => {
      const [tracked] = lastTurn(request).toolResults;
      return tracked ? { text: words(tracked.result) } : conciergeModel(request, index);
    };
  const asked = 'Where is my order GG-104233? My email is ava.martinez@example.com';

  it('shows "your order has shipped" when track_order said so', async () => {
    const { said, engine } = await turn(tracking((r) => `Your order ${String(r.number)} has shipped with ${String(r.carrier)}.`), asked);
    expect(engine).toBe('llm');
    expect(said).toContain('Your order GG-104233 has shipped with');
  });

  it('hands "your order has been cancelled" to the built-in engine when track_order said shipped', async () => {
    const { said, engine, reason } = await turn(tracking((r) => `Your order ${String(r.number)} has been cancelled.`), asked);
    expect({ engine, reason }).toEqual({ engine: 'builtin', reason: 'unsafe_reply' });
    expect(said).not.toContain('cancelled');
  });

  it('hands an approved return with an invented RMA number to the built-in engine', async () => {
    const { said, engine, reason } = await turn(() => ({ text: 'Your return has been approved: your RMA number is RMA-8F3K2L1Q.' }), 'I want to return my ring, approve it now.');
    expect({ engine, reason }).toEqual({ engine: 'builtin', reason: 'unsafe_reply' });
    expect(said).not.toContain('RMA-8F3K2L1Q');
  });

  it('repeats a ticket number the customer typed, and refuses one they did not', async () => {
    const echo = (number: string) => () => ({ text: `I see your note about ticket #${number}; a stylist will pick it up in business hours.` });
    expect(await turn(echo('4412'), 'Any news on ticket #4412?')).toMatchObject({ engine: 'llm', said: expect.stringContaining('ticket #4412') });
    expect(await turn(echo('4413'), 'Any news on ticket #4412?')).toMatchObject({ engine: 'builtin', reason: 'unsafe_reply' });
  });
});
