// LLM mode: a chat turn read as server-sent events (POST …/messages/stream), so the answer appears as it is written.
import { ApiError } from './api';
import type { Block } from './types';

export interface StreamHandlers {
  text: (text: string) => void;
  block: (block: Block) => void;
  /** The built-in engine took over: drop what this turn showed. */
  reset: () => void;
}

interface Done {
  replies?: Block[];
}

type ErrorPayload = { error?: { code?: string; message?: string; details?: { fields?: Record<string, string> } } } | null;

const toError = (status: number, payload: ErrorPayload) => {
  const error = payload && payload.error;
  return new ApiError(status, (error && error.code) || 'http_' + status, (error && error.message) || 'Request failed', (error && error.details && error.details.fields) || {});
};

/** Reads frames `event: x\ndata: {...}` and hands each to `on`; returns the `done` payload. */
async function readEvents(response: Response, on: StreamHandlers): Promise<Done> {
  let done: Done | null = null;
  let buffer = '';
  const handle = (frame: string) => {
    const event = /^event: ?(.*)$/m.exec(frame);
    const data = /^data: ?(.*)$/m.exec(frame);
    if (!event || !data) return;
    const payload = JSON.parse(data[1]!);
    if (event[1] === 'text') on.text(payload.text);
    else if (event[1] === 'block') on.block(payload);
    else if (event[1] === 'reset') on.reset();
    else if (event[1] === 'done') done = payload;
    else if (event[1] === 'error') throw toError(500, payload);
  };
  const feed = (chunk: string) => {
    buffer += chunk.replace(/\r\n/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      handle(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  };
  const body = response.body;
  if (body && body.getReader) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const part = await reader.read();
      if (part.done) break;
      feed(decoder.decode(part.value, { stream: true }));
    }
  } else {
    feed(await response.text());
  }
  feed('\n\n');
  if (!done) throw new ApiError(0, 'stream_cut', 'The answer was cut off');
  return done;
}

/** One streamed turn; an error answer before the stream (a bad message, an expired session, a limit) is an ApiError. */
export async function streamTurn(url: string, body: unknown, idempotencyKey: string, on: StreamHandlers): Promise<Done> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
    credentials: 'omit',
  });
  if (!response.ok) throw toError(response.status, (await response.json().catch(() => null)) as ErrorPayload);
  return readEvents(response, on);
}
