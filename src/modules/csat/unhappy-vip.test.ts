// A VIP's rating of 1–2 raises the unhappy-VIP alert at once (issue 12 item 1); a standard customer's does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { startWebhookReceiver, type WebhookReceiver } from '../alerts/testing/webhook-receiver';

describe.each(TEST_DIALECTS)('unhappy VIP ratings on %s', (dialect) => {
  let t: TestApp;
  let hook: WebhookReceiver;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
    t = await createTestApp(dialect, { now: () => SEED_NOW, env: { ALERTS_WEBHOOK_URL: hook.url, WORKERS_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await t.close();
    await hook.stop();
  });

  /** A conversation whose customer proved their email with an order lookup. */
  async function conversationOf(orderNumber: string, email: string): Promise<string> {
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
    const lookup = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/order_lookup`, payload: { orderNumber, email } });
    expect(lookup.statusCode).toBe(200);
    return sessionId;
  }
  const rate = (sessionId: string, rating: number, comment?: string) =>
    t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/csat`, payload: { rating, comment, trigger: 'flow_completed' } });
  const unhappyAlerts = async () => (await t.app.services.alerts.recent(100)).filter((a) => a.kind === 'unhappy_vip');

  it('a VIP rating 1 star alerts the team once, with a link to the conversation; a standard 1 star or a VIP 3 does not', async () => {
    await rate(await conversationOf('GG-104234', 'ava.martinez@example.com'), 1, 'Bad');
    await rate(await conversationOf('GG-104237', 'olivia.chen@example.com'), 3);
    expect(await unhappyAlerts()).toHaveLength(0);
    const sessionId = await conversationOf('GG-104235', 'olivia.chen@example.com');
    expect((await rate(sessionId, 1, 'Worst service ever')).statusCode).toBe(200);
    expect((await rate(sessionId, 2, 'Still bad')).statusCode).toBe(200); // changed: the same incident
    expect(await unhappyAlerts()).toHaveLength(1);
    await t.app.services.alerts.worker.runOnce();
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]!.text).toContain('Unhappy VIP: Olivia Chen rated the concierge 1 of 5.');
    expect(JSON.stringify(hook.bodies[0]!.blocks)).toContain(`/dashboard/conversations/${sessionId}`);
  });

});
