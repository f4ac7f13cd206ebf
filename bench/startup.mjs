// Start-up time: runs a start command several times and measures the time until /readyz answers 200.
// usage: node bench/startup.mjs [runs] -- <command...>   e.g. node bench/startup.mjs 5 -- npm start
// Every run gets a free port; all runs share one SQLite file that the first (unmeasured) run seeds, so the
// figures are a restart's, not the demo seeding's. Prints each run and the medians of the wall time and of the CPU
// time the command's processes used until then (Linux /proc; it moves much less than wall time on a busy machine).
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

const TICK_MS = 10; // Linux USER_HZ: /proc times are in 1/100 s

/** CPU milliseconds of the process group so far: live processes, and the children they have reaped (cutime). */
function groupCpuMs(pgid) {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state ppid pgrp ... utime(14) stime(15) cutime(16) cstime(17), counted from field 3.
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks * TICK_MS;
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
      if (ok) return { ms: performance.now() - started, cpuMs: groupCpuMs(child.pid) };
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
const cpu = [];
for (let i = 0; i < runs; i++) {
  const { ms, cpuMs } = await startOnce();
  times.push(ms);
  cpu.push(cpuMs);
  console.log(`run ${i + 1}: ${Math.round(ms)} ms, CPU ${cpuMs} ms`);
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
console.log(
  `${command.join(' ')}: median ${Math.round(median(times))} ms to /readyz 200 (min ${Math.round(Math.min(...times))}, max ${Math.round(Math.max(...times))}), median CPU ${Math.round(median(cpu))} ms, over ${runs} runs; load ${os.loadavg()[0].toFixed(1)}`,
);
