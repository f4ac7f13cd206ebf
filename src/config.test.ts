import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_ORDER_WEBHOOK_SECRET, DEMO_SESSION_SECRET, loadConfig } from './config';

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
  });

  it('refuses to start production with the demo secret or none at all', () => {
    expect(() => loadConfig({ AURORA_MODE: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: DEMO_SESSION_SECRET })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: 'x'.repeat(40), ORDER_WEBHOOK_SECRET: DEMO_ORDER_WEBHOOK_SECRET })).toThrow(/ORDER_WEBHOOK_SECRET/);
  });

  it('accepts a real production configuration and never seeds demo data there', () => {
    const config = loadConfig({ AURORA_MODE: 'production', SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://app@db:5432/shop' });
    expect(config.mode).toBe('production');
    expect(config.seedOnEmpty).toBe(false);
    expect(config.databaseUrl).toBe('postgres://app@db:5432/shop');
  });
});
