import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

describe.each(TEST_DIALECTS)('CSAT on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false, env: { WORKERS_ENABLED: 'false' } });
  });
  afterAll(() => t.close());

  const session = async () => (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
  const rate = (sessionId: string, body: object) => t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/csat`, payload: body });

  it('keeps one rating per session, which the customer can change', async () => {
    const sessionId = await session();
    const first = await rate(sessionId, { rating: 5, comment: 'Found the perfect ring!', trigger: 'flow_completed' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rating: { rating: 5, comment: 'Found the perfect ring!', trigger: 'flow_completed' } });
    expect(first.json().replies[0].text).toContain('Thank you for rating us 5 of 5.');

    const changed = (await rate(sessionId, { rating: 2, trigger: 'widget_closed' })).json();
    expect(changed.rating).toMatchObject({ rating: 2, comment: null, trigger: 'widget_closed' });
    expect(changed.replies[0].text).toContain('we updated your rating to 2 of 5');
    expect(changed.replies[1]).toMatchObject({ type: 'form', form: 'stylist' });

    const rows = await t.db.kysely.selectFrom('csat_ratings').selectAll().where('conversation_id', '=', sessionId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 2 });
    const transcript = (await t.app.inject({ url: `/api/widget/sessions/${sessionId}` })).json().messages as { role: string; text?: string }[];
    expect(transcript.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual(['Rated 5 of 5: Found the perfect ring!', 'Rated 2 of 5']);
  });

  it('answers a complaint in the comment with an apology and a stylist, even at four stars', async () => {
    const res = await rate(await session(), { rating: 4, comment: 'could not find hoops', trigger: 'widget_closed' });
    expect(res.statusCode).toBe(200);
    const replies = res.json().replies as { type: string; text?: string; form?: string; prefill?: object }[];
    expect(replies[0]!.text).toMatch(/^Thank you for rating us 4 of 5\. I'm sorry we fell short there\. Your comment goes to the GlowGlitch team/);
    expect(replies[0]!.text).not.toMatch(/glad/i);
    expect(replies[1]).toEqual({ type: 'form', form: 'stylist', prefill: { message: 'could not find hoops' } });
  });

  it.each([
    [{ rating: 0 }, 'rating'],
    [{ rating: 6 }, 'rating'],
    [{ rating: 3.5 }, 'rating'],
    [{}, 'rating'],
    [{ rating: 4, comment: 'x'.repeat(1001) }, 'comment'],
    [{ rating: 4, trigger: 'bored' }, 'trigger'],
  ])('rejects %j with a field error', async (body, field) => {
    const res = await rate(await session(), body);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.details.fields)).toContain(field);
  });

  it('answers 404 for an unknown session', async () => {
    expect((await rate('cs_AAAAAAAAAAAAAAAAAAAAAA', { rating: 4 })).statusCode).toBe(404);
  });
});
