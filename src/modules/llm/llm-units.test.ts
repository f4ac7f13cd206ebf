// The LLM mode's parts on their own: the chat-completions client against the fake server (JSON, SSE with tool calls
// split over deltas, several calls, errors, malformed output, timeouts), tool-call checking, the reply guard, the
// breaker and the email placeholders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBreaker } from './breaker';
import { createLlmClient } from './client';
import { createReplyGuard } from './guard';
import { createEmailMask, systemPrompt } from './prompt';
import { LlmFailure } from './protocol';
import { sseData } from './sse';
import { startFakeLlm, type FakeLlm } from './testing/fake-llm';
import { parseToolCall, TOOL_DEFINITIONS } from './tools';
import { loadConfig } from '../../config';

const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LlmFailure) return error.reason;
    throw error;
  }
  return 'no failure';
};

describe('chat-completions client', () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm(() => ({ text: 'Hello there! How can I help?' }), { chunkMs: 1 });
  });
  afterAll(() => fake.close());
  const client = () => createLlmClient({ baseUrl: fake.url, apiKey: null, model: 'm' });
  const ask = (stream: boolean, onText?: (delta: string) => void, timeoutMs = 2_000) =>
    client().complete({ messages: [{ role: 'user', content: 'hi' }], tools: TOOL_DEFINITIONS, stream, onText, signal: AbortSignal.timeout(timeoutMs) });

  it('reads a streamed answer delta by delta, with its usage', async () => {
    const deltas: string[] = [];
    const completion = await ask(true, (delta) => deltas.push(delta));
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe('Hello there! How can I help?');
    expect(completion).toMatchObject({ content: 'Hello there! How can I help?', toolCalls: [], finishReason: 'stop', usage: { promptTokens: 100, completionTokens: 20 } });
    expect(fake.requests.at(-1)).toMatchObject({ stream: true, model: 'm', authorization: undefined });
  });

  it('assembles several tool calls whose names and arguments arrive in pieces, streamed or as JSON', async () => {
    const calls = [
      { name: 'get_product', arguments: '{"id": 12}' },
      { name: 'save_to_shortlist', arguments: '{"product_id": 12}' },
    ];
    fake.script(() => ({ text: 'One moment.', toolCalls: calls }));
    for (const stream of [true, false]) {
      const completion = await ask(stream);
      expect(completion.content).toBe('One moment.');
      expect(completion.finishReason).toBe('tool_calls');
      expect(completion.toolCalls).toEqual([
        { id: 'call_1', type: 'function', function: calls[0] },
        { id: 'call_2', type: 'function', function: calls[1] },
      ]);
    }
  });

  it('names each failure: 429, 5xx, malformed output, too slow, unreachable', async () => {
    fake.script(() => ({ status: 429 }));
    expect(await failureOf(ask(true))).toBe('rate_limited');
    fake.script(() => ({ status: 502 }));
    expect(await failureOf(ask(false))).toBe('http_error');
    fake.script(() => ({ malformed: true }));
    expect(await failureOf(ask(true))).toBe('bad_response');
    expect(await failureOf(ask(false))).toBe('bad_response');
    fake.script(() => ({ delayMs: 2_000, reply: { text: 'late' } }));
    const started = performance.now();
    expect(await failureOf(ask(true, undefined, 150))).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_000);
    const refused = createLlmClient({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k', model: 'm' });
    expect(await failureOf(refused.complete({ messages: [], tools: [], stream: false, signal: AbortSignal.timeout(1_000) }))).toBe('http_error');
  });

  it('sends the API key as a bearer token', async () => {
    fake.script(() => ({ text: 'ok' }));
    await createLlmClient({ baseUrl: fake.url, apiKey: 'sk-abc', model: 'm' }).complete({ messages: [], tools: [], stream: false, signal: AbortSignal.timeout(1_000) });
    expect(fake.requests.at(-1)!.authorization).toBe('Bearer sk-abc');
  });
});

