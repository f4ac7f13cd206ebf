// `aurora users`: add (with a generated password), list, reset-password, disable, enable; bad input is refused.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../test/support/db';
import { createAuthService } from '../modules/auth/service';
import { runUsersCommand } from './users';

describe.each(TEST_DIALECTS)('aurora users on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
  });
  afterAll(() => db.destroy());

  async function run(...args: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (c) => out.push(String(c)));
    stderr.on('data', (c) => err.push(String(c)));
    const code = await runUsersCommand(db, args, { stdout, stderr });
    return { code, out: out.join(''), err: err.join('') };
  }

  it('adds an account with a generated password that signs in, lists it, resets and disables it', async () => {
    const added = await run('add', '--email', 'Rosa@Shop.test', '--name', 'Rosa Lind', '--role', 'admin');
    expect(added.code).toBe(0);
    const password = /Password: (\S+)/.exec(added.out)![1]!;
    const auth = createAuthService(db.kysely);
    expect((await auth.login('rosa@shop.test', password)).user).toMatchObject({ email: 'rosa@shop.test', role: 'admin' });
    expect((await run('list')).out).toMatch(/rosa@shop\.test\tRosa Lind\tadmin\tactive/);

    const reset = await run('reset-password', 'rosa@shop.test', '--password', 'a-brand-new-password');
    expect(reset.code).toBe(0);
    expect(reset.out).not.toMatch(/Password:/);
    await expect(auth.login('rosa@shop.test', password)).rejects.toThrow(/incorrect/);
    expect((await auth.login('rosa@shop.test', 'a-brand-new-password')).user.email).toBe('rosa@shop.test');

    expect((await run('disable', 'rosa@shop.test')).code).toBe(0);
    await expect(auth.login('rosa@shop.test', 'a-brand-new-password')).rejects.toThrow(/incorrect/);
    expect((await run('enable', 'rosa@shop.test')).code).toBe(0);
  });

  it('refuses a missing role, a duplicate email, a short or guessable password and an unknown account', async () => {
    expect((await run('add', '--email', 'x@shop.test', '--name', 'X', '--role', 'boss')).code).toBe(2);
    await run('add', '--email', 'dup@shop.test', '--name', 'Dup', '--role', 'agent');
    await expect(run('add', '--email', 'dup@shop.test', '--name', 'Dup', '--role', 'agent')).rejects.toThrow(/already exists/);
    await expect(run('add', '--email', 'short@shop.test', '--name', 'S', '--role', 'agent', '--password', 'short')).rejects.toThrow(/at least 12/);
    await expect(run('add', '--email', 'weak@shop.test', '--name', 'W', '--role', 'agent', '--password', 'password1234')).rejects.toThrow(/too easy to guess/);
    await expect(run('reset-password', 'dup@shop.test', '--password', 'qwertyuiop123')).rejects.toThrow(/too easy to guess/);
    await expect(run('disable', 'nobody@shop.test')).rejects.toThrow(/No staff account/);
  });
});
