// A local OpenAI-compatible chat-completions server for tests (no network): JSON and SSE streaming, tool calls split
// over several deltas, several calls in one answer, HTTP errors, slowness and malformed output, scripted per request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage } from '../protocol';

export interface FakeToolCall {
  name: string;
  /** Sent as is (so a test can send broken JSON); split over several deltas when streamed. */
  arguments: string;
}

export type FakeReply =
  | { text: string; toolCalls?: FakeToolCall[]; finishReason?: string; usage?: { prompt: number; completion: number } }
  | { status: number; body?: string }
  /** Waits before answering (or, with `stallAfterFirst`, after the first delta of a stream). */
  | { delayMs: number; reply: FakeReply; stallAfterFirst?: boolean }
  /** Not chat-completions at all: garbage in the stream or the JSON body. */
  | { malformed: true };

export interface FakeRequest {
  model: string;
  stream: boolean;
  messages: ChatMessage[];
  tools: { function: { name: string } }[];
  authorization: string | undefined;
}

export type Script = (request: FakeRequest, index: number) => FakeReply;

export interface FakeLlm {
  /** The base URL to put in LLM_BASE_URL (…/v1). */
  url: string;
  requests: FakeRequest[];
  script(next: Script): void;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pieces = (text: string, size: number) => text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];

function completionJson(reply: Extract<FakeReply, { text: string }>) {
  const calls = (reply.toolCalls ?? []).map((call, i) => ({ id: `call_${i + 1}`, type: 'function', function: call }));
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: reply.text || null, ...(calls.length && { tool_calls: calls }) }, finish_reason: reply.finishReason ?? (calls.length ? 'tool_calls' : 'stop') }],
    usage: { prompt_tokens: reply.usage?.prompt ?? 100, completion_tokens: reply.usage?.completion ?? 20, total_tokens: (reply.usage?.prompt ?? 100) + (reply.usage?.completion ?? 20) },
  };
}

/** The chunks of a streamed answer: text a few characters at a time, then each call's name and its arguments in thirds. */
function streamChunks(reply: Extract<FakeReply, { text: string }>): object[] {
  const chunk = (delta: object, finish: string | null = null) => ({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });
  const chunks: object[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of pieces(reply.text, 6)) chunks.push(chunk({ content: piece }));
  (reply.toolCalls ?? []).forEach((call, index) => {
    chunks.push(chunk({ tool_calls: [{ index, id: `call_${index + 1}`, type: 'function', function: { name: call.name, arguments: '' } }] }));
    const third = Math.max(1, Math.ceil(call.arguments.length / 3));
    for (const part of pieces(call.arguments, third)) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: part } }] }));
  });
  chunks.push(chunk({}, reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop')));
  chunks.push({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: reply.usage?.prompt ?? 100, completion_tokens: reply.usage?.completion ?? 20 } });
  return chunks;
}

async function answer(reply: FakeReply, stream: boolean, res: http.ServerResponse, chunkMs: number, stall = 0): Promise<void> {
  if ('delayMs' in reply) {
    if (!reply.stallAfterFirst) await wait(reply.delayMs);
    return answer(reply.reply, stream, res, chunkMs, reply.stallAfterFirst ? reply.delayMs : 0);
  }
  if ('status' in reply) {
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
    return;
  }
  if ('malformed' in reply) {
    if (!stream) res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [ this is not json');
    else res.writeHead(200, { 'content-type': 'text/event-stream' }).end('data: {"choices":[{"delta":{"content":"Hel"}}]}\n\ndata: {not json at all\n\n');
    return;
  }
  if (!stream) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completionJson(reply)));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunks = streamChunks(reply);
  for (const [i, chunk] of chunks.entries()) {
    if (res.destroyed) return;
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    await wait(i === 1 && stall ? stall : chunkMs);
  }
  res.end('data: [DONE]\n\n');
}

/** `chunkMs`: the pause between streamed chunks (a real model writes a few tokens at a time). */
export async function startFakeLlm(initial: Script, { chunkMs = 15, port = 0 }: { chunkMs?: number; port?: number } = {}): Promise<FakeLlm> {
  let script = initial;
  const requests: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(raw) as Omit<FakeRequest, 'authorization'>;
      const request: FakeRequest = { model: body.model, stream: body.stream === true, messages: body.messages, tools: body.tools, authorization: req.headers.authorization };
      requests.push(request);
      answer(script(request, requests.length - 1), request.stream, res, chunkMs).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}/v1`,
    requests,
    script: (next) => {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The last user message and the tool results after it: what a scripted model "reads". */
export function lastTurn(request: FakeRequest): { user: string; toolResults: { name: string; result: Record<string, unknown> }[] } {
  const messages = request.messages;
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const user = (messages[lastUser] as { content: string } | undefined)?.content ?? '';
  const calls = new Map<string, string>();
  const toolResults: { name: string; result: Record<string, unknown> }[] = [];
  for (const message of messages.slice(lastUser + 1)) {
    if (message.role === 'assistant') for (const call of message.tool_calls ?? []) calls.set(call.id, call.function.name);
    if (message.role === 'tool') toolResults.push({ name: calls.get(message.tool_call_id) ?? '', result: JSON.parse(message.content) as Record<string, unknown> });
  }
  return { user, toolResults };
}
