// Client errors on a real socket: stray bytes after a request get a 400 and log no error (no false 5xx alarm).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app';

/** Sends `bytes` on one connection and reads everything the server answers until it closes the connection. */
function exchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(5000, () => socket.destroy(new Error('the server kept the connection open')));
  });
}

describe('stray bytes after a request', () => {
  let t: TestApp;
  let port: number;
  const logged: { level: number; msg?: string; err?: { message?: string } }[] = [];

  beforeAll(async () => {
    // warn, as in production: at info the request log reads the client address early and hides the fault.
    t = await createTestApp('sqlite', { env: { LOG_LEVEL: 'warn', WORKERS_ENABLED: 'false' }, logStream: { write: (line) => void logged.push(JSON.parse(line)) } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => t.close());

  it.each([
    ['GET /api/widget/config HTTP/1.1\r\nHost: localhost\r\n\r\n', 'garbage\r\n\r\n'],
    ['POST /api/dashboard/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}', '\u0000\u0001 stray'],
    ['GET /api/products HTTP/1.1\r\nHost: localhost\r\n\r\n', 'zz'],
  ])('%j followed by %j: a 400 and no error in the log', async (request, stray) => {
    logged.length = 0;
    const answer = await exchange(port, request + stray);
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    // Whatever is still running for the request ends before the log is read.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged.filter((line) => line.level >= 50).map((line) => line.err?.message ?? line.msg)).toEqual([]);
  });
});
