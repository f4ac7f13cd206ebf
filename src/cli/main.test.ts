// The aurora command's conventions (issue 14 item 6): --help for every command, usage errors with exit code 2 that
// name the problem, configuration errors 78, passwords typed at a terminal without echo, and `aurora backup`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedDemoData } from '../db/seed/index';
import { createAuthService } from '../modules/auth/service';
import { createTestDb, type TestDb } from '../../test/support/db';
import { runCli, USAGE } from './main';
import { runCaptured } from './testing';
import { USERS_COMMANDS } from './users';

const run = runCaptured;

const COMMANDS = ['migrate', 'seed', 'backup', 'flags list', 'flags set', 'import catalog', 'retention run', 'nlu predict', 'nlu eval', 'nlu train'];

describe('aurora: help, usage errors and exit codes', () => {
  it('aurora --help lists every command and the exit codes; no command at all is a usage error', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const { code, out } = await run(args);
      expect(code).toBe(0);
      for (const name of [...COMMANDS, 'users <action>']) expect(out).toContain(`  ${name} `);
      expect(out).toMatch(/Exit codes: 0 done; 1 the command failed.*2 wrong use.*78 bad configuration/s);
    }
    expect(await run([])).toEqual({ code: 2, out: '', err: `${USAGE}\n` });
  });

  it('every command and every users action answers --help with its usage, without touching a database', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }; // unreachable: help must not need it
    for (const name of COMMANDS) {
      const { code, out } = await run([...name.split(' '), '--help'], { env });
      expect(code, name).toBe(0);
      expect(out, name).toMatch(new RegExp(`^Usage: aurora ${name}`));
      expect((await run(['help', ...name.split(' ')], { env })).out).toBe(out);
    }
    for (const action of Object.keys(USERS_COMMANDS)) {
      const { code, out } = await run(['users', action, '-h'], { env });
      expect(code, action).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: aurora users ${action}`));
    }
    expect((await run(['users', '--help'], { env })).out).toMatch(/aurora users add --email E --name N --role agent\|admin \[--generate-password\]/);
    expect((await run(['flags', '--help'], { env })).out).toMatch(/aurora flags set NAME true\|false/);
  });

  it('refuses unknown commands and options, missing values and arguments with exit code 2 and a message naming them', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['migrate', '--force'], /aurora migrate: unknown option --force\.\nUsage: aurora migrate\nRun `aurora migrate --help`/],
      [['backup'], /aurora backup: missing FILE/],
      [['backup', 'a.db', 'b.db'], /unexpected argument "b\.db"/],
      [['retention', 'run', 'now'], /unexpected argument "now"/],
      [['retention', 'later'], /unknown action "later"/],
      [['flags', 'set', 'widget_enabled'], /missing NAME and true\|false/],
      [['flags', 'set', 'widget_enabled', 'maybe'], /the value must be true or false \(got "maybe"\)/],
      [['import', 'catalog', 'products.xml'], /FILE must end in \.csv or \.json/],
      [['nlu', 'eval'], /missing PATH/],
      [['users', 'add', '--email'], /aurora users add: --email needs a value\./],
      // The next word is another flag: refused, never taken as the email.
      [['users', 'add', '--email', '--name', 'Rosa', '--role', 'agent'], /--email needs a value \(got another option after it/],
      [['users', 'add', '--email', 'r@shop.test', '--name', 'Rosa', '--role', 'agent', '--admin'], /unknown option --admin/],
      [['users', 'add', '--email', 'r@shop.test', '--name', 'Rosa', '--role', 'agent', '--password', 'hunter2-hunter2'], /passwords are not taken on the command line/],
      [['users', 'fire', 'r@shop.test'], /unknown action "fire"/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args, { env: { DATABASE_URL: `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-')), 'a.db')}` } });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toMatch(message);
      expect(result.err).not.toContain('hunter2');
      expect(result.out).toBe('');
    }
  });

  it('a bad setting exits with 78 naming the variable; a command that fails exits with 1', async () => {
    const bad = await run(['migrate'], { env: { DATABASE_URL: 'mysql://x' } });
    expect(bad).toMatchObject({ code: 78, err: expect.stringContaining('DATABASE_URL') });
    const missing = await run(['backup', path.join(os.tmpdir(), 'never.db')], { env: { DATABASE_URL: 'sqlite:/nonexistent/aurora.db' } });
    expect(missing).toMatchObject({ code: 1, err: 'No SQLite database at /nonexistent/aurora.db (DATABASE_URL).\n' });
  });
});

