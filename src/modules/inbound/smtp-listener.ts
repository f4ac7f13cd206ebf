// The built-in inbound SMTP listener (INBOUND_SMTP_PORT): a shop points its forwarding (or an MX) at it. It
// accepts mail for SUPPORT_EMAIL and its +tags only (it never relays), up to MAX_INBOUND_BYTES, and answers 250
// only once the message is recorded; a failure is a 451, so the sending server retries later. With a certificate
// (INBOUND_SMTP_TLS_CERT/KEY) it offers STARTTLS, so mail crossing a network is encrypted; AUTH stays off (a mail
// exchanger takes mail from anyone, for our addresses only).
import { readFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { MAX_INBOUND_BYTES } from './parse';
import { isSupportAddress } from './reply-address';
import type { InboundService } from './service';

export interface InboundSmtpListener {
  port: number;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startInboundSmtp(options: {
  host: string;
  port: number;
  supportEmail: string;
  tls?: { certFile: string; keyFile: string } | null;
  inbound: Pick<InboundService, 'receive'>;
  log: FastifyBaseLogger;
}): Promise<InboundSmtpListener> {
  const tls = options.tls ? { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile), minVersion: 'TLSv1.2' as const } : null;
  const server = new SMTPServer({
    banner: 'Aurora Concierge inbound mail',
    // Without a certificate: plain SMTP from the shop's own mail server, on 127.0.0.1 or a private network (README).
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    authOptional: true,
    size: MAX_INBOUND_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (isSupportAddress(address.address, options.supportEmail)) callback();
      else callback(smtpError(`${address.address}: no such mailbox here`, 550));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(smtpError('Message too big', 552));
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        options.inbound.receive(Buffer.concat(chunks), { via: 'smtp', envelopeRecipients: recipients }).then(
          (outcome) => {
            options.log.info({ inbound: outcome.status, ticket: outcome.ticketId, reason: outcome.reason }, 'inbound email (smtp)');
            callback();
          },
          (error: unknown) => {
            options.log.error({ err: error }, 'inbound email could not be recorded');
            callback(smtpError('Temporary failure, try again later', 451));
          },
        );
      });
    },
  });
  server.on('error', (error) => options.log.error({ err: error }, 'inbound SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
