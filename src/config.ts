// Environment → typed configuration, read and validated once at start-up.
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import {
  DEFAULT_BUSINESS_HOURS_SPEC,
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  parseHolidays,
  parseWeeklySchedule,
  type BusinessHours,
} from './modules/tickets/business-hours';
import type { VisitorEmailCaps } from './modules/limits/visitor-emails';
import { MIN_SECRET_LENGTH, weakSecretReason } from './secret-strength';
import { isCurrencyCode } from './modules/catalog/currency';

export type Mode = 'demo' | 'production';

/** Fastify's `trustProxy`: false, a hop count, or proxy addresses, CIDRs and proxy-addr's names (loopback, linklocal, uniquelocal). */
export type TrustProxy = false | number | string[];

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  /** Which proxies may name the client in X-Forwarded-For: none (the socket address is the client), a hop count, or addresses/CIDRs. */
  trustProxy: TrustProxy;
  databaseUrl: string;
  /** PostgreSQL connections per instance. */
  pgPoolMax: number;
  /** Secret used to sign cookies and derive tokens. */
  sessionSecret: string;
  /** Absolute base URL used in emails and links sent outside the page (no trailing slash). */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed demo data automatically when the database is empty (demo mode only). */
  seedOnEmpty: boolean;
  /** With the demo data, four weeks of concierge activity (conversations, tickets, ratings, analytics). */
  seedDemoActivity: boolean;
  /** Serve the demo storefront (/, /catalog, /cart, /checkout, ...); a real shop has its own. */
  storeEnabled: boolean;
  /** The shop's currency (ISO 4217) used for prices. */
  currency: string;
  widget: {
    /** Origins whose pages may call the widget API (CORS); `*` allows any. */
    allowedOrigins: string[];
    /** Widget API requests per minute per client address (per instance). */
    rateLimitPerMinute: number;
    /** Emails a visitor's forms may trigger per hour, per recipient, session and client address (in the database). */
    visitorEmails: VisitorEmailCaps;
  };
  /** The shop's FAQ articles (JSON); null uses the bundled data/knowledge-base.json. */
  knowledgeBaseFile: string | null;
  integrations: {
    /** HMAC secret of the order webhooks; null disables them. */
    orderWebhookSecret: string | null;
  };
  /** The shop as customers see it in emails and on the return label. */
  shop: {
    name: string;
    returnAddress: string[];
    /** Where customers reach the team when the concierge is switched off: a page (URL or path under this service) and an email. */
    contactUrl: string | null;
    contactEmail: string | null;
  };
  returns: ReturnsPolicy;
  /** Opening hours for stylist answer-by times, and how many business hours each tier waits. */
  businessHours: BusinessHours & { standardHours: number; vipHours: number; managementHours: number };
  mail: {
    /** smtp://user:pass@host:587 (or smtps://); null: demo mode keeps mail in the local mailbox, production keeps it pending. */
    smtpUrl: string | null;
    from: string;
  };
  /** Customers' replies by email (issue 12): the team's address, and the two ways mail comes in. */
  inbound: {
    /** support@shop.example: ticket emails get Reply-To support+<tag>@…; null: no tags, no inbound mail. */
    supportEmail: string | null;
    /** The built-in SMTP listener's port; null: off. */
    smtpPort: number | null;
    smtpHost: string;
    /** PEM files for STARTTLS on the listener (both or neither); null: plain SMTP only. */
    smtpTls: { certFile: string; keyFile: string } | null;
    /** imap(s)://user:pass@host:port/MAILBOX to poll; null: off. */
    imapUrl: string | null;
    imapPollSeconds: number;
  };
  alerts: {
    /** Slack-compatible incoming webhook; null: alerts are written to the log only. */
    webhookUrl: string | null;
    dedupeMinutes: number;
    errorRateThreshold: number;
    errorRateMinEvents: number;
    errorRateWindowMinutes: number;
  };
  analytics: {
    /** How long widget events wait in memory before they are written together (0: at once). */
    flushMs: number;
  };
  catalog: {
    /** How long the concierge recommends from an in-memory snapshot of available pieces (0: always the database). */
    snapshotMs: number;
  };
  /** Optional LLM mode (issue 13, P9): an OpenAI-compatible endpoint; null (LLM_BASE_URL unset): the built-in engine only. */
  llm: LlmConfig | null;
  /** Prometheus metrics (/metrics): off unless a token or a local port is set. */
  metrics: {
    /** Bearer token that opens /metrics on the main port; null: not served there. */
    token: string | null;
    /** A second port on 127.0.0.1 serving only /metrics, without a token; null: none. */
    port: number | null;
  };
  workers: {
    /** Run the outbox, alerts and answer-by checks in this process. */
    enabled: boolean;
    pollSeconds: number;
    checkSeconds: number;
  };
}

