// The compiled production build (issue 14 item 3): `npm run build:server` writes dist/server/, and the server it
// compiled starts with plain node (no tsx), migrates and seeds a fresh SQLite file, answers /readyz and serves the
// store's assets and seeded catalog from the project folder; `aurora` in production mode runs the compiled CLI.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/project-root';

const run = promisify(execFile);
const root = fromRoot();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('the compiled server (dist/server)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-build-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'aurora.db')}`, LOG_LEVEL: 'warn', HOST: '127.0.0.1', NODE_OPTIONS: '' };
  let server: ChildProcess | undefined;
  let base = '';
  let stderr = '';

  beforeAll(async () => {
    const { stdout } = await run(process.execPath, ['scripts/build-server.mjs'], { cwd: root });
    expect(stdout).toMatch(/built dist\/server\/main\.js and dist\/server\/cli\.js/);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Started from another directory: every file it reads is found from the project folder, not the working directory.
    server = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/server/main.js')], { cwd: dir, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
    server.stderr!.on('data', (chunk) => (stderr += chunk));
    const deadline = Date.now() + 50_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the compiled server exited (${server.exitCode}): ${stderr}`);
      const ready = await fetch(`${base}/readyz`).then((r) => r.status === 200, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`no /readyz 200 within 50 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 90_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });

  it('is plain JavaScript that does not load tsx', () => {
    const files = fs.readdirSync(fromRoot('dist/server')).filter((name) => name.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['main.js', 'cli.js']));
    for (const name of files) expect(fs.readFileSync(fromRoot('dist/server', name), 'utf8')).not.toMatch(/from "tsx|\.ts"/);
  });

  it('answers /readyz, serves the seeded catalog (migrations and seed ran) and the store assets', async () => {
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
    const products = await fetch(`${base}/api/products?pageSize=1`);
    expect(products.status).toBe(200);
    expect(((await products.json()) as { total: number }).total).toBe(240);
    const css = await fetch(`${base}/assets/store.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toBe(fs.readFileSync(fromRoot('src/web/store/assets/store.css'), 'utf8'));
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/GlowGlitch/);
  });

  it('serves the built dashboard and widget bundles when `npm run build:web` made them', async () => {
    if (!fs.existsSync(fromRoot('dist/dashboard/index.html'))) return; // npm test builds them before vitest
    expect((await fetch(`${base}/dashboard/login`)).status).toBe(200);
    const widget = await fetch(`${base}/widget.js`);
    expect(widget.status).toBe(200);
    expect(await widget.text()).toBe(fs.readFileSync(fromRoot('dist/widget-loader/widget.js'), 'utf8'));
  });

  it('bin/aurora.js runs the compiled CLI in production mode', async () => {
    const production = { ...env, AURORA_MODE: 'production', SESSION_SECRET: 'c0ffee4e9a1b7d2f83e6b5a0d9c47f1e2b8a6d3c5f7e9a1b' };
    const { stdout } = await run(process.execPath, [path.join(root, 'bin/aurora.js'), 'migrate'], { cwd: dir, env: production });
    expect(stdout).toMatch(/Migrations are up to date\./);
  });
});
