// Moves SQLite's WAL checkpoints off the event loop. A checkpoint ends in an fsync, which on a virtual
// disk stalls the writing connection for tens of milliseconds; a second connection in a worker thread
// can checkpoint (PASSIVE: never blocks readers or writers) while the main thread goes on answering.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = (mode) => { try { db.pragma('wal_checkpoint(' + mode + ')'); } catch { /* busy: the next tick retries */ } };
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint('TRUNCATE');
  db.close();
  parentPort.postMessage('stopped');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Starts background checkpoints of `file`. `onFailure` runs if the worker dies, so the caller can give
 * the checkpoints back to SQLite itself (wal_autocheckpoint) instead of letting the WAL grow.
 */
export function startCheckpointer(file: string, intervalMs: number, onFailure: (error: unknown) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, driver } });
  worker.unref();
  let stopping = false;
  worker.on('error', (error) => {
    if (!stopping) onFailure(error);
  });
  worker.on('exit', (code) => {
    if (!stopping) onFailure(new Error(`checkpoint worker exited with code ${code}`));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (stopping) return resolve();
        stopping = true;
        const timeout = setTimeout(() => void worker.terminate().then(() => resolve()), 2_000);
        worker.once('message', () => {
          clearTimeout(timeout);
          void worker.terminate().then(() => resolve());
        });
        worker.postMessage('stop');
      }),
  };
}