export interface LlmConfig {
  /** e.g. http://127.0.0.1:11434/v1; requests go to {baseUrl}/chat/completions. No trailing slash. */
  baseUrl: string;
  apiKey: string | null;
  model: string;
  /** The whole model turn (every round of tool calls); past it the built-in engine answers. */
  timeoutMs: number;
  /** Tokens one conversation may spend, and all conversations together per UTC day. */
  tokensPerConversation: number;
  tokensPerDay: number;
  /** Price of 1,000 tokens (prompt and completion alike) in SHOP_CURRENCY, for the cost figures. */
  pricePer1kTokens: number;
}

export interface ReturnsPolicy {
  returnWindowDays: number;
  resizeWindowDays: number;
  /** The promise printed on the label and in the email: ship within N days for a full refund. */
  shipWithinDays: number;
  minRingSize: number;
  maxRingSize: number;
  /** A resize by more than this many sizes goes to a stylist. */
  maxSizeChange: number;
  /** Words in an item's name that make a resize a stylist job (intricate designs). */
  stylistDesigns: string[];
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

function readNumber(env: Env, name: string, fallback: number, range: { min: number; max: number; integer?: boolean }): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) {
    throw new ConfigError(name, `must be a ${range.integer ? 'whole ' : ''}number from ${range.min} to ${range.max} (got "${raw}")`);
  }
  return value;
}

function readUrl(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  try {
    if (protocols.includes(new URL(raw).protocol)) return raw;
  } catch {
    // reported below
  }
  throw new ConfigError(name, `must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`);
}

function readParsed<T>(env: Env, name: string, fallback: string, parse: (spec: string) => T): T {
  try {
    return parse(env[name] || fallback);
  } catch (error) {
    throw new ConfigError(name, (error as Error).message);
  }
}

function readMailSettings(env: Env, mode: Mode): Config['mail'] {
  const smtpUrl = readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  // The demo sender address is not a real mailbox: a shop sending real mail must name its own.
  if (mode === 'production' && smtpUrl && !env.MAIL_FROM) throw new ConfigError('MAIL_FROM', 'must be set when SMTP_URL is set in production mode');
  return { smtpUrl, from: env.MAIL_FROM || '"GlowGlitch Concierge" <concierge@glowglitch.example>' };
}

