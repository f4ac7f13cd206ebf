// Tests only: a local HTTP endpoint standing in for Slack's incoming webhook; it keeps every JSON body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  url: string;
  bodies: { text: string; blocks?: unknown[] }[];
  /** The status to answer with (e.g. 500 to simulate an outage). */
  status: number;
  stop(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { bodies: [] as WebhookReceiver['bodies'], status: 200 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (receiver.status === 200) receiver.bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(receiver.status, { 'content-type': 'text/plain' }).end(receiver.status === 200 ? 'ok' : 'unavailable');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/services/T000/B000/hook`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
