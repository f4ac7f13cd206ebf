import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { TEST_PRODUCTION_SECRET } from '../../../test/support/app';

const production = { AURORA_MODE: 'production', SESSION_SECRET: TEST_PRODUCTION_SECRET };

describe('inbound email settings', () => {
  it('demo has a support address and no listener or poller; production has none until set', () => {
    expect(loadConfig({}).inbound).toEqual({ supportEmail: 'support@glowglitch.example', smtpPort: null, smtpHost: '127.0.0.1', smtpTls: null, imapUrl: null, imapPollSeconds: 30 });
    expect(loadConfig(production).inbound.supportEmail).toBeNull();
    expect(loadConfig({ ...production, SUPPORT_EMAIL: 'Help@Shop.example', INBOUND_SMTP_PORT: '2525', IMAP_URL: 'imaps://u:p@imap.shop.example/INBOX' }).inbound).toMatchObject({
      supportEmail: 'help@shop.example',
      smtpPort: 2525,
      imapUrl: 'imaps://u:p@imap.shop.example/INBOX',
    });
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => loadConfig({ SUPPORT_EMAIL: 'support+x@shop.example' })).toThrow(/SUPPORT_EMAIL must be a plain address/);
    expect(() => loadConfig({ SUPPORT_EMAIL: 'not an address' })).toThrow(/SUPPORT_EMAIL/);
    expect(() => loadConfig({ ...production, INBOUND_SMTP_PORT: '2525' })).toThrow(/INBOUND_SMTP_PORT needs SUPPORT_EMAIL/);
    expect(() => loadConfig({ ...production, IMAP_URL: 'imap://u:p@h/INBOX' })).toThrow(/IMAP_URL needs SUPPORT_EMAIL/);
    expect(() => loadConfig({ INBOUND_SMTP_PORT: 'smtp' })).toThrow(/INBOUND_SMTP_PORT must be a whole number/);
    expect(() => loadConfig({ IMAP_URL: 'http://mail.example' })).toThrow(/IMAP_URL must be a imap:\/\/ or imaps:\/\/ URL/);
    expect(() => loadConfig({ INBOUND_SMTP_HOST: 'a b' })).toThrow(/INBOUND_SMTP_HOST/);
    expect(() => loadConfig({ IMAP_POLL_SECONDS: '0' })).toThrow(/IMAP_POLL_SECONDS/);
  });
});
