// POST {LLM_BASE_URL}/chat/completions with tools, as JSON or as a stream of deltas (SSE), through Node's fetch.
import type { LlmConfig } from '../../config';
import { LlmFailure, type ChatMessage, type Completion, type ToolCall, type ToolDefinition, type Usage } from './protocol';
import { sseData } from './sse';

export interface CompletionRequest {
  messages: ChatMessage[];
  tools: ToolDefinition[];
  /** Stream the answer; `onText` then gets the text as it is generated. */
  stream: boolean;
  onText?: (delta: string) => void;
  signal: AbortSignal;
}

/** The longest reply text kept from a model: a runaway generation is cut here, not shown in full. */
export const MAX_REPLY_CHARS = 4_000;

type Delta = { content?: string | null; tool_calls?: { index?: number; id?: string; type?: string; function?: { name?: string; arguments?: string } }[] };
type Choice = { delta?: Delta; message?: { content?: string | null; tool_calls?: ToolCall[] }; finish_reason?: string | null };
type Chunk = { choices?: Choice[]; usage?: { prompt_tokens?: number; completion_tokens?: number } | null };

const usageOf = (raw: Chunk['usage']): Usage | null =>
  raw && typeof raw.prompt_tokens === 'number' ? { promptTokens: raw.prompt_tokens, completionTokens: raw.completion_tokens ?? 0 } : null;

function parse(text: string): Chunk {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null) return value as Chunk;
  } catch {
    // reported below
  }
  throw new LlmFailure('bad_response', 'the model server sent something that is not chat-completions JSON');
}

/** Adds one chunk's deltas: text appends, tool calls assemble by their index (name and arguments arrive in pieces). */
function addDelta(into: Completion, calls: Map<number, ToolCall>, choice: Choice, onText?: (delta: string) => void): void {
  const delta = choice.delta ?? {};
  if (typeof delta.content === 'string' && delta.content !== '' && into.content.length < MAX_REPLY_CHARS) {
    into.content += delta.content;
    onText?.(delta.content);
  }
  for (const part of delta.tool_calls ?? []) {
    const index = part.index ?? calls.size;
    const call = calls.get(index) ?? { id: '', type: 'function' as const, function: { name: '', arguments: '' } };
    if (part.id) call.id = part.id;
    if (part.function?.name) call.function.name += part.function.name;
    if (part.function?.arguments) call.function.arguments += part.function.arguments;
    calls.set(index, call);
  }
  if (choice.finish_reason) into.finishReason = choice.finish_reason;
}

async function readStream(response: Response, onText?: (delta: string) => void): Promise<Completion> {
  const completion: Completion = { content: '', toolCalls: [], finishReason: null, usage: null };
  const calls = new Map<number, ToolCall>();
  let finished = false;
  for await (const data of sseData(response.body!)) {
    if (data.trim() === '[DONE]') {
      finished = true;
      break;
    }
    const chunk = parse(data);
    completion.usage = usageOf(chunk.usage) ?? completion.usage;
    const choice = chunk.choices?.[0];
    if (choice) addDelta(completion, calls, choice, onText);
  }
  if (!finished && completion.finishReason === null) throw new LlmFailure('bad_response', 'the model stream ended before it finished');
  completion.toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([index, call]) => ({ ...call, id: call.id || `call_${index}` }));
  return completion;
}

async function readJson(response: Response): Promise<Completion> {
  const chunk = parse(await response.text());
  const choice = chunk.choices?.[0];
  if (!choice?.message) throw new LlmFailure('bad_response', 'the model answer has no message');
  const calls = Array.isArray(choice.message.tool_calls) ? choice.message.tool_calls : [];
  return {
    content: (typeof choice.message.content === 'string' ? choice.message.content : '').slice(0, MAX_REPLY_CHARS),
    toolCalls: calls.map((call, index) => ({ id: call.id || `call_${index}`, type: 'function', function: { name: String(call.function?.name ?? ''), arguments: String(call.function?.arguments ?? '') } })),
    finishReason: choice.finish_reason ?? null,
    usage: usageOf(chunk.usage),
  };
}

export function createLlmClient(config: Pick<LlmConfig, 'baseUrl' | 'apiKey' | 'model'>) {
  const url = `${config.baseUrl}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;

  return {
    /** One completion; throws LlmFailure (timeout, rate_limited, http_error, bad_response), never anything else. */
    async complete(request: CompletionRequest): Promise<Completion> {
      const body = {
        model: config.model,
        messages: request.messages,
        tools: request.tools,
        tool_choice: 'auto',
        temperature: 0.2,
        stream: request.stream,
        ...(request.stream && { stream_options: { include_usage: true } }),
      };
      try {
        const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: request.signal });
        if (response.status === 429) throw new LlmFailure('rate_limited', 'the model server answered 429');
        if (!response.ok) throw new LlmFailure('http_error', `the model server answered ${response.status}`);
        const streamed = request.stream && (response.headers.get('content-type') ?? '').includes('text/event-stream');
        return streamed ? await readStream(response, request.onText) : await readJson(response);
      } catch (error) {
        if (error instanceof LlmFailure) throw error;
        if (request.signal.aborted) throw new LlmFailure('timeout', 'the model did not answer in time');
        throw new LlmFailure('http_error', `the model server could not be reached (${(error as Error).message})`);
      }
    },
  };
}

export type LlmClient = ReturnType<typeof createLlmClient>;
