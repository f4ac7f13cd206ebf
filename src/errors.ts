// The one error type of the service: a code, an HTTP status and a message safe to show a client.

export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'widget_disabled'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  widget_disabled: 503,
  internal: 500,
};

/** Every code an error body can carry (the OpenAPI error schema lists them). */
export const ERROR_CODES = Object.keys(STATUS) as ErrorCode[];

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const invalid = (message: string, details?: Record<string, unknown>) => new AppError('invalid_request', message, details);
