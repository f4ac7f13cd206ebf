import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { MAX_MESSAGE_LENGTH, messageLength } from './message-limit';

// The widget's counter (messageLength) and the API's schema must agree on what 1,000 characters are.
describe.each(TEST_DIALECTS)('the message limit the widget counts is the one the API keeps, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false, env: { WORKERS_ENABLED: 'false', WIDGET_RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => t.close());

  const say = async (text: string) => {
    const sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
    return (await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text } })).statusCode;
  };

  it.each([
    ['plain letters', 'a'],
    ['emoji (two UTF-16 units each)', '💖'],
    ['accented letters', 'é'],
  ])('%s: the limit is accepted, one more is refused', async (_name, unit) => {
    const atLimit = unit.repeat(MAX_MESSAGE_LENGTH);
    expect(messageLength(atLimit)).toBe(MAX_MESSAGE_LENGTH);
    expect(await say(atLimit)).toBe(200);
    expect(messageLength(atLimit + unit)).toBe(MAX_MESSAGE_LENGTH + 1);
    expect(await say(atLimit + unit)).toBe(400);
  });
});
