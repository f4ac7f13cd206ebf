// Data fetching that can never show an older answer over a newer one: each new request cancels the one before it
// (AbortController) and an answer that is no longer the latest is dropped, whatever order the answers arrive in.
// useData (components/ui.tsx) is this hook, so every page that loads with useData gets it.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

export type Fetcher<T> = (signal: AbortSignal) => Promise<T>;
/** A page's loader: `background` is true when no person asked for this read (pass it to `api`). */
export type Loader<T> = (signal: AbortSignal, background: boolean) => Promise<T>;
/** Reads again; `background` for a read no person asked for (a timer, a live update). */
export type Reload = (options?: { background?: boolean }) => Promise<void>;

export type Outcome<T> = { latest: true; value: T } | { latest: true; error: unknown } | { latest: false };

/** Runs requests one after another in intent: starting one aborts the previous; only the latest's outcome counts. */
export function createLatest() {
  let current: AbortController | undefined;
  let sequence = 0;
  return {
    async run<T>(fetcher: Fetcher<T>): Promise<Outcome<T>> {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      const mine = ++sequence;
      try {
        const value = await fetcher(controller.signal);
        return mine === sequence ? { latest: true, value } : { latest: false };
      } catch (error) {
        return mine === sequence && !controller.signal.aborted ? { latest: true, error } : { latest: false };
      }
    },
    /** Aborts what is in flight (the page went away). */
    cancel(): void {
      sequence++;
      current?.abort();
      current = undefined;
    },
  };
}

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  status: number | undefined;
  /** The API's `error.details` when it failed (e.g. why something is not found). */
  details: Record<string, unknown> | undefined;
  /** Fetches again for the current key; what is shown stays until the answer comes (or a newer request overtakes it). */
  reload: Reload;
  setData: (data: T) => void;
}

/**
 * Loads `fetcher` whenever `key` changes (typing in a search, switching filters) and on `reload` (a live update):
 * what is shown is always the answer to the latest request. Pass the signal on, `(signal) => api(path, { signal })`,
 * so a request overtaken by a newer one is cancelled, not just ignored.
 */
export function useLatestData<T>(key: string, fetcher: Loader<T>): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<{ message: string; status?: number; details?: Record<string, unknown> } | undefined>(undefined);
  const latest = useRef(createLatest()).current;
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const reload = useCallback<Reload>(async (options) => {
    const outcome = await latest.run((signal) => fetcherRef.current(signal, options?.background === true));
    if (!outcome.latest) return;
    if ('value' in outcome) {
      setData(outcome.value);
      setError(undefined);
    } else {
      const e = outcome.error;
      setError({ message: (e as Error).message, ...(e instanceof ApiError && { status: e.status, details: e.details }) });
    }
  }, [key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => () => latest.cancel(), []);
  return { data, error: error?.message, status: error?.status, details: error?.details, reload, setData };
}

/**
 * For a change sent with the version the page showed: on a 409 (a colleague changed it meanwhile) the page reads the
 * ticket again, so it shows the current state beside the API's message saying what changed; the error goes on.
 */
export function reloadOnConflict(reload: Reload) {
  return async (error: unknown): Promise<never> => {
    if (error instanceof ApiError && error.status === 409) await reload();
    throw error;
  };
}
