// The sign-in lockout under parallel attempts: each attempt is reserved in the database before its password is
// checked, so at most 5 wrong passwords are checked per lockout, on one instance or several.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase, type Db } from '../../db/connection';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { MAX_FAILED_LOGINS } from './service';

const PASSWORD = 'Velvet-Orchid-Lantern-42';

describe.each(TEST_DIALECTS)('sign-in lockout under parallel attempts on %s', (dialect) => {
  let t: TestApp;
  let second: { app: FastifyInstance; db: Db };
  let accounts = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false });
    // A second instance on the same database, through its own connection.
    const db = openDatabase(t.db.url, { schema: t.db.schema });
    second = { app: await buildApp(t.config, { db, logger: false }), db };
    await second.app.ready();
  });
  afterAll(async () => {
    await second.app.close();
    await second.db.close();
    await t.close();
  });

  async function newAccount(): Promise<string> {
    const email = `lockout${++accounts}@glowglitch.test`;
    await t.app.services.staff.add({ email, name: 'Lockout Test', role: 'agent', password: PASSWORD }, null);
    return email;
  }

  // Each account's attempts come from their own address, so the per-address route limit (60 a minute) plays no part.
  const login = (app: FastifyInstance, email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email, password }, remoteAddress: `192.0.2.${/\d+/.exec(email)![0]}` });

  /** 39 wrong passwords and the right one last, all at once, spread over the given instances. */
  async function burst(email: string, apps: FastifyInstance[]) {
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 39 ? PASSWORD : `wrong-password-${i}`));
    const checkedBefore = apps.reduce((sum, app) => sum + app.services.auth.passwordChecks(), 0);
    const answers = await Promise.all(attempts.map((password, i) => login(apps[i % apps.length]!, email, password)));
    const checked = apps.reduce((sum, app) => sum + app.services.auth.passwordChecks(), 0) - checkedBefore;
    return { codes: answers.map((a) => a.statusCode), checked };
  }

  it('40 simultaneous attempts on one account: at most 5 passwords checked, and the right one, sent last, does not get in', async () => {
    const email = await newAccount();
    const { codes, checked } = await burst(email, [t.app]);
    expect(checked).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(codes[39]).toBe(429);
    expect(codes.filter((c) => c === 200)).toHaveLength(0);
    expect(codes.filter((c) => c === 401).length).toBeLessThan(MAX_FAILED_LOGINS);
    // Still locked afterwards, and the right password is not even checked.
    const before = t.app.services.auth.passwordChecks();
    expect((await login(t.app, email, PASSWORD)).statusCode).toBe(429);
    expect(t.app.services.auth.passwordChecks()).toBe(before);
  });

  it('two instances on one database share the lockout: at most 5 passwords checked between them', async () => {
    const email = await newAccount();
    const { codes, checked } = await burst(email, [t.app, second.app]);
    expect(checked).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(codes[39]).toBe(429);
    expect(codes.filter((c) => c === 200)).toHaveLength(0);
    expect((await login(second.app, email, PASSWORD)).statusCode).toBe(429);
    expect((await login(t.app, email, PASSWORD)).statusCode).toBe(429);
  });

  it('a disabled account answers a right password exactly like a wrong one', async () => {
    const email = await newAccount();
    const member = (await t.app.services.staff.findByEmail(email))!;
    await t.app.services.staff.disable(member.id, null);
    const right = await login(t.app, email, PASSWORD);
    const wrong = await login(t.app, email, 'wrong-password-0');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(wrong.json());
    expect(right.body).not.toMatch(/disabled/i);
  });
});
