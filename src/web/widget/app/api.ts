// The widget API client: JSON over fetch, a couple of quick retries that reuse one Idempotency-Key.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

const RETRY_DELAYS_MS = [300, 900];
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The shop switched the concierge off (503 widget_disabled): final, and not a failure of ours. */
export const isSwitchedOff = (error: unknown): boolean => error instanceof ApiError && error.code === 'widget_disabled';

/** Network failures and server errors are worth retrying; a 4xx answer is final, and so is the switch. */
const retryable = (error: unknown) => !(error instanceof ApiError) || ((error.status >= 500 || error.status === 408) && !isSwitchedOff(error));

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
}

export function createApi(base: string) {
  async function attempt<T>(path: string, options: RequestOptions): Promise<T> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const response = await fetch(base + '/api/widget' + path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
    });
    const payload = (await response.json().catch(() => null)) as
      | (T & { error?: { code?: string; message?: string; details?: { fields?: Record<string, string> } } })
      | null;
    if (!response.ok) {
      const error = payload && payload.error;
      throw new ApiError(response.status, (error && error.code) || 'http_' + response.status, (error && error.message) || response.statusText, (error && error.details && error.details.fields) || {});
    }
    return payload as T;
  }

  return {
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      for (let i = 0; ; i++) {
        try {
          return await attempt<T>(path, options);
        } catch (error) {
          const delay = RETRY_DELAYS_MS[i];
          if (delay === undefined || !retryable(error)) throw error;
          await wait(delay);
        }
      }
    },
  };
}

export type Api = ReturnType<typeof createApi>;
