// One dashboard tab's Server-Sent Events stream: the live events as they happen, a comment line as heartbeat (it keeps
// proxies from closing an idle stream), and the end of the stream when the staff session ends or the server closes.
import type { FastifyReply } from 'fastify';
import type { LiveBus, LiveEvent } from './bus';

export interface LiveStreamOptions {
  bus: Pick<LiveBus, 'subscribe' | 'listening'>;
  heartbeatMs: number;
  /** Checked at each heartbeat: a stream outlives neither its session nor its account. */
  stillSignedIn: () => Promise<boolean>;
}

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3_000;

export function createLiveStreams() {
  const open = new Set<() => void>();

  return {
    get count() {
      return open.size;
    },

    async serve(reply: FastifyReply, options: LiveStreamOptions): Promise<void> {
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // nginx and similar proxies pass each event on instead of buffering the stream.
        'x-accel-buffering': 'no',
      });
      let nextId = 1;
      const write = (event: string, data: unknown) => response.write(`id: ${nextId++}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        response.end();
      };
      open.add(end);
      response.write(`retry: ${RETRY_MS}\n\n`);
      const unsubscribe = options.bus.subscribe((event: LiveEvent) => {
        if (!ended) write(event.type, event);
      });
      const heartbeat = setInterval(() => {
        if (ended) return;
        response.write(': heartbeat\n\n');
        void options.stillSignedIn().then(
          (signedIn) => {
            if (signedIn || ended) return;
            write('signed_out', {});
            end();
          },
          () => undefined,
        );
      }, options.heartbeatMs);
      response.on('close', end);
      // `ready` once events from every instance are heard: a page that reads after it misses nothing.
      const listening = await options.bus.listening();
      if (!ended) write('ready', { listening });
    },

    /** Ends every stream (before the server closes, which would otherwise wait for them). */
    closeAll(): void {
      for (const end of [...open]) end();
    },
  };
}