function isReadableFile(file: string): boolean {
  try {
    accessSync(file, fsConstants.R_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** SUPPORT_EMAIL and the listener/poller that need it; both off unless configured. */
function readInboundSettings(env: Env, mode: Mode): Config['inbound'] {
  const raw = env.SUPPORT_EMAIL;
  const supportEmail = raw === undefined || raw === '' ? (mode === 'demo' ? 'support@glowglitch.example' : null) : raw.trim().toLowerCase();
  // The plus-tag is added to the local part: the address itself must be plain.
  if (supportEmail !== null && !/^[a-z0-9.!#$%&'*/=?^_`{|}~-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(supportEmail)) {
    throw new ConfigError('SUPPORT_EMAIL', `must be a plain address like support@shop.example, without a +tag (got "${raw}")`);
  }
  const smtpPort = env.INBOUND_SMTP_PORT ? readNumber(env, 'INBOUND_SMTP_PORT', 0, { min: 0, max: 65535, integer: true }) : null;
  const imapUrl = readUrl(env, 'IMAP_URL', ['imap:', 'imaps:']);
  if (!supportEmail && smtpPort !== null) throw new ConfigError('INBOUND_SMTP_PORT', 'needs SUPPORT_EMAIL (replies are matched by its +tag)');
  if (!supportEmail && imapUrl) throw new ConfigError('IMAP_URL', 'needs SUPPORT_EMAIL (replies are matched by its +tag)');
  const smtpHost = env.INBOUND_SMTP_HOST || '127.0.0.1';
  if (!isIP(smtpHost) && !/^[A-Za-z0-9.-]+$/.test(smtpHost)) throw new ConfigError('INBOUND_SMTP_HOST', `must be an address like 127.0.0.1 or 0.0.0.0, or a host name (got "${smtpHost}")`);
  const certFile = env.INBOUND_SMTP_TLS_CERT || null;
  const keyFile = env.INBOUND_SMTP_TLS_KEY || null;
  if ((certFile === null) !== (keyFile === null)) throw new ConfigError(certFile ? 'INBOUND_SMTP_TLS_KEY' : 'INBOUND_SMTP_TLS_CERT', 'INBOUND_SMTP_TLS_CERT and INBOUND_SMTP_TLS_KEY go together (PEM files)');
  for (const [name, file] of [['INBOUND_SMTP_TLS_CERT', certFile], ['INBOUND_SMTP_TLS_KEY', keyFile]] as const) {
    if (file !== null && !isReadableFile(file)) throw new ConfigError(name, `cannot read "${file}"`);
  }
  return {
    supportEmail,
    smtpPort,
    smtpHost,
    smtpTls: certFile && keyFile ? { certFile, keyFile } : null,
    imapUrl,
    imapPollSeconds: readNumber(env, 'IMAP_POLL_SECONDS', 30, { min: 0.1, max: 3600 }),
  };
}

const DEFAULT_RETURN_ADDRESS = 'GlowGlitch Returns | 120 Mercer Street, Suite 4 | New York, NY 10012 | United States';

/** An http(s) URL, or a path under this service such as the demo store's /contact. */
function readContactUrl(env: Env, fallback: string | null): string | null {
  const raw = env.SHOP_CONTACT_URL;
  if (raw === undefined || raw === '') return fallback;
  if (/^\/(?![/\\])/.test(raw)) return raw;
  try {
    if (['http:', 'https:'].includes(new URL(raw).protocol)) return raw;
  } catch {
    // reported below
  }
  throw new ConfigError('SHOP_CONTACT_URL', `must be an http(s) URL or a path such as /contact (got "${raw}")`);
}

/** Stricter than the forms' check: the address goes into a mailto: link as is, so no `?`, `&` or brackets. */
const CONTACT_EMAIL = /^[A-Za-z0-9.!#$%'*+/=^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

function readContactEmail(env: Env, fallback: string | null): string | null {
  const raw = env.SHOP_CONTACT_EMAIL;
  if (raw === undefined || raw === '') return fallback;
  if (CONTACT_EMAIL.test(raw)) return raw;
  throw new ConfigError('SHOP_CONTACT_EMAIL', `must be an email address like hello@shop.example (got "${raw}")`);
}

function readFlowSettings(env: Env, mode: Mode) {
  const timeZone = env.SHOP_TIMEZONE || DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new ConfigError('SHOP_TIMEZONE', `must be an IANA time zone like America/New_York (got "${timeZone}")`);
  const minRingSize = readNumber(env, 'RESIZE_MIN_SIZE', 3, { min: 0, max: 20 });
  const returns: ReturnsPolicy = {
    returnWindowDays: readNumber(env, 'RETURN_WINDOW_DAYS', 30, { min: 0, max: 365, integer: true }),
    resizeWindowDays: readNumber(env, 'RESIZE_WINDOW_DAYS', 60, { min: 0, max: 365, integer: true }),
    shipWithinDays: readNumber(env, 'RETURN_SHIP_WITHIN_DAYS', 14, { min: 1, max: 90, integer: true }),
    minRingSize,
    maxRingSize: readNumber(env, 'RESIZE_MAX_SIZE', 13, { min: minRingSize, max: 20 }),
    maxSizeChange: readNumber(env, 'RESIZE_MAX_SIZE_CHANGE', 2, { min: 0.5, max: 20 }),
    stylistDesigns: (env.RESIZE_STYLIST_DESIGNS ?? 'eternity,three-stone,pave,channel,tension,engraved')
      .split(',')
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean),
  };
  const pollSeconds = readNumber(env, 'WORKER_POLL_SECONDS', 2, { min: 0.1, max: 3600 });
  return {
    shop: {
      name: env.SHOP_NAME || 'GlowGlitch',
      returnAddress: (env.SHOP_RETURN_ADDRESS || DEFAULT_RETURN_ADDRESS).split('|').map((line) => line.trim()).filter(Boolean),
      // The demo store has a contact page; a real shop names its own page and address.
      contactUrl: readContactUrl(env, mode === 'demo' ? '/contact' : null),
      contactEmail: readContactEmail(env, mode === 'demo' ? 'hello@glowglitch.example' : null),
    },
    returns,
    businessHours: {
      timeZone,
      week: readParsed(env, 'BUSINESS_HOURS', DEFAULT_BUSINESS_HOURS_SPEC, parseWeeklySchedule),
      holidays: readParsed(env, 'HOLIDAYS', '', parseHolidays),
      standardHours: readNumber(env, 'ANSWER_HOURS_STANDARD', 4, { min: 0, max: 240 }),
      vipHours: readNumber(env, 'ANSWER_HOURS_VIP', 1, { min: 0, max: 240 }),
      managementHours: readNumber(env, 'ANSWER_HOURS_MANAGEMENT', 1, { min: 0, max: 240 }),
    },
    mail: readMailSettings(env, mode),
    inbound: readInboundSettings(env, mode),
    alerts: {
      webhookUrl: readUrl(env, 'ALERTS_WEBHOOK_URL', ['http:', 'https:']),
      dedupeMinutes: readNumber(env, 'ALERTS_DEDUPE_MINUTES', 30, { min: 0, max: 10_080 }),
      errorRateThreshold: readNumber(env, 'ALERTS_ERROR_RATE_THRESHOLD', 0.05, { min: 0, max: 1 }),
      errorRateMinEvents: readNumber(env, 'ALERTS_ERROR_RATE_MIN_EVENTS', 20, { min: 1, max: 1_000_000, integer: true }),
      errorRateWindowMinutes: readNumber(env, 'ALERTS_ERROR_RATE_WINDOW_MINUTES', 15, { min: 1, max: 1440 }),
    },
    analytics: {
      flushMs: readNumber(env, 'ANALYTICS_FLUSH_MS', 250, { min: 0, max: 60_000, integer: true }),
    },
    catalog: {
      snapshotMs: readNumber(env, 'CATALOG_SNAPSHOT_MS', 5_000, { min: 0, max: 3_600_000, integer: true }),
    },
    workers: {
      enabled: readBoolean(env, 'WORKERS_ENABLED', true),
      pollSeconds,
      checkSeconds: readNumber(env, 'WORKER_CHECK_SECONDS', 60, { min: pollSeconds, max: 86_400 }),
    },
  };
}

/** LLM mode is on only with LLM_BASE_URL; then LLM_MODEL is required too (every server needs a model name). */
function readLlmSettings(env: Env): LlmConfig | null {
  const baseUrl = readUrl(env, 'LLM_BASE_URL', ['http:', 'https:']);
  if (!baseUrl) return null;
  const model = env.LLM_MODEL?.trim();
  if (!model) throw new ConfigError('LLM_MODEL', 'must be set when LLM_BASE_URL is set (e.g. gpt-4o-mini, llama3.1:8b, Qwen/Qwen2.5-7B-Instruct)');
  if (!/^[\x21-\x7e]{1,200}$/.test(model)) throw new ConfigError('LLM_MODEL', `must be a model name without spaces (got "${model}")`);
  const apiKey = env.LLM_API_KEY?.trim() || null;
  if (apiKey !== null && !/^[\x21-\x7e]{1,500}$/.test(apiKey)) throw new ConfigError('LLM_API_KEY', 'must be printable characters without spaces');
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey,
    model,
    timeoutMs: readNumber(env, 'LLM_TIMEOUT_MS', 10_000, { min: 100, max: 120_000, integer: true }),
    tokensPerConversation: readNumber(env, 'LLM_TOKENS_PER_CONVERSATION', 20_000, { min: 0, max: 100_000_000, integer: true }),
    tokensPerDay: readNumber(env, 'LLM_TOKENS_PER_DAY', 2_000_000, { min: 0, max: 10_000_000_000, integer: true }),
    pricePer1kTokens: readNumber(env, 'LLM_PRICE_PER_1K_TOKENS', 0, { min: 0, max: 1_000 }),
  };
}

function readOrigins(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.split(',').map((entry) => {
    const value = entry.trim().replace(/\/+$/, '');
    if (value === '*') return value;
    try {
      const url = new URL(value);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value) return value;
    } catch {
      // reported below
    }
    throw new ConfigError(name, `must be a comma-separated list of origins like https://shop.example.com, or * (got "${entry.trim()}")`);
  });
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

// Trusting every hop (Fastify's `true`) lets any client pick its own address and escape per-address limits.
function readTrustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '') return false;
  if (/^\d+$/.test(raw)) {
    const hops = readNumber(env, 'TRUST_PROXY', 0, { min: 0, max: 10, integer: true });
    return hops === 0 ? false : hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!PROXY_NAMES.includes(entry) && !isAddressOrCidr(entry)) {
      throw new ConfigError('TRUST_PROXY', `must be a hop count (1-10) or a comma-separated list of proxy addresses or CIDRs like 10.0.0.0/8 (got "${entry}")`);
    }
  }
  return entries;
}

