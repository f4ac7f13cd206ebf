// Returns staff can finish (issue 12 item 4): an RMA names its piece, staff move it on from the order page through a
// CSRF-checked API, each step is on the timeline and emailed; illegal or stale steps are a 409; orders are found by RMA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';

const AGENT = DEMO_STAFF[1]!;
const DAY = 86_400_000;
const CUSTOMER_REASON = 'It pinches, says Zed-the-typist';

type Detail = {
  timeline: { type: string; label: string }[];
  rmas: { number: string; status: string; next: string[]; rejectionReason: string | null; items: { name: string; sku: string; size: number | null }[] }[];
};

describe.each(TEST_DIALECTS)('RMA status on %s', (dialect) => {
  let t: TestApp;
  let staff: { cookie: string; csrf: string };
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW, env: { WORKERS_ENABLED: 'false', PUBLIC_URL: 'https://shop.example' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: AGENT.email, password: AGENT.password } });
    staff = { cookie: cookiesFrom(res), csrf: res.json().csrfToken as string };
  });
  afterAll(() => t.close());

  /** A delivered order of one piece and an RMA for it, made through the widget's return form like a customer would. */
  async function rmaFor(kind: 'return' | 'resize' = 'return') {
    const number = `GG-8${String(++seq).padStart(5, '0')}`;
    const email = `returner${seq}@example.com`;
    const at = new Date(SEED_NOW.getTime() - 20 * DAY).toISOString();
    const order = await t.db.kysely
      .insertInto('orders')
      .values({ number, customer_id: null, email, customer_name: 'Jamie Rivera', status: 'delivered', carrier: null, tracking_number: null, tracking_url: null, placed_at: at, shipped_at: null, delivered_at: new Date(SEED_NOW.getTime() - 5 * DAY).toISOString(), estimated_delivery: null, concierge_session_id: null, subtotal_cents: 90_000, shipping_cents: 0, total_cents: 90_000, currency: 'USD', shipping_address: '{}', idempotency_key: null, confirmation_token: null, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely.insertInto('order_items').values({ order_id: order.id, product_id: null, sku: 'GG-R-0042', name: 'Solitaire Ring', size: 6, quantity: 1, unit_price_cents: 90_000, final_sale: 0 }).execute();
    const form = { orderNumber: number, email, kind, reason: CUSTOMER_REASON, ...(kind === 'resize' ? { newSize: 7 } : {}) };
    return { orderNumber: number, email, rma: await requestReturn(form) };
  }

  async function requestReturn(form: object): Promise<string> {
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/return`, payload: form });
    expect(res.statusCode).toBe(200);
    return res.json().rma.number as string;
  }

  const move = (rma: string, body: object, session: { cookie?: string; csrf?: string } = staff) =>
    t.app.inject({ method: 'POST', url: `/api/dashboard/rmas/${rma}/status`, payload: body, headers: { ...(session.cookie ? { cookie: session.cookie } : {}), ...(session.csrf ? { 'x-csrf-token': session.csrf } : {}) } });
  const detail = async (orderNumber: string) => (await t.app.inject({ url: `/api/dashboard/orders/${orderNumber}`, headers: { cookie: staff.cookie } })).json() as Detail;
  const emails = (to: string) => t.db.kysely.selectFrom('outbox').select(['kind', 'subject', 'text_body as text', 'html_body as html']).where('to_address', '=', to).orderBy('id').execute();

  it('a return goes created → in transit → received → refunded: each step on the timeline and emailed, naming the piece', async () => {
    const o = await rmaFor();
    const before = await detail(o.orderNumber);
    expect(before.rmas[0]).toMatchObject({ number: o.rma, status: 'created', next: ['in_transit', 'received', 'rejected'], items: [{ name: 'Solitaire Ring', sku: 'GG-R-0042', size: 6 }] });
    const created = (await emails(o.email))[0]!;
    expect(created.text).toContain('Solitaire Ring (SKU GG-R-0042, size 6)');

    const steps = [
      ['created', 'in_transit', 'RMA in transit', 'The carrier has scanned your parcel'],
      ['in_transit', 'received', 'RMA received', 'has arrived at our studio'],
      ['received', 'refunded', 'RMA refunded', 'refunded Solitaire Ring (SKU GG-R-0042, size 6) to your original payment method'],
    ] as const;
    for (const [from, to, label, sentence] of steps) {
      const res = await move(o.rma, { from, to });
      expect(res.statusCode, `${from} → ${to}`).toBe(200);
      const page = res.json() as Detail;
      expect(page.rmas[0]!.status).toBe(to);
      expect(page.timeline.at(-1)).toMatchObject({ type: `rma_${to}`, label: `${label}: ${o.rma}` });
      const mail = (await emails(o.email)).at(-1)!;
      expect(mail.kind).toBe(`rma_${to}`);
      expect(mail.subject).toContain(o.rma);
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain(sentence);
        expect(part).toContain('Solitaire Ring (SKU GG-R-0042, size 6)');
        expect(part).not.toContain('Zed-the-typist'); // what the customer typed stays out of the shop's mail
      }
    }
    expect((await emails(o.email)).map((m) => m.kind)).toEqual(['rma_created', 'rma_in_transit', 'rma_received', 'rma_refunded']);
    expect((await detail(o.orderNumber)).rmas[0]!.next).toEqual([]);
  });

  it('illegal and stale changes are a 409 that changes nothing and emails no one', async () => {
    const o = await rmaFor('resize');
    expect((await move(o.rma, { from: 'created', to: 'received' })).statusCode).toBe(200); // the carrier never scanned it
    const cases: [object, RegExp][] = [
      [{ from: 'received', to: 'in_transit' }, /received cannot be moved to in transit/],
      [{ from: 'received', to: 'refunded' }, /A resize that is received cannot be moved to refunded/],
      [{ from: 'created', to: 'in_transit' }, /already received: reload the page/], // a colleague's page from before
    ];
    for (const [body, message] of cases) {
      const res = await move(o.rma, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(409);
      expect(res.json().error.message).toMatch(message);
    }
    const page = await detail(o.orderNumber);
    expect(page.rmas[0]!.status).toBe('received');
    expect(page.timeline.filter((e) => e.type.startsWith('rma_')).map((e) => e.type)).toEqual(['rma_created', 'rma_received']);
    expect((await emails(o.email)).map((m) => m.kind)).toEqual(['rma_created', 'rma_received']);

    // Two staff closing at once: one wins, the other is told.
    const both = await Promise.all([move(o.rma, { from: 'received', to: 'closed' }), move(o.rma, { from: 'received', to: 'closed' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const closed = (await emails(o.email)).filter((m) => m.kind === 'rma_closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]!.text).toContain('has been resized to size 7 and is on its way back to you');
    expect((await move(o.rma, { from: 'closed', to: 'rejected', rejectionReason: 'worn_or_damaged' })).statusCode).toBe(409);
  });

  it('rejecting needs a reason from the fixed list; the customer reads its fixed sentence and the item can be returned again', async () => {
    const o = await rmaFor();
    const missing = await move(o.rma, { from: 'created', to: 'rejected' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('Choose why');
    expect(JSON.stringify(missing.json())).toContain('rejectionReason');
    const typed = await move(o.rma, { from: 'created', to: 'rejected', rejectionReason: 'because I say so' });
    expect(typed.statusCode).toBe(400);
    expect(JSON.stringify(typed.json())).toContain('rejectionReason');
    expect((await move(o.rma, { from: 'created', to: 'in_transit', rejectionReason: 'worn_or_damaged' })).statusCode).toBe(400);
    expect((await detail(o.orderNumber)).rmas[0]!.status).toBe('created');

    const res = await move(o.rma, { from: 'created', to: 'rejected', rejectionReason: 'never_arrived' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Detail).rmas[0]).toMatchObject({ status: 'rejected', rejectionReason: 'The parcel did not reach us within the time the label allows.' });
    const mail = (await emails(o.email)).at(-1)!;
    expect(mail.kind).toBe('rma_rejected');
    expect(mail.text).toContain('we could not accept the return of Solitaire Ring (SKU GG-R-0042, size 6)');
    expect(mail.text).toContain('The parcel did not reach us within the time the label allows.');
    expect((res.json() as Detail).timeline.at(-1)!.label).toBe(`RMA rejected: ${o.rma}`);

    // A rejected RMA is no longer open: the customer can start a new one for the same piece.
    const again = await requestReturn({ orderNumber: o.orderNumber, email: o.email, kind: 'return', reason: 'Sent it again' });
    expect(again).not.toBe(o.rma);
    expect((await detail(o.orderNumber)).rmas.map((r) => r.status)).toEqual(['rejected', 'created']);
  });

  it('is for signed-in staff with the CSRF token only; in transit still counts as the open RMA of the piece', async () => {
    const o = await rmaFor();
    expect((await move(o.rma, { from: 'created', to: 'in_transit' })).statusCode).toBe(200);
    // In transit is still open: a second request for the piece points to this RMA.
    expect(await requestReturn({ orderNumber: o.orderNumber, email: o.email, kind: 'return', reason: 'Again' })).toBe(o.rma);
    expect((await move(o.rma, { from: 'in_transit', to: 'received' }, {})).statusCode).toBe(401);
    expect((await move(o.rma, { from: 'in_transit', to: 'received' }, { cookie: staff.cookie })).statusCode).toBe(403);
    expect((await move('RMA-NOSUCH22', { from: 'created', to: 'in_transit' })).statusCode).toBe(404);
    expect((await detail(o.orderNumber)).rmas.map((r) => r.status)).toEqual(['in_transit']);
    expect((await emails(o.email)).map((m) => m.kind)).toEqual(['rma_created', 'rma_in_transit']);
  });

  it('finds the order by its RMA number in the order search, in any case and without the dash', async () => {
    const o = await rmaFor();
    await rmaFor(); // another order with an RMA, not found
    for (const q of [o.rma, o.rma.toLowerCase(), o.rma.replace('-', '')]) {
      const res = await t.app.inject({ url: `/api/dashboard/orders?q=${encodeURIComponent(q)}`, headers: { cookie: staff.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: { number: string }) => i.number), q).toEqual([o.orderNumber]);
    }
  });
});
