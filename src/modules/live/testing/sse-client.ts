// A Server-Sent Events client for tests, over a real HTTP connection: it reads the stream as a browser's EventSource
// would (event, data, id; comment lines as heartbeats) and waits for the events a test expects.
import http from 'node:http';

export interface StreamEvent {
  event: string;
  data: unknown;
  /** When the event arrived (performance.now()). */
  receivedAt: number;
}

export interface SseClient {
  status: number;
  events: StreamEvent[];
  heartbeats: number;
  /** Resolves with the first event (already received or to come) that `match` accepts. */
  next(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const events: StreamEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let endStream!: () => void;
      const ended = new Promise<void>((r) => (endStream = r));
      const client: SseClient = {
        status: response.statusCode ?? 0,
        events,
        heartbeats: 0,
        ended,
        next(match, timeoutMs = 5_000) {
          return new Promise((resolveEvent, rejectEvent) => {
            const check = () => {
              const found = events.find(match);
              if (!found) return false;
              clearTimeout(timer);
              waiters.delete(check);
              resolveEvent(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              rejectEvent(new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => e.event).join(', ') || 'none'}`));
            }, timeoutMs);
            if (!check()) waiters.add(check);
          });
        },
        close: () => request.destroy(),
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) client.heartbeats++;
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length === 0) continue;
          events.push({ event, data: JSON.parse(data.join('\n')), receivedAt: performance.now() });
          for (const waiter of [...waiters]) waiter();
        }
      });
      response.on('end', endStream);
      response.on('close', endStream);
      resolve(client);
    });
    request.on('error', reject);
  });
}
