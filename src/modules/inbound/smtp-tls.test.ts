// STARTTLS on the inbound listener (INBOUND_SMTP_TLS_CERT/KEY): a sending server that requires TLS delivers a reply
// over an encrypted channel with the shop's certificate; without a certificate the listener offers no STARTTLS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { freePort } from '../mail/testing/smtp-receiver';
import { startInboundSmtp, type InboundSmtpListener } from './smtp-listener';
import type { InboundService } from './service';

const SUPPORT = 'support@glowglitch.example';
const silent = { info() {}, error() {}, warn() {}, debug() {}, trace() {}, fatal() {}, child: () => silent, level: 'silent', silent() {} } as never;

describe('inbound SMTP listener with STARTTLS', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aurora-smtp-tls-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const received: { raw: string; recipients: string[] }[] = [];
  const inbound: Pick<InboundService, 'receive'> = {
    async receive(raw, meta) {
      received.push({ raw: raw.toString('utf8'), recipients: meta.envelopeRecipients ?? [] });
      return { status: 'new_ticket', ticketId: 1 };
    },
  };
  let withTls: InboundSmtpListener;
  let plain: InboundSmtpListener;

  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
    withTls = await startInboundSmtp({ host: '127.0.0.1', port: await freePort(), supportEmail: SUPPORT, tls: { certFile, keyFile }, inbound, log: silent });
    plain = await startInboundSmtp({ host: '127.0.0.1', port: await freePort(), supportEmail: SUPPORT, inbound, log: silent });
  });
  afterAll(async () => {
    await withTls?.close();
    await plain?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sender = async (port: number) =>
    nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { servername: 'localhost', ca: await readFile(certFile) } });

  it('takes a reply over STARTTLS, verified against the shop certificate', async () => {
    const transport = await sender(withTls.port);
    const info = await transport.sendMail({ from: 'ava@example.com', to: 'support+t1.0123456789abcdef@glowglitch.example', subject: 'Re: your request', text: 'Over TLS.' });
    transport.close();
    expect(info.accepted).toEqual(['support+t1.0123456789abcdef@glowglitch.example']);
    expect(received.at(-1)?.raw).toContain('Over TLS.');
  });

  it('without a certificate it offers no STARTTLS, so a sender requiring TLS does not deliver in clear', async () => {
    const before = received.length;
    const transport = await sender(plain.port);
    await expect(transport.sendMail({ from: 'ava@example.com', to: SUPPORT, subject: 'Re', text: 'In clear?' })).rejects.toThrow(/STARTTLS/i);
    transport.close();
    expect(received).toHaveLength(before);
  });

  it('configuration: the certificate and key go together and must be readable files', () => {
    const base = { SUPPORT_EMAIL: SUPPORT, INBOUND_SMTP_PORT: '2525' };
    expect(loadConfig({ ...base, INBOUND_SMTP_TLS_CERT: certFile, INBOUND_SMTP_TLS_KEY: keyFile }).inbound.smtpTls).toEqual({ certFile, keyFile });
    expect(loadConfig(base).inbound.smtpTls).toBeNull();
    expect(() => loadConfig({ ...base, INBOUND_SMTP_TLS_CERT: certFile })).toThrow(/INBOUND_SMTP_TLS_KEY/);
    expect(() => loadConfig({ ...base, INBOUND_SMTP_TLS_CERT: certFile, INBOUND_SMTP_TLS_KEY: path.join(dir, 'missing.pem') })).toThrow(/cannot read/);
  });
});
