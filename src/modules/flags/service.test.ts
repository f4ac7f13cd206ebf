import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createFlagService, FLAG_CACHE_MS } from './service';

describe.each(TEST_DIALECTS)('feature flags across instances on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
  });
  afterAll(() => db.destroy());

  it('a switch applies at once where it was made and within FLAG_CACHE_MS on every other instance', async () => {
    let ms = 0;
    const clock = () => ms;
    const here = createFlagService(db.kysely, undefined, { clock });
    const elsewhere = createFlagService(db.kysely, undefined, { clock });
    expect(await here.isEnabled('widget_enabled')).toBe(true);
    expect(await elsewhere.isEnabled('widget_enabled')).toBe(true);

    await here.set('widget_enabled', false, 'admin@example.com');
    expect(await here.isEnabled('widget_enabled')).toBe(false);
    ms += FLAG_CACHE_MS;
    expect(await elsewhere.isEnabled('widget_enabled')).toBe(false);
    expect((await elsewhere.list()).find((flag) => flag.name === 'widget_enabled')).toMatchObject({ enabled: false, updatedBy: 'admin@example.com' });

    // The command line is one more instance: its switch back on reaches the server by the same bound.
    await createFlagService(db.kysely).set('widget_enabled', true, 'cli');
    ms += FLAG_CACHE_MS;
    expect(await here.isEnabled('widget_enabled')).toBe(true);
  });

  it('refuses an unknown flag with a 400 that lists the known ones', async () => {
    await expect(createFlagService(db.kysely).set('nope', true)).rejects.toMatchObject({ status: 400, message: expect.stringContaining('widget_enabled') });
  });
});
