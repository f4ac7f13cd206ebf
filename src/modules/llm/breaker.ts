// A circuit breaker per instance: after a few failed model turns in a row the endpoint is left alone for a while
// (every turn meanwhile is the built-in engine's at once), then one turn tries it again.

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failures: number;
  /** How long it stays open. */
  openMs: number;
  now: () => number;
}

export const DEFAULT_BREAKER = { failures: 3, openMs: 30_000 };

export function createBreaker({ failures, openMs, now }: BreakerOptions) {
  let consecutive = 0;
  let openUntil = 0;
  let trial = false;
  return {
    /** Whether this turn may call the model; when the open time is over, one turn at a time tries it. */
    allow(): boolean {
      if (consecutive < failures) return true;
      if (now() < openUntil || trial) return false;
      trial = true;
      return true;
    },
    succeeded(): void {
      consecutive = 0;
      trial = false;
    },
    failed(): void {
      consecutive += 1;
      trial = false;
      if (consecutive >= failures) openUntil = now() + openMs;
    },
    get open(): boolean {
      return consecutive >= failures && now() < openUntil;
    },
  };
}

export type Breaker = ReturnType<typeof createBreaker>;
