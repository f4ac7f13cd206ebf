import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

describe.each(TEST_DIALECTS)('shortlist on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date('2026-11-20T15:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => clock });
  });
  afterAll(() => t.close());

  const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((i) => i.id);
  const save = (visitorId: string, productId: number) => t.app.inject({ method: 'POST', url: '/api/widget/shortlist', payload: { visitorId, productId } });
  const list = (visitorId: string) => t.app.inject({ url: `/api/widget/shortlist?visitorId=${visitorId}` });

  it('saves, lists and removes pieces for one visitor only', async () => {
    const saved = await save('visitor-a-001', 3);
    expect(saved.statusCode).toBe(201);
    expect(ids(saved)).toEqual([3]);
    expect(ids(await save('visitor-a-001', 7))).toEqual([3, 7]);
    expect(ids(await save('visitor-a-001', 3))).toEqual([3, 7]);
    expect(ids(await list('visitor-b-001'))).toEqual([]);
    expect(saved.json().items[0]).toMatchObject({ id: 3, url: expect.stringMatching(/^\/products\//), price: expect.any(Number) });
    const removed = await t.app.inject({ method: 'DELETE', url: '/api/widget/shortlist/3?visitorId=visitor-a-001' });
    expect(removed.statusCode).toBe(200);
    expect(ids(removed)).toEqual([7]);
    expect(ids(await t.app.inject({ method: 'DELETE', url: '/api/widget/shortlist/3?visitorId=visitor-a-001' }))).toEqual([7]);
    expect((await t.app.services.shortlist.list('visitor-a-001')).map((p) => p.id)).toEqual([7]);
  });

  it('keeps a piece 30 days from when it was last saved', async () => {
    await save('visitor-c-001', 5);
    clock = new Date('2026-12-19T15:00:00.000Z');
    expect(ids(await list('visitor-c-001'))).toEqual([5]);
    clock = new Date('2026-12-20T15:00:01.000Z');
    expect(ids(await list('visitor-c-001'))).toEqual([]);
    clock = new Date('2026-11-20T15:00:00.000Z');
  });

  it('refuses unknown pieces and bad visitor ids', async () => {
    expect((await save('visitor-d-001', 999_999)).statusCode).toBe(404);
    expect((await save('no', 5)).statusCode).toBe(400);
    expect((await list('bad visitor')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/widget/shortlist' })).statusCode).toBe(400);
  });
});
