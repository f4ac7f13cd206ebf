// Start-up time: runs a start command several times and measures the time until /readyz answers 200.
// usage: node bench/startup.mjs [runs] -- <command...>   e.g. node bench/startup.mjs 5 -- npm start
// Every run gets a free port; all runs share one SQLite file that the first (unmeasured) run seeds, so the
// figures are a restart's, not the demo seeding's. Prints each run and the median.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const separator = process.argv.indexOf('--');
const runs = Number(process.argv[2] !== '--' && process.argv[2] ? process.argv[2] : 5);
const command = separator > 0 ? process.argv.slice(separator + 1) : [];
if (command.length === 0 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/startup.mjs [runs] -- <command...>');
  process.exit(2);
}
const database = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-startup-')), 'aurora.db');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startOnce() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${database}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`${command.join(' ')} exited before /readyz answered`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    // npm start runs the server as a grandchild: signal the whole process group.
    if (!exited) {
      const gone = new Promise((resolve) => child.on('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await gone;
    }
  }
}

await startOnce(); // seeds the database; not counted
const times = [];
for (let i = 0; i < runs; i++) {
  const ms = await startOnce();
  times.push(ms);
  console.log(`run ${i + 1}: ${Math.round(ms)} ms`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`${command.join(' ')}: median ${Math.round(median)} ms to /readyz 200 over ${runs} runs (min ${Math.round(sorted[0])}, max ${Math.round(sorted.at(-1))})`);