function readWidgetSettings(env: Env, mode: Mode): Config['widget'] {
  const rateLimitPerMinute = readNumber(env, 'WIDGET_RATE_LIMIT_PER_MINUTE', 120, { min: 1, max: 1_000_000, integer: true });
  // Demo: any page may embed the widget. Production: only the shop's own origins, listed explicitly.
  const visitorEmails = {
    perRecipient: readNumber(env, 'VISITOR_EMAILS_PER_RECIPIENT', 3, { min: 1, max: 1_000_000, integer: true }),
    perSession: readNumber(env, 'VISITOR_EMAILS_PER_SESSION', 5, { min: 1, max: 1_000_000, integer: true }),
    perClient: readNumber(env, 'VISITOR_EMAILS_PER_ADDRESS', 20, { min: 1, max: 1_000_000, integer: true }),
  };
  return { allowedOrigins: readOrigins(env, 'WIDGET_ALLOWED_ORIGINS', mode === 'demo' ? ['*'] : []), rateLimitPerMinute, visitorEmails };
}

/**
 * A secret: the demo value in demo mode unless one is set; in production the operator's own, long and random
 * (a guessable one would let anyone forge cookies or webhooks). An optional secret left unset is null.
 */
function readSecret(env: Env, mode: Mode, name: string, demoValue: string, { required }: { required: boolean }): string | null {
  const raw = env[name] || null;
  if (mode === 'demo') return raw ?? demoValue;
  if (!raw) {
    if (required) throw new ConfigError(name, 'must be set to your own secret in production mode (the demo default is refused)');
    return null;
  }
  if (raw === demoValue) throw new ConfigError(name, 'must not be the demo secret in production mode');
  const weakness = weakSecretReason(raw);
  if (weakness) throw new ConfigError(name, `${weakness} in production mode (generate one with: openssl rand -hex 32)`);
  return raw;
}

