// Tests only: a real SMTP server on 127.0.0.1 that keeps what it receives, with a small MIME reader.
import net from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  raw: string;
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function splitHeaders(part: string): { headers: Record<string, string>; body: string } {
  const at = part.search(/\r?\n\r?\n/);
  const head = part.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: part.slice(at).replace(/^\r?\n\r?\n/, '') };
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=) in a header. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decode(text.replace(/_/g, ' '), 'quoted-printable'),
  );
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const { headers, body } = splitHeaders(raw);
  const mail: ReceivedMail = { from: envelope.from, to: envelope.to, subject: decodeHeader(headers.subject ?? ''), messageId: headers['message-id'] ?? '', text: '', html: '', raw };
  const visit = (partHeaders: Record<string, string>, partBody: string) => {
    const type = partHeaders['content-type'] ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (boundary) {
      for (const part of partBody.split(`--${boundary}`).slice(1)) {
        if (part.startsWith('--')) break;
        const inner = splitHeaders(part.replace(/^\r?\n/, ''));
        visit(inner.headers, inner.body);
      }
    } else if (type.startsWith('text/html')) mail.html += decode(partBody, partHeaders['content-transfer-encoding']);
    else if (type.startsWith('text/plain')) mail.text += decode(partBody, partHeaders['content-transfer-encoding']);
  };
  visit(headers, body);
  return mail;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface SmtpReceiver {
  port: number;
  messages: ReceivedMail[];
  stop(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /**
   * How long the server takes to accept each message (a slow SMTP relay), or a function of the message's arrival
   * order (1, 2, …); it counts as received then, unless the client hung up while waiting (a real server would not
   * have confirmed it).
   */
  acceptDelayMs?: number | ((arrival: number) => number);
}

/** A real SMTP server (STARTTLS off: its built-in certificate has expired), accepting any login. */
export async function startSmtpReceiver(port: number, options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const waiting = new Set<NodeJS.Timeout>();
  const hungUp = new Set<string>();
  let arrivals = 0;
  const delayFor = (arrival: number) => (typeof options.acceptDelayMs === 'function' ? options.acceptDelayMs(arrival) : (options.acceptDelayMs ?? 0));
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onClose: (session) => hungUp.add(session.id),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
        const accept = () => {
          if (hungUp.has(session.id)) return;
          messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), envelope));
          callback();
        };
        const delay = delayFor(++arrivals);
        if (!delay) return accept();
        const timer = setTimeout(() => {
          waiting.delete(timer);
          accept();
        }, delay);
        waiting.add(timer);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const stop = () => {
    for (const timer of waiting) clearTimeout(timer);
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port, messages, stop };
}

/** The SMTP_URL of a receiver on `port` (TLS off, like the test server). */
export const smtpUrlFor = (port: number) => `smtp://concierge:secret@127.0.0.1:${port}/?ignoreTLS=true`;
