// Production on a database that was used in demo mode: it refuses to start until `aurora users remove-demo` ran.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { runUsersCommand } from '../../cli/users';
import { createTestApp, TEST_PRODUCTION_SECRET } from '../../../test/support/app';
import { TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { DEMO_STAFF } from './demo';

const OWNER_PASSWORD = 'quartz-lantern-ferry-91';
const production = loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: TEST_PRODUCTION_SECRET, LOG_LEVEL: 'silent' });

describe.each(TEST_DIALECTS)('demo staff and production mode on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    // A demo start seeds the two demo accounts; the database is then reused in production.
    const demo = await createTestApp(dialect, { seed: false });
    await demo.app.services.staff.add({ email: 'owner@shop.test', name: 'Owner', role: 'admin', password: OWNER_PASSWORD }, null);
    await demo.app.close();
    db = demo.db;
  });
  afterAll(() => db.destroy());

  async function run(...args: string[]) {
    const stdout = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (chunk) => out.push(String(chunk)));
    const code = await runUsersCommand(db, args, { stdout, stderr: new PassThrough() });
    return { code, out: out.join('') };
  }

  it('refuses to start while the demo accounts exist, naming them and the command that removes them', async () => {
    await expect(buildApp(production, { db, logger: false })).rejects.toThrow(
      /refuses to start.*admin@glowglitch\.test, agent@glowglitch\.test.*npx aurora users remove-demo/,
    );
  });

  it('starts once `aurora users remove-demo` removed them; the demo password no longer signs in, other staff stay', async () => {
    const removed = await run('remove-demo');
    expect(removed).toEqual({ code: 0, out: 'Removed the demo accounts admin@glowglitch.test, agent@glowglitch.test and their sessions.\n' });
    expect((await run('remove-demo')).out).toBe('No demo accounts in this database.\n');

    const app = await buildApp(production, { db, logger: false });
    try {
      const admin = DEMO_STAFF[0];
      const demoLogin = await app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: admin.email, password: admin.password } });
      expect(demoLogin.statusCode).toBe(401);
      const ownerLogin = await app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: 'owner@shop.test', password: OWNER_PASSWORD } });
      expect(ownerLogin.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