/** METRICS_TOKEN guards an open port, in demo mode too: random, at least MIN_SECRET_LENGTH, sent as a Bearer token. */
function readMetricsSettings(env: Env): Config['metrics'] {
  const token = env.METRICS_TOKEN || null;
  if (token !== null) {
    if (!/^[\x21-\x7e]+$/.test(token)) throw new ConfigError('METRICS_TOKEN', 'must be printable characters without spaces (it is sent as "Authorization: Bearer <token>")');
    const weakness = weakSecretReason(token);
    if (weakness) throw new ConfigError('METRICS_TOKEN', `${weakness} (generate one with: openssl rand -hex 32)`);
  }
  const port = env.METRICS_PORT ? readNumber(env, 'METRICS_PORT', 0, { min: 0, max: 65535, integer: true }) : null;
  return { token, port };
}

/** Reads the configuration from an environment; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const mode = readEnum<Mode>(env, 'AURORA_MODE', ['demo', 'production'], 'demo');
  const port = readNumber(env, 'PORT', 3000, { min: 0, max: 65535, integer: true });
  const host = env.HOST || '127.0.0.1';
  const sessionSecret = readSecret(env, mode, 'SESSION_SECRET', DEMO_SESSION_SECRET, { required: true })!;
  if (sessionSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError('SESSION_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  const orderWebhookSecret = readSecret(env, mode, 'ORDER_WEBHOOK_SECRET', DEMO_ORDER_WEBHOOK_SECRET, { required: false });
  const currency = (env.SHOP_CURRENCY || 'USD').toUpperCase();
  if (!isCurrencyCode(currency)) throw new ConfigError('SHOP_CURRENCY', `must be an ISO 4217 code such as USD or EUR (got "${env.SHOP_CURRENCY}")`);
  return {
    mode,
    port,
    host,
    trustProxy: readTrustProxy(env),
    databaseUrl: readDatabaseUrl(env),
    pgPoolMax: readNumber(env, 'PG_POOL_MAX', 10, { min: 1, max: 1_000, integer: true }),
    sessionSecret,
    publicUrl: readPublicUrl(env, host, port),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    seedOnEmpty: mode === 'demo' && readBoolean(env, 'SEED_ON_EMPTY', true),
    seedDemoActivity: mode === 'demo' && readBoolean(env, 'SEED_DEMO_ACTIVITY', true),
    // The demo store's checkout creates unpaid orders: production serves it only when asked to.
    storeEnabled: readBoolean(env, 'STORE_ENABLED', mode === 'demo'),
    currency,
    widget: readWidgetSettings(env, mode),
    knowledgeBaseFile: env.KNOWLEDGE_BASE_FILE || null,
    llm: readLlmSettings(env),
    metrics: readMetricsSettings(env),
    integrations: { orderWebhookSecret },
    ...readFlowSettings(env, mode),
  };
}
