import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createErrorRateCheck } from './error-rate';
import { ALERT_RETRY, createAlertService } from './service';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

const T0 = new Date('2026-11-20T15:00:00.000Z');

describe.each(TEST_DIALECTS)('alerts on %s', (dialect) => {
  let db: TestDb;
  let hook: WebhookReceiver;
  let clock = new Date(T0);
  const env = () => ({ AURORA_MODE: 'demo', ALERTS_WEBHOOK_URL: hook.url, ALERTS_DEDUPE_MINUTES: '30', ALERTS_ERROR_RATE_THRESHOLD: '0.05', ALERTS_ERROR_RATE_MIN_EVENTS: '40', ALERTS_ERROR_RATE_WINDOW_MINUTES: '15' });

  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
    hook = await startWebhookReceiver();
  });
  afterAll(async () => {
    await hook.stop();
    await db.destroy();
  });
  afterEach(async () => {
    clock = new Date(T0);
    hook.bodies.length = 0;
    hook.status = 200;
    await db.kysely.deleteFrom('alerts').execute();
    await db.kysely.deleteFrom('analytics_events').execute();
  });

  it('posts a Slack-compatible message and drops repeats within the window', async () => {
    const alerts = createAlertService(db, loadConfig(env()), () => clock);
    expect((await alerts.raise('management_escalation', 'ticket:1:management', 'Legal threat on ticket #1 <!channel>', { ticket: 1, reasons: ['legal_threat'] })).raised).toBe(true);
    expect((await alerts.raise('management_escalation', 'ticket:1:management', 'Legal threat on ticket #1')).raised).toBe(false);
    clock = new Date(T0.getTime() + 29 * 60_000);
    expect((await alerts.raise('management_escalation', 'ticket:1:management', 'Legal threat on ticket #1')).raised).toBe(false);
    expect(await alerts.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]!.text).toBe(':rotating_light: Legal threat on ticket #1 &lt;!channel&gt;');
    expect(JSON.stringify(hook.bodies[0]!.blocks)).toContain('*reasons:* legal_threat');

    clock = new Date(T0.getTime() + 31 * 60_000);
    expect((await alerts.raise('management_escalation', 'ticket:1:management', 'Legal threat on ticket #1, again')).raised).toBe(true);
  });

  it('raises once when two instances raise the same alert at the same moment', async () => {
    const one = createAlertService(db, loadConfig(env()), () => clock);
    const two = createAlertService(db, loadConfig(env()), () => clock);
    const results = await Promise.all([one.raise('error_rate', 'error_rate:widget', 'Spike'), two.raise('error_rate', 'error_rate:widget', 'Spike')]);
    expect(results.filter((r) => r.raised)).toHaveLength(1);
  });

  it('keeps an alert pending while the webhook fails and delivers it later', async () => {
    const alerts = createAlertService(db, loadConfig(env()), () => clock);
    await alerts.raise('ticket_overdue', 'ticket:9:overdue', 'Ticket #9 is past its answer-by time');
    hook.status = 503;
    expect(await alerts.worker.runOnce()).toMatchObject({ retried: 1 });
    expect((await alerts.recent())[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('503') });
    hook.status = 200;
    clock = new Date(T0.getTime() + ALERT_RETRY.baseDelayMs);
    expect(await alerts.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(hook.bodies.map((b) => b.text)).toEqual([':alarm_clock: Ticket #9 is past its answer-by time']);
  });

  it('writes alerts to the log when no webhook is configured', async () => {
    const alerts = createAlertService(db, loadConfig({ AURORA_MODE: 'demo' }), () => clock);
    await alerts.raise('error_rate', 'error_rate:widget', 'Spike');
    const logged: string[] = [];
    expect(await alerts.worker.runOnce({ log: (a) => logged.push(a.message) })).toMatchObject({ sent: 1 });
    expect(logged).toEqual(['Spike']);
    expect((await alerts.recent())[0]).toMatchObject({ status: 'sent', transport: 'log' });
  });

  async function events(total: number, errors: number, minutesAgo = 1) {
    const at = new Date(clock.getTime() - minutesAgo * 60_000).toISOString();
    const rows = Array.from({ length: total }, (_, i) => ({ type: i < errors ? 'server_error' : 'message', session_id: null, visitor_hash: null, data: '{}', created_at: at }));
    await db.kysely.insertInto('analytics_events').values(rows).execute();
  }

  it('alerts on a widget error rate over the threshold, with enough volume, once per window', async () => {
    const config = loadConfig(env());
    const alerts = createAlertService(db, config, () => clock);
    const check = createErrorRateCheck(db, config, alerts, () => clock);
    await events(30, 10);
    expect(await check.runOnce()).toMatchObject({ total: 30, errors: 10, alerted: false }); // too few events to judge
    await events(30, 0);
    await events(200, 100, 20); // outside the 15-minute window
    expect(await check.runOnce()).toMatchObject({ total: 60, errors: 10, alerted: true });
    expect(await check.runOnce()).toMatchObject({ alerted: false }); // de-duplicated
    await alerts.worker.runOnce();
    expect(hook.bodies[0]!.text).toBe(':chart_with_upwards_trend: Widget error rate is 16.7% over the last 15 minutes (threshold 5.0%).');
  });

  it('stays quiet under the threshold', async () => {
    const config = loadConfig(env());
    const check = createErrorRateCheck(db, config, createAlertService(db, config, () => clock), () => clock);
    await events(100, 5);
    expect(await check.runOnce()).toMatchObject({ rate: 0.05, alerted: false });
  });
});
