// One dashboard tab's Server-Sent Events stream: the live events as they happen, a comment line as heartbeat (it keeps
// proxies from closing an idle stream), and the end of the stream when the staff session ends or the server closes.
import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors';
import type { LiveBus, LiveEvent } from './bus';

/** Open streams one staff member may hold on an instance (a tab each): generous for people, a wall for a runaway script. */
export const MAX_STREAMS_PER_STAFF = 12;

export interface LiveStreamOptions {
  bus: Pick<LiveBus, 'subscribe' | 'listening'>;
  heartbeatMs: number;
  /** Checked at each heartbeat: a stream outlives neither its session nor its account. */
  stillSignedIn: () => Promise<boolean>;
  /** Whose stream it is (the staff member's id): each may hold MAX_STREAMS_PER_STAFF at once. */
  owner: number;
}

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3_000;

export function createLiveStreams() {
  const open = new Set<() => void>();
  const byOwner = new Map<number, number>();

  return {
    get count() {
      return open.size;
    },

    async serve(reply: FastifyReply, options: LiveStreamOptions): Promise<void> {
      const held = byOwner.get(options.owner) ?? 0;
      // Refused before the stream starts: an EventSource does not reconnect after an error status.
      if (held >= MAX_STREAMS_PER_STAFF) {
        throw new AppError('rate_limited', `This account already has ${MAX_STREAMS_PER_STAFF} dashboard tabs receiving live updates: close a few, then reload this page.`);
      }
      byOwner.set(options.owner, held + 1);
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
        const left = (byOwner.get(options.owner) ?? 1) - 1;
        if (left > 0) byOwner.set(options.owner, left);
        else byOwner.delete(options.owner);
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