describe('server-sent events', () => {
  it('joins data lines, skips comments and ids, and keeps a last event without its blank line', async () => {
    const body = new Response(': keep-alive\r\nid: 1\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: x\ndata: [DONE]').body!;
    const seen: string[] = [];
    for await (const data of sseData(body)) seen.push(data);
    expect(seen).toEqual(['{"a":\n1}', '[DONE]']);
  });
});

describe('tool calls are checked before they run', () => {
  it('accepts the contract, nulls for left-out arguments and numbers sent as text', () => {
    expect(parseToolCall('search_products', '{"category":"ring","metal":null,"max_price":"500"}')).toEqual({ name: 'search_products', args: { category: 'ring', max_price: 500 } });
    expect(parseToolCall('track_order', '{"order_number":"GG-104233","email":"[email 1]"}').args).toEqual({ order_number: 'GG-104233', email: '[email 1]' });
    expect(parseToolCall('get_product', '').args).toEqual({});
  });

  it.each([
    ['create_rma', '{}'],
    ['search_products', '{"query": "rings", "max_price": '],
    ['search_products', '[1, 2]'],
    ['search_products', '{"category":"spaceship"}'],
    ['track_order', '{"order_number":"GG-104233"}'],
    ['save_to_shortlist', '{"product_id":"twelve"}'],
  ])('refuses %s %s as a broken tool call', (name, args) => {
    expect(() => parseToolCall(name, args)).toThrow(expect.objectContaining({ reason: 'broken_tool_call' }));
  });

  it('offers exactly the seven tools of the contract', () => {
    expect(TOOL_DEFINITIONS.map((tool) => tool.function.name)).toEqual(['search_products', 'get_product', 'track_order', 'start_return', 'request_stylist', 'search_help', 'save_to_shortlist']);
  });
});

describe('the reply guard', () => {
  const config = loadConfig({});
  const prompt = systemPrompt(config, new Date('2026-11-20T15:00:00Z'));
  const guard = createReplyGuard(prompt);
  const refused = (text: string, known = '') => {
    try {
      guard.check(text, known);
      return false;
    } catch (error) {
      return (error as LlmFailure).reason === 'unsafe_reply';
    }
  };

  it('passes ordinary replies and the shop policy figures', () => {
    expect(refused('Here are four rings I love. The Elara ring is $1,955.', '{"price":1955}')).toBe(false);
    expect(refused("Returns are accepted within 30 days of delivery; ship within 14 days for a full refund. I can't issue refunds myself.")).toBe(false);
  });

  it.each([
    ['the instructions', prompt.split('\n')[1]!],
    ['a refund promise', "I've issued your refund."],
    ['a cancellation', 'We have cancelled your order for you.'],
    ['a discount', 'Use code GLOW20 for 20% off!'],
    ['a price no tool gave', 'That ring is only $99 today.'],
  ])('stops %s', (_name, text) => {
    expect(refused(text)).toBe(true);
  });
});

describe('email placeholders', () => {
  it('numbers each address once, masks card numbers, and resolves only what the customer typed', () => {
    const mask = createEmailMask();
    expect(mask.mask('I am Ava.Martinez@Example.com, card 4111 1111 1111 1111')).toBe('I am [email 1], card **** **** **** 1111');
    expect(mask.mask('or ava.martinez@example.com, or bo@example.org')).toBe('or [email 1], or [email 2]');
    expect(mask.resolve('[email 2]')).toBe('bo@example.org');
    expect(mask.resolve(' ava.martinez@example.com ')).toBe('ava.martinez@example.com');
    expect(mask.resolve('someone@else.example')).toBeUndefined();
    expect(mask.resolve('[email 9]')).toBeUndefined();
  });
});

describe('the circuit breaker', () => {
  it('opens after three failures in a row, lets one trial through after the pause, and closes on success', () => {
    let now = 0;
    const breaker = createBreaker({ failures: 3, openMs: 1_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(breaker.allow()).toBe(true);
      breaker.failed();
    }
    expect(breaker.allow()).toBe(false);
    now = 1_001;
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
    breaker.succeeded();
    expect(breaker.allow()).toBe(true);
  });
});
