// The background jobs of one instance: the outbox, alerts, overdue tickets, the error-rate check and retention.
// Every job is safe to run on several instances at once (atomic claims), so each instance runs them all.
import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../../services';
import type { ImapPoller } from '../inbound/imap-poller';

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export function flowJobs(services: Services, log: FastifyBaseLogger): Job[] {
  const { pollSeconds, checkSeconds } = services.config.workers;
  return [
    { name: 'outbox', everyMs: pollSeconds * 1000, run: () => services.mail.worker.runOnce() },
    {
      name: 'alerts',
      everyMs: pollSeconds * 1000,
      run: () => services.alerts.worker.runOnce({ log: (alert) => log.warn({ alert: alert.kind, data: alert.data }, `ALERT: ${alert.message}`) }),
    },
    { name: 'tickets-overdue', everyMs: checkSeconds * 1000, run: () => services.tickets.checkOverdue() },
    { name: 'error-rate', everyMs: checkSeconds * 1000, run: () => services.errorRate.runOnce() },
    // Customers' replies from the shop's mailbox (IMAP_URL); one instance at a time polls, under a lease.
    ...(services.imapPoller ? [imapJob(services.imapPoller, services.config.inbound.imapPollSeconds, log)] : []),
    // Retention (P6) is a set of plain deletes and updates: hourly is plenty, and instances may overlap.
    { name: 'retention', everyMs: 60 * 60 * 1000, run: () => services.retention.run() },
    // Settled days are rolled up before retention deletes their raw events (analytics D5).
    { name: 'analytics-rollup', everyMs: 60 * 60 * 1000, run: () => services.analytics.flush().then(() => services.dashboard.analytics.rollUpSettledDays()) },
  ];
}

function imapJob(poller: ImapPoller, everySeconds: number, log: FastifyBaseLogger): Job {
  return {
    name: 'imap-poll',
    everyMs: everySeconds * 1000,
    run: async () => {
      const result = await poller.pollOnce();
      if (result.skipped) log.warn({ skipped: result.skipped }, 'inbound emails over the size limit were marked read and not threaded');
      return result;
    },
  };
}

/** Hears how each run went (the metrics count runs and failures). */
export type JobObserver = (job: string, outcome: 'ok' | 'failed', seconds: number) => void;

/** Runs each job, then waits its interval; a failing run is logged and retried at the next tick. */
export function createScheduler(jobs: Job[], log: FastifyBaseLogger, observe?: JobObserver) {
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let stopped = true;

  function schedule(job: Job, delayMs: number) {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      // Started inside a promise: a job that throws before its first await is logged like any failure
      // instead of escaping the timer and ending the process.
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      const run = Promise.resolve()
        .then(() => job.run())
        .then(
          () => observe?.(job.name, 'ok', seconds()),
          (error: unknown) => {
            observe?.(job.name, 'failed', seconds());
            log.error({ err: error, job: job.name }, 'background job failed');
          },
        )
        .finally(() => {
          running.delete(run);
          schedule(job, job.everyMs);
        });
      running.add(run);
    }, delayMs);
    timer.unref();
    timers.add(timer);
  }

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      for (const job of jobs) schedule(job, Math.min(job.everyMs, 1000));
    },
    /** Stops scheduling and waits for runs in progress, so the database can close under them safely. */
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
