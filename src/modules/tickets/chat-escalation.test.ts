// A management trigger said in chat reaches the queue without any form (issue 12 item 1): a flagged, top-priority
// ticket with the transcript, one alert, a truthful reply, and the form afterwards adding to the same ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

type Block = { type: string; text?: string; form?: string };

describe.each(TEST_DIALECTS)('management tickets from chat on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW, env: { WORKERS_ENABLED: 'false' } });
  });
  afterAll(() => t.close());

  const session = async () => (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
  const say = async (sessionId: string, text: string) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text } });
    expect(res.statusCode).toBe(200);
    return res.json() as { replies: Block[] };
  };
  const ticketsOf = (sessionId: string) => t.db.kysely.selectFrom('tickets').selectAll().where('conversation_id', '=', sessionId).execute();
  const managementAlertsFor = async (ticketId: number) =>
    (await t.app.services.alerts.recent(500)).filter((a) => a.kind === 'management_escalation' && JSON.parse(a.data).ticket === ticketId);

  it('a legal threat about a double charge opens a flagged, urgent ticket with the transcript and alerts once', async () => {
    const sessionId = await session();
    await say(sessionId, 'Hi, I have a question about my order');
    const message = 'I was charged twice for order GG-104235, I am going to sue you';
    const { replies } = await say(sessionId, message);

    const quiet = await session();
    await say(quiet, 'Do you have rose gold rings under $500?');
    expect(await ticketsOf(quiet)).toHaveLength(0); // an ordinary question opens none

    const [ticket, ...others] = await ticketsOf(sessionId);
    expect(others).toHaveLength(0);
    expect(ticket).toMatchObject({ management: 1, priority: 'urgent', channel: 'chat', status: 'open', answer_by: '2026-11-20T16:00:00.000Z' });
    expect(JSON.parse(ticket!.reasons)).toEqual(expect.arrayContaining(['legal_threat', 'financial_error']));
    const transcript = JSON.parse(ticket!.transcript) as { role: string; text?: string }[];
    expect(transcript.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual(['Hi, I have a question about my order', message]);
    expect(await managementAlertsFor(ticket!.id)).toHaveLength(1);

    // The customer is told the truth: the team already has it, when, and how they will be reached.
    const last = replies.filter((b) => b.type === 'text').at(-1)!;
    expect(last.text).toContain(`I've already alerted our team: this is ticket #${ticket!.id}`);
    expect(last.text).toContain('by 11:00 AM today (ET)');
    expect(last.text).toContain('please leave your email in the form');

    // Said again: the same ticket, no second alert.
    await say(sessionId, message);
    expect(await ticketsOf(sessionId)).toHaveLength(1);
    expect(await managementAlertsFor(ticket!.id)).toHaveLength(1);

    // The form afterwards fills in who to reach on the same ticket instead of opening another.
    const form = await t.app.inject({
      method: 'POST',
      url: `/api/widget/sessions/${sessionId}/forms/stylist`,
      payload: { name: 'Olivia Chen', email: 'olivia.chen@example.com', message: 'Please call me about the double charge.', urgent: true },
    });
    expect(form.statusCode).toBe(200);
    expect(form.json().ticket.id).toBe(ticket!.id);
    const after = await ticketsOf(sessionId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ email: 'olivia.chen@example.com', customer_name: 'Olivia Chen', tier: 'vip' });
  });

  it('with the email known from an order lookup, the reply says where the team will write', async () => {
    const sessionId = await session();
    const lookup = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/order_lookup`, payload: { orderNumber: 'GG-104235', email: 'olivia.chen@example.com' } });
    expect(lookup.statusCode).toBe(200);
    const { replies } = await say(sessionId, 'I was charged twice for this order');
    const [ticket] = await ticketsOf(sessionId);
    expect(ticket).toMatchObject({ management: 1, priority: 'urgent', email: 'olivia.chen@example.com', tier: 'vip' });
    expect(replies.filter((b) => b.type === 'text').at(-1)!.text).toContain('will email you at olivia.chen@example.com by 11:00 AM today (ET)');
    // Already done, so nothing asks for the form any more (a blind walk-through read "send this form" beside "I've already alerted our team").
    expect(replies.some((b) => b.type === 'form')).toBe(false);
    expect(JSON.stringify(replies)).not.toContain('send this form');
    // The order found just before is not shown a second time.
    expect(replies.some((b) => b.type === 'order_status')).toBe(false);
  });

  it('without an email, the form stays to leave one, and nothing says the request still has to be sent', async () => {
    const sessionId = await session();
    const { replies } = await say(sessionId, 'I want a full refund now or I am calling my lawyer');
    expect(replies.find((b) => b.type === 'form')).toMatchObject({ form: 'stylist' });
    expect(JSON.stringify(replies)).not.toContain('send this form');
    expect(replies.filter((b) => b.type === 'text').at(-1)!.text).toContain('please leave your email in the form');
  });
});
