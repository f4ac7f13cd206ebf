// The event stream itself, over a real HTTP connection: heartbeats while idle, events in order, the end of the stream
// when the staff session ends, and every stream ended when the server closes (so closing never waits on them).
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveBus } from './bus';
import { createLiveStreams, MAX_STREAMS_PER_STAFF } from './stream';
import { openSse } from './testing/sse-client';

describe('live event stream', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function serve(stillSignedIn: () => Promise<boolean>, owner: (url: string) => number = () => 1) {
    const bus = createLiveBus({ dialect: 'sqlite' } as never, { now: () => new Date('2026-11-20T15:00:00.000Z') });
    const streams = createLiveStreams();
    app = Fastify();
    app.get('/live', (request, reply) => streams.serve(reply, { bus, heartbeatMs: 40, stillSignedIn, owner: owner(request.url) }));
    app.addHook('preClose', async () => streams.closeAll());
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    return { bus, streams, url: `${base}/live` };
  }

  it('sends ready, then each event in order with its data, and a heartbeat while idle', async () => {
    const { bus, url } = await serve(async () => true);
    const client = await openSse(url);
    expect(client.status).toBe(200);
    await client.next((e) => e.event === 'ready');
    await bus.publish({ type: 'ticket.created', ticketId: 7, actorId: null });
    await bus.publish({ type: 'ticket.assigned', ticketId: 7, actorId: 2 });
    await client.next((e) => e.event === 'ticket.assigned');
    expect(client.events.map((e) => [e.event, e.data])).toEqual([
      ['ready', { listening: true }],
      ['ticket.created', { type: 'ticket.created', ticketId: 7, actorId: null, at: '2026-11-20T15:00:00.000Z' }],
      ['ticket.assigned', { type: 'ticket.assigned', ticketId: 7, actorId: 2, at: '2026-11-20T15:00:00.000Z' }],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(client.heartbeats).toBeGreaterThanOrEqual(2);
    client.close();
  });

  it('ends the stream, saying so, once the session has ended', async () => {
    let signedIn = true;
    const { url } = await serve(async () => signedIn);
    const client = await openSse(url);
    await client.next((e) => e.event === 'ready');
    signedIn = false;
    await client.next((e) => e.event === 'signed_out', 1_000);
    await client.ended;
  });

  it('a closed tab unsubscribes; closing the server ends the streams still open', async () => {
    const { streams, url } = await serve(async () => true);
    const gone = await openSse(url);
    const staying = await openSse(url);
    await Promise.all([gone, staying].map((c) => c.next((e) => e.event === 'ready')));
    expect(streams.count).toBe(2);
    gone.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(streams.count).toBe(1);
    await app!.close();
    app = undefined;
    await staying.ended;
    expect(streams.count).toBe(0);
  });

  it(`holds at most ${MAX_STREAMS_PER_STAFF} streams a staff member, refused with a 429 that says why; a closed one frees its place`, async () => {
    const { streams, url } = await serve(async () => true, (path) => (path.includes('other') ? 2 : 1));
    const mine = await Promise.all(Array.from({ length: MAX_STREAMS_PER_STAFF }, () => openSse(url)));
    await Promise.all(mine.map((c) => c.next((e) => e.event === 'ready')));
    const refused = await fetch(url, { headers: { accept: 'text/event-stream' } });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toMatch(/already has 12 dashboard tabs receiving live updates: close a few/);
    // Someone else is not counted against this account.
    const other = await openSse(`${url}?other`);
    expect(other.status).toBe(200);
    await other.next((e) => e.event === 'ready');
    expect(streams.count).toBe(MAX_STREAMS_PER_STAFF + 1);
    mine[0]!.close();
    await expect.poll(() => streams.count).toBe(MAX_STREAMS_PER_STAFF);
    const again = await openSse(url);
    expect(again.status).toBe(200);
    await again.next((e) => e.event === 'ready');
    for (const client of [...mine.slice(1), other, again]) client.close();
  });
});
