import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_ORDER_WEBHOOK_SECRET, DEMO_SESSION_SECRET, loadConfig } from './config';
import { TEST_PRODUCTION_SECRET as PRODUCTION_SECRET } from '../test/support/app';

describe('loadConfig', () => {
  it('defaults to demo mode on SQLite at 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'demo', port: 3000, host: '127.0.0.1', databaseUrl: 'sqlite:data/aurora.db', seedOnEmpty: true });
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ AURORA_MODE: 'staging' })).toThrow(/AURORA_MODE/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://shop' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ SEED_ON_EMPTY: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ PG_POOL_MAX: 'many' })).toThrow(/PG_POOL_MAX/);
    expect(() => loadConfig({ WIDGET_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/WIDGET_RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ SHOP_CURRENCY: 'XYZ' })).toThrow(/SHOP_CURRENCY must be an ISO 4217 code/);
  });

  it('refuses to start production with the demo secret or none at all', () => {
    expect(() => loadConfig({ AURORA_MODE: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: DEMO_SESSION_SECRET })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: PRODUCTION_SECRET, ORDER_WEBHOOK_SECRET: DEMO_ORDER_WEBHOOK_SECRET })).toThrow(/ORDER_WEBHOOK_SECRET/);
  });

  it('refuses guessable secrets in production, naming the variable', () => {
    const weak = ['x'.repeat(32), 'x'.repeat(64), 'abcdefghijklmnopqrstuvwxyz0123456789', 'password1234password1234password1234', 'aaaaaaaabbbbbbbbccccccccdddddddd'];
    for (const secret of weak) {
      expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: secret }), secret).toThrow(/SESSION_SECRET must be random/);
      expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: PRODUCTION_SECRET, ORDER_WEBHOOK_SECRET: secret }), secret).toThrow(/ORDER_WEBHOOK_SECRET must be random/);
    }
    expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: PRODUCTION_SECRET, ORDER_WEBHOOK_SECRET: 'too-short' })).toThrow(/ORDER_WEBHOOK_SECRET must be at least 32/);
  });

  it('accepts random secrets of 32 characters and more (openssl rand -hex 16 and up)', () => {
    for (let i = 0; i < 200; i++) {
      const session = randomBytes(16).toString('hex');
      const webhook = randomBytes(32).toString('base64url');
      expect(loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: session, ORDER_WEBHOOK_SECRET: webhook }).integrations.orderWebhookSecret).toBe(webhook);
    }
  });

  it('accepts a real production configuration and never seeds demo data there', () => {
    const config = loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: PRODUCTION_SECRET, DATABASE_URL: 'postgres://app@db:5432/shop' });
    expect(config.mode).toBe('production');
    expect(config.seedOnEmpty).toBe(false);
    expect(config.databaseUrl).toBe('postgres://app@db:5432/shop');
    expect(config.integrations.orderWebhookSecret).toBeNull();
  });

  it('serves the demo store in demo mode and not in production unless STORE_ENABLED says so', () => {
    expect(loadConfig({}).storeEnabled).toBe(true);
    expect(loadConfig({ STORE_ENABLED: 'false' }).storeEnabled).toBe(false);
    expect(loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: PRODUCTION_SECRET }).storeEnabled).toBe(false);
    expect(loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: PRODUCTION_SECRET, STORE_ENABLED: 'true' }).storeEnabled).toBe(true);
    expect(() => loadConfig({ STORE_ENABLED: 'sometimes' })).toThrow(/STORE_ENABLED/);
  });
});
