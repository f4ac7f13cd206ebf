// `aurora users`: add (with a generated password), list, reset-password, disable, enable; bad input is refused.
// Passwords come from stdin (or a prompt on a terminal), never from argv: --password is refused.
import { PassThrough, Readable } from 'node:stream';
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

  /** Runs the command with `password` as the first line of stdin (a pipe, as in a script). */
  async function runWithStdin(password: string | undefined, ...args: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (c) => out.push(String(c)));
    stderr.on('data', (c) => err.push(String(c)));
    const stdin = Readable.from(password === undefined ? [] : [`${password}\n`]);
    const code = await runUsersCommand(db, args, { stdin, stdout, stderr });
    return { code, out: out.join(''), err: err.join('') };
  }
  const run = (...args: string[]) => runWithStdin(undefined, ...args);

  it('adds an account with a generated password that signs in, lists it, resets and disables it', async () => {
    const added = await run('add', '--email', 'Rosa@Shop.test', '--name', 'Rosa Lind', '--role', 'admin', '--generate-password');
    expect(added.code).toBe(0);
    const password = /Password: (\S+)/.exec(added.out)![1]!;
    const auth = createAuthService(db.kysely);
    expect((await auth.login('rosa@shop.test', password)).user).toMatchObject({ email: 'rosa@shop.test', role: 'admin' });
    expect((await run('list')).out).toMatch(/rosa@shop\.test\tRosa Lind\tadmin\tactive/);

    const reset = await runWithStdin('a-brand-new-password', 'reset-password', 'rosa@shop.test');
    expect(reset.code).toBe(0);
    expect(reset.out).not.toMatch(/Password:/);
    await expect(auth.login('rosa@shop.test', password)).rejects.toThrow(/incorrect/);
    expect((await auth.login('rosa@shop.test', 'a-brand-new-password')).user.email).toBe('rosa@shop.test');

    expect((await run('disable', 'rosa@shop.test')).code).toBe(0);
    await expect(auth.login('rosa@shop.test', 'a-brand-new-password')).rejects.toThrow(/incorrect/);
    expect((await run('enable', 'rosa@shop.test')).code).toBe(0);
  });

  it('refuses a missing role, a duplicate email, a short or guessable password and an unknown account', async () => {
    await expect(run('add', '--email', 'x@shop.test', '--name', 'X', '--role', 'boss', '--generate-password')).rejects.toThrow(/--role must be agent or admin \(got "boss"\)/);
    await run('add', '--email', 'dup@shop.test', '--name', 'Dup', '--role', 'agent', '--generate-password');
    await expect(run('add', '--email', 'dup@shop.test', '--name', 'Dup', '--role', 'agent', '--generate-password')).rejects.toThrow(/already exists/);
    await expect(runWithStdin('short', 'add', '--email', 'short@shop.test', '--name', 'S', '--role', 'agent')).rejects.toThrow(/at least 12/);
    await expect(runWithStdin('password1234', 'add', '--email', 'weak@shop.test', '--name', 'W', '--role', 'agent')).rejects.toThrow(/too easy to guess/);
    await expect(runWithStdin('qwertyuiop123', 'reset-password', 'dup@shop.test')).rejects.toThrow(/too easy to guess/);
    await expect(run('disable', 'nobody@shop.test')).rejects.toThrow(/No staff account/);
  });

  it('takes the password from stdin, refuses --password (argv) without echoing it, and an empty stdin', async () => {
    const added = await runWithStdin('quartz-lantern-ferry-91', 'add', '--email', 'piped@shop.test', '--name', 'Piped', '--role', 'agent');
    expect(added).toMatchObject({ code: 0, out: 'Added agent piped@shop.test.\n' });
    expect((await createAuthService(db.kysely).login('piped@shop.test', 'quartz-lantern-ferry-91')).user.email).toBe('piped@shop.test');

    for (const flag of [['--password', 'quartz-lantern-ferry-92'], ['--password=quartz-lantern-ferry-92']]) {
      const refused = run('add', '--email', 'argv@shop.test', '--name', 'Argv', '--role', 'agent', ...flag);
      await expect(refused).rejects.toThrow(/not taken on the command line.*stdin.*--generate-password/);
      await expect(refused).rejects.not.toThrow(/quartz-lantern-ferry-92/);
    }
    await expect(run('reset-password', 'piped@shop.test', '--password', 'quartz-lantern-ferry-92')).rejects.toThrow(/not taken on the command line/);
    await expect(run('add', '--email', 'empty@shop.test', '--name', 'Empty', '--role', 'agent')).rejects.toThrow(/no password on stdin/);
    expect(await createAuthService(db.kysely).login('piped@shop.test', 'quartz-lantern-ferry-91')).toBeTruthy();
  });
});
