// The stale-request guard: whatever order answers arrive in, only the latest request's answer is used, and starting a
// request aborts the one before it.
import { describe, expect, it } from 'vitest';
import { createLatest } from './fetching';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createLatest', () => {
  it('an older answer arriving after a newer one is dropped, and the older request was aborted', async () => {
    const latest = createLatest();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const signals: AbortSignal[] = [];
    const first = latest.run((signal) => (signals.push(signal), slow.promise));
    const second = latest.run((signal) => (signals.push(signal), fast.promise));
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    fast.resolve('status=resolved');
    slow.resolve('status=open');
    expect(await second).toEqual({ latest: true, value: 'status=resolved' });
    expect(await first).toEqual({ latest: false });
  });

  it('the older request failing (aborted) is not an error to show; the latest one failing is', async () => {
    const latest = createLatest();
    const first = latest.run((signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const second = latest.run(async () => {
      throw new Error('The request failed (500).');
    });
    expect(await first).toEqual({ latest: false });
    expect(await second).toEqual({ latest: true, error: new Error('The request failed (500).') });
  });

  it('answers in order are all used; cancel drops what is in flight', async () => {
    const latest = createLatest();
    expect(await latest.run(async () => 1)).toEqual({ latest: true, value: 1 });
    expect(await latest.run(async () => 2)).toEqual({ latest: true, value: 2 });
    const pending = deferred<number>();
    let aborted = false;
    const run = latest.run((signal) => (signal.addEventListener('abort', () => (aborted = true)), pending.promise));
    latest.cancel();
    pending.resolve(3);
    expect(await run).toEqual({ latest: false });
    expect(aborted).toBe(true);
  });
});
