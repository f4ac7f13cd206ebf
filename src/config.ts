// Environment → typed configuration, read and validated once at start-up.
import path from 'node:path';

export type Mode = 'demo' | 'production';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  databaseUrl: string;
  /** Secret used to sign cookies and derive tokens. */
  sessionSecret: string;
  /** Absolute base URL used in emails and links sent outside the page (no trailing slash). */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed demo data automatically when the database is empty (demo mode only). */
  seedOnEmpty: boolean;
  /** The shop's currency (ISO 4217) used for prices. */
  currency: string;
  integrations: {
    /** HMAC secret of the order webhooks; null disables them. */
    orderWebhookSecret: string | null;
  };
}

export const DEMO_SESSION_SECRET = 'demo-only-session-secret-change-me-in-production';
export const DEMO_ORDER_WEBHOOK_SECRET = 'demo-only-order-webhook-secret';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(name, `must be a whole number from 0 to 65535 (got "${raw}")`);
  }
  return port;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${env[name]}")`);
}

function readDatabaseUrl(env: Env): string {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return `sqlite:${path.join('data', 'aurora.db')}`;
  if (raw.startsWith('sqlite:') && raw.length > 'sqlite:'.length) return raw;
  if (/^postgres(ql)?:\/\/.+/.test(raw)) {
    try {
      new URL(raw);
      return raw;
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
  }
  throw new ConfigError('DATABASE_URL', 'must start with sqlite: or postgres://');
}

function readPublicUrl(env: Env, host: string, port: number): string {
  const raw = env.PUBLIC_URL;
  if (raw === undefined || raw === '') return `http://${host}:${port}`;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return raw.replace(/\/+$/, '');
  } catch {
    throw new ConfigError('PUBLIC_URL', `must be an http(s) URL (got "${raw}")`);
  }
}

/** Reads the configuration from an environment; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const mode = readEnum<Mode>(env, 'AURORA_MODE', ['demo', 'production'], 'demo');
  const port = readPort(env, 'PORT', 3000);
  const host = env.HOST || '127.0.0.1';
  const sessionSecret = env.SESSION_SECRET || (mode === 'demo' ? DEMO_SESSION_SECRET : '');
  if (mode === 'production') {
    if (!sessionSecret || sessionSecret === DEMO_SESSION_SECRET) {
      throw new ConfigError('SESSION_SECRET', 'must be set to your own secret in production mode (the demo default is refused)');
    }
  }
  if (sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
  }
  const orderWebhookSecret = env.ORDER_WEBHOOK_SECRET || (mode === 'demo' ? DEMO_ORDER_WEBHOOK_SECRET : null);
  if (mode === 'production' && orderWebhookSecret === DEMO_ORDER_WEBHOOK_SECRET) {
    throw new ConfigError('ORDER_WEBHOOK_SECRET', 'must not be the demo secret in production mode');
  }
  const currency = (env.SHOP_CURRENCY || 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError('SHOP_CURRENCY', `must be a 3-letter ISO 4217 code (got "${env.SHOP_CURRENCY}")`);
  return {
    mode,
    port,
    host,
    databaseUrl: readDatabaseUrl(env),
    sessionSecret,
    publicUrl: readPublicUrl(env, host, port),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, mode === 'production' ? 'info' : 'info'),
    seedOnEmpty: mode === 'demo' && readBoolean(env, 'SEED_ON_EMPTY', true),
    currency,
    integrations: { orderWebhookSecret },
  };
}