describe('aurora users add at a terminal', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb('sqlite');
    await migrateToLatest(db);
  });
  afterAll(() => db.destroy());

  /** A terminal's stdin: raw mode switchable, keys arriving as the user types them. */
  function terminal(keys: string[]) {
    const input = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode(mode: boolean): void; rawModes: boolean[] };
    input.isTTY = true;
    input.rawModes = [];
    input.setRawMode = (mode) => void input.rawModes.push(mode);
    let next = 0;
    // Each prompt gets its keys once the prompt was written (as a person types after reading it).
    return { input, typeNext: () => setTimeout(() => input.write(keys[next++] ?? ''), 5) };
  }

  it('asks twice without echo (raw mode), honours backspace, and the typed password signs in', async () => {
    const { input, typeNext } = terminal(['quartz-lantern-ferry-9x\u007f1\r', 'quartz-lantern-ferry-91\r']);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let shown = '';
    stdout.on('data', (c) => (shown += c));
    stderr.on('data', (c) => {
      shown += c;
      if (/(New password for .*|Type it again): $/.test(String(c))) typeNext();
    });
    const code = await runCli(['users', 'add', '--email', 'tty@shop.test', '--name', 'Tty', '--role', 'agent'], { stdin: input, stdout, stderr, env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
    expect(code).toBe(0);
    expect(shown).toBe('New password for tty@shop.test: \nType it again: \nAdded agent tty@shop.test.\n');
    expect(shown).not.toContain('quartz');
    expect(input.rawModes).toEqual([true, false, true, false]);
    expect((await createAuthService(db.kysely).login('tty@shop.test', 'quartz-lantern-ferry-91')).user.email).toBe('tty@shop.test');
  });

  it('refuses two passwords that differ, creating nothing', async () => {
    const { input, typeNext } = terminal(['quartz-lantern-ferry-91\r', 'quartz-lantern-ferry-19\r']);
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c) => {
      err += c;
      if (/: $/.test(String(c))) typeNext();
    });
    const code = await runCli(['users', 'add', '--email', 'typo@shop.test', '--name', 'Typo', '--role', 'agent'], { stdin: input, stdout: new PassThrough(), stderr, env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
    expect(code).toBe(2);
    expect(err).toMatch(/the two passwords differ/);
    expect(await db.kysely.selectFrom('staff_users').select('email').where('email', '=', 'typo@shop.test').executeTakeFirst()).toBeUndefined();
  });
});

describe('aurora backup', () => {
  let db: TestDb;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDb('sqlite');
    await migrateToLatest(db);
    await seedDemoData(db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-backup-'));
  });
  afterAll(() => db.destroy());

  it('SQLite: an online backup while the database is open and written; restored, it has the rows of the moment', async () => {
    const file = path.join(dir, 'nested', 'aurora-backup.db');
    // The service's connection stays open (and has uncheckpointed pages in its WAL) while the backup runs.
    await db.kysely.updateTable('products').set({ name: 'Backed-up name' }).where('slug', '=', (await db.kysely.selectFrom('products').select('slug').orderBy('id').executeTakeFirstOrThrow()).slug).execute();
    const result = await run(['backup', file], { env: { DATABASE_URL: db.url } });
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/^Backed up .*test\.db to .*aurora-backup\.db: \d+ pages, \d+\.\d MB, in \d+\.\d s \(integrity check ok\)\.\n$/);
    await db.kysely.deleteFrom('order_items').execute(); // after the backup: not in it

    // Restore: the backup file is a database on its own (no -wal needed).
    const restoredFile = path.join(dir, 'restored.db');
    fs.copyFileSync(file, restoredFile);
    const restored = openDatabase(`sqlite:${restoredFile}`);
    try {
      const count = async (table: 'products' | 'orders' | 'order_items') => Number((await restored.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(await count('products')).toBe(240);
      expect(await count('orders')).toBe(360);
      expect(await count('order_items')).toBeGreaterThan(360);
      expect((await restored.kysely.selectFrom('orders').select(['number', 'email']).where('number', '=', 'GG-104233').executeTakeFirstOrThrow()).email).toBe('ava.martinez@example.com');
      expect(await restored.kysely.selectFrom('products').select('name').where('name', '=', 'Backed-up name').executeTakeFirst()).toBeDefined();
      expect(await migrateToLatest(restored)).toEqual([]); // the schema is complete
    } finally {
      await restored.close();
    }
  });

  it('SQLite: refuses to overwrite an existing file', async () => {
    const file = path.join(dir, 'exists.db');
    fs.writeFileSync(file, 'keep me');
    const result = await run(['backup', file], { env: { DATABASE_URL: db.url } });
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('PostgreSQL: prints the pg_dump line (without the password) and says no backup was taken', async () => {
    const result = await run(['backup', 'aurora nightly.dump'], { env: { DATABASE_URL: 'postgres://aurora:s3cret-pass@db.internal:5432/aurora' } });
    expect(result.code).toBe(0);
    expect(result.out).toBe("pg_dump --format=custom --no-owner --file='aurora nightly.dump' postgres://aurora@db.internal:5432/aurora\n");
    expect(result.err).toMatch(/no backup was taken.*PGPASSWORD/s);
    expect(result.err).toMatch(/pg_restore --no-owner --dbname=postgres:\/\/aurora@db\.internal:5432\/aurora 'aurora nightly\.dump'/);
    expect(result.out + result.err).not.toContain('s3cret');
  });

  it('PostgreSQL: a password given as a query parameter stays out of the printed lines too', async () => {
    const result = await run(['backup', 'nightly.dump'], { env: { DATABASE_URL: 'postgres://aurora@db.internal:5432/aurora?sslmode=require&password=s3cret-pass&sslpassword=k3y-pass' } });
    expect(result.code).toBe(0);
    expect(result.out).toBe("pg_dump --format=custom --no-owner --file=nightly.dump 'postgres://aurora@db.internal:5432/aurora?sslmode=require'\n");
    expect(result.out + result.err).not.toMatch(/s3cret|k3y-pass/);
  });
});
