import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { TEST_PRODUCTION_SECRET } from '../../../test/support/app';

describe('flow settings (returns, business hours, mail, alerts, workers)', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.returns).toEqual({ returnWindowDays: 30, resizeWindowDays: 60, shipWithinDays: 14, minRingSize: 3, maxRingSize: 13, maxSizeChange: 2, stylistDesigns: ['eternity', 'three-stone', 'pave', 'channel', 'tension', 'engraved'] });
    expect(config.businessHours).toMatchObject({ timeZone: 'America/New_York', holidays: [], standardHours: 4, vipHours: 1 });
    expect(config.businessHours.week[7]).toBeUndefined();
    expect(config.mail.smtpUrl).toBeNull();
    expect(config.alerts).toEqual({ webhookUrl: null, dedupeMinutes: 30, errorRateThreshold: 0.05, errorRateMinEvents: 20, errorRateWindowMinutes: 15 });
    expect(config.workers).toEqual({ enabled: true, pollSeconds: 2, checkSeconds: 60 });
    expect(config.shop.returnAddress).toEqual(['GlowGlitch Returns', '120 Mercer Street, Suite 4', 'New York, NY 10012', 'United States']);
  });

  it('reads a shop of its own', () => {
    const config = loadConfig({ SHOP_TIMEZONE: 'Europe/Paris', BUSINESS_HOURS: 'tue-sat 10:00-19:00', HOLIDAYS: '2026-12-25', RETURN_WINDOW_DAYS: '14', SHOP_RETURN_ADDRESS: 'Bijoux | 1 rue de la Paix | Paris', WORKERS_ENABLED: 'false' });
    expect(config.businessHours.timeZone).toBe('Europe/Paris');
    expect(config.businessHours.week[1]).toBeUndefined();
    expect(config.businessHours.week[6]).toEqual([{ open: 600, close: 1140 }]);
    expect(config.returns.returnWindowDays).toBe(14);
    expect(config.shop.returnAddress).toEqual(['Bijoux', '1 rue de la Paix', 'Paris']);
    expect(config.workers.enabled).toBe(false);
  });

  it.each([
    [{ SHOP_TIMEZONE: 'Mars/Olympus' }, /SHOP_TIMEZONE/],
    [{ BUSINESS_HOURS: 'mon 9-5' }, /BUSINESS_HOURS .*not a time/],
    [{ HOLIDAYS: '25/12/2026' }, /HOLIDAYS/],
    [{ RETURN_WINDOW_DAYS: '-1' }, /RETURN_WINDOW_DAYS/],
    [{ SMTP_URL: 'http://mail.example' }, /SMTP_URL/],
    [{ ALERTS_WEBHOOK_URL: 'not a url' }, /ALERTS_WEBHOOK_URL/],
    [{ ALERTS_ERROR_RATE_THRESHOLD: '5' }, /ALERTS_ERROR_RATE_THRESHOLD/],
    [{ AURORA_MODE: 'production', SESSION_SECRET: TEST_PRODUCTION_SECRET, SMTP_URL: 'smtp://mail.example:587' }, /MAIL_FROM/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
