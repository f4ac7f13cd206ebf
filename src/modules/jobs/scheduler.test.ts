import { describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { createTestApp } from '../../../test/support/app';
import { createScheduler, type Job } from './scheduler';

const errors: unknown[] = [];
const log = { error: (context: unknown) => errors.push(context) } as unknown as FastifyBaseLogger;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduler', () => {
  it('runs each job on its interval, survives a failing run, and stops after the run in progress', async () => {
    const runs: string[] = [];
    let finishing = false;
    const jobs: Job[] = [
      { name: 'fast', everyMs: 20, run: async () => void runs.push('fast') },
      { name: 'flaky', everyMs: 20, run: async () => { runs.push('flaky'); throw new Error('boom'); } },
      { name: 'throws-at-once', everyMs: 20, run: () => { runs.push('throws-at-once'); throw new Error('no connection'); } },
      { name: 'slow', everyMs: 20, run: async () => { await sleep(80); finishing = true; } },
    ];
    const scheduler = createScheduler(jobs, log);
    scheduler.start();
    await sleep(120);
    expect(runs.filter((r) => r === 'fast').length).toBeGreaterThan(1);
    expect(runs.filter((r) => r === 'flaky').length).toBeGreaterThan(1);
    expect(errors).toContainEqual(expect.objectContaining({ job: 'flaky' }));
    expect(runs.filter((r) => r === 'throws-at-once').length).toBeGreaterThan(1);
    expect(errors).toContainEqual(expect.objectContaining({ job: 'throws-at-once' }));
    await scheduler.stop();
    expect(finishing).toBe(true);
    const after = runs.length;
    await sleep(60);
    expect(runs.length).toBe(after);
  });

  it('starts with the listening server and delivers queued mail, and never under app.inject', async () => {
    const t = await createTestApp('sqlite', { seed: false, env: { WORKER_POLL_SECONDS: '0.1' } });
    try {
      const id = await t.app.services.mail.enqueue({ kind: 'test', to: 'ava@example.com', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' });
      await sleep(150);
      expect(await t.app.services.mail.mailbox.get(id)).toMatchObject({ status: 'pending' });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      for (let i = 0; i < 40 && (await t.app.services.mail.mailbox.get(id))?.status !== 'sent'; i++) await sleep(50);
      expect(await t.app.services.mail.mailbox.get(id)).toMatchObject({ status: 'sent', transport: 'mailbox' });
    } finally {
      await t.close();
    }
  });
});
