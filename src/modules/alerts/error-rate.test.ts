// Audit item 12: anyone could post widget `error` events and so raise the error-rate alert. The alert counts the
// failures the server itself saw (server_error events), so forged reports change nothing and real ones still alert.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

describe.each(TEST_DIALECTS)('the widget error-rate alert on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      env: { WORKERS_ENABLED: 'false', WIDGET_RATE_LIMIT_PER_MINUTE: '100000', ALERTS_ERROR_RATE_THRESHOLD: '0.05', ALERTS_ERROR_RATE_MIN_EVENTS: '20', ALERTS_ERROR_RATE_WINDOW_MINUTES: '15' },
    });
  });
  afterAll(() => t.close());

  const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/widget/events', payload });

  it('500 forged error events from one session do not raise it', async () => {
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
    await post({ type: 'widget_loaded', sessionId });
    const answers = await Promise.all(Array.from({ length: 500 }, () => post({ type: 'error', sessionId, data: { status: 500 } })));
    expect(answers.every((a) => a.statusCode === 202)).toBe(true);
    expect(await t.app.services.errorRate.runOnce()).toMatchObject({ errors: 0, alerted: false });
    expect(await t.db.kysely.selectFrom('alerts').select('id').execute()).toHaveLength(0);
  });

  it('widget requests the server fails still raise it', async () => {
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
    await Promise.all(Array.from({ length: 20 }, () => post({ type: 'widget_opened', sessionId })));
    // A real failure: the ratings table is gone, so every rating answers 500.
    await sql`drop table csat_ratings`.execute(t.db.kysely);
    const failed = await Promise.all(Array.from({ length: 10 }, () => t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/csat`, payload: { rating: 5 } })));
    expect(failed.every((a) => a.statusCode === 500)).toBe(true);
    // A deliberate refusal (here a 400) is not a server error.
    expect((await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/csat`, payload: { rating: 9 } })).statusCode).toBe(400);
    expect(await t.app.services.errorRate.runOnce()).toMatchObject({ errors: 10, alerted: true });
    const [alert] = await t.db.kysely.selectFrom('alerts').selectAll().execute();
    expect(alert).toMatchObject({ kind: 'error_rate' });
  });
});
