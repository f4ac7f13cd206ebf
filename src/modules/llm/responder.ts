// One chat turn answered by the model: the rules and the masked conversation go to the endpoint, its tool calls run
// the concierge's own code, its text streams out once the guard passed it. Any failure (timeout, HTTP error, 429,
// broken tool call, unsafe reply, exhausted budget, open circuit) hands the turn back to the built-in engine.
import type { Config, LlmConfig } from '../../config';
import type { ConversationState, ReplyBlock, Understanding } from '../../engine/index';
import type { ConversationService } from '../conversations/service';
import type { TurnOutcome, TurnParties } from '../widget/actions';
import { DEFAULT_BREAKER, createBreaker, type Breaker } from './breaker';
import type { LlmClient } from './client';
import { createReplyGuard } from './guard';
import { conversationMessages, createEmailMask, systemPrompt } from './prompt';
import { LlmFailure, type ChatMessage, type FailureReason, type Usage } from './protocol';
import { parseToolCall, TOOL_DEFINITIONS, type ToolRunner } from './tools';
import type { LlmUsage } from './usage';

/** What the widget's stream gets while the turn runs; `reset` drops what was shown when the built-in engine takes over. */
export interface TurnStream {
  text(delta: string): void;
  block(block: ReplyBlock): void;
  reset(): void;
}

export interface LlmTurnInput {
  sessionId: string;
  idempotencyKey?: string;
  understanding: Understanding;
  state: ConversationState;
  parties: TurnParties;
  stream?: TurnStream;
}

export type LlmTurnResult =
  | { engine: 'llm'; outcome: TurnOutcome; usage: Usage }
  /** `reason` null: the shop's rules send this message to the built-in engine (a management trigger, a card number). */
  | { engine: 'builtin'; reason: FailureReason | null; usage: Usage };

export interface ResponderDependencies {
  config: Pick<Config, 'shop' | 'returns' | 'businessHours' | 'currency'> & { llm: LlmConfig };
  client: LlmClient;
  tools: ToolRunner;
  usage: LlmUsage;
  conversations: Pick<ConversationService, 'transcript'>;
  now: () => Date;
  breaker?: Breaker;
  log?: { warn(object: object, message: string): void };
}

/** Rounds of tool calls in one turn; a model still calling tools after this has lost its way. */
export const MAX_ROUNDS = 4;
/** Failures of the endpoint itself open the circuit; a model's bad call or a budget does not. */
const ENDPOINT_FAILURES: ReadonlySet<FailureReason> = new Set(['timeout', 'http_error', 'rate_limited', 'bad_response']);
// Text is shown a sentence at a time, each checked by the guard first.
const SENTENCE_END = /[.!?:;\n](?=\s|$)|\n/g;

/** Plain text: no control characters, no markdown emphasis or headings, at most one blank line. */
export function plainReplyText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e]/g, '')
    .replace(/\*\*|__|`+/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\n{3,}/g, '\n\n');
}

const costMicros = (usage: Usage, pricePer1k: number) => Math.round(((usage.promptTokens + usage.completionTokens) / 1000) * pricePer1k * 1e6);
const estimateTokens = (messages: ChatMessage[]) => Math.ceil(JSON.stringify(messages).length / 4);

export function createResponder(deps: ResponderDependencies) {
  const { config, client, tools, usage, conversations, now } = deps;
  const breaker = deps.breaker ?? createBreaker({ ...DEFAULT_BREAKER, now: () => now().getTime() });
  // The same key twice at once (a double click, a retry while the first is running) calls the model once.
  const running = new Map<string, Promise<LlmTurnResult>>();

  async function modelTurn(input: LlmTurnInput, spent: Usage): Promise<TurnOutcome> {
    const { understanding, parties, stream } = input;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), config.llm.timeoutMs);
    const mask = createEmailMask();
    const system = systemPrompt(config, now());
    const guard = createReplyGuard(system);
    const history = await conversations.transcript(input.sessionId);
    const messages = conversationMessages(system, history, understanding.text, mask);
    // Prices the model may state: what the concierge showed before, and this turn's tool calls and results (a price the
    // customer merely typed is not one, unless the model searched with it).
    let known = messages.filter((m) => m.role === 'assistant').map((m) => m.content ?? '').join('\n');
    // What else the guard compares against: what was shown before, this turn's tool results, the customer's own words.
    const turn = { earlier: known, results: [] as Record<string, unknown>[], customer: messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n') };
    const { pendingForm: _form, pendingOffer: _offer, ...state } = input.state;
    const outcome: TurnOutcome = { state: { ...state, turn: input.state.turn + 1, lastIntent: understanding.intent, consecutiveFallbacks: 0 }, blocks: [], events: [], messageData: {} };
    let shownText = '';
    const show = (piece: string) => {
      const last = outcome.blocks.at(-1);
      const clean = last?.type === 'text' ? plainReplyText(piece) : plainReplyText(piece).replace(/^\s+/, '');
      if (!clean) return;
      if (last?.type === 'text') last.text += clean;
      else outcome.blocks.push({ type: 'text', text: clean });
      shownText += clean;
      stream?.text(clean);
    };
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        let pending = '';
        let streamed = false;
        const release = (all: boolean) => {
          let cut = all ? pending.length : 0;
          if (!all) for (const match of pending.matchAll(SENTENCE_END)) cut = match.index + match[0].length;
          if (cut === 0) return;
          guard.check(shownText + pending.slice(0, cut), known, turn);
          show(pending.slice(0, cut));
          pending = pending.slice(cut);
        };
        const completion = await client.complete({
          messages,
          tools: TOOL_DEFINITIONS,
          stream: stream !== undefined,
          signal: deadline.signal,
          onText: (delta) => {
            streamed = true;
            pending += delta;
            release(false);
          },
        });
        spent.promptTokens += completion.usage?.promptTokens ?? estimateTokens(messages);
        spent.completionTokens += completion.usage?.completionTokens ?? Math.ceil((completion.content.length + JSON.stringify(completion.toolCalls).length) / 4);
        // Not streamed (a JSON answer): its text is shown now, checked the same way.
        if (!streamed) pending = completion.content;
        release(true);
        if (completion.toolCalls.length === 0) break;
        // Every call is checked before any runs: one broken call and the built-in engine answers the whole turn.
        const calls = completion.toolCalls.map((call) => ({ call, ...parseToolCall(call.function.name, call.function.arguments) }));
        messages.push({ role: 'assistant', content: completion.content || null, tool_calls: completion.toolCalls });
        known += `\n${JSON.stringify(calls.map(({ args }) => args))}`;
        for (const { call, name, args } of calls) {
          const ran = await tools(name, args, outcome, parties, mask);
          if (deadline.signal.aborted) throw new LlmFailure('timeout', 'the turn ran out of time');
          const content = JSON.stringify(ran.result);
          known += `\n${content}`;
          turn.results.push(ran.result);
          messages.push({ role: 'tool', tool_call_id: call.id, content });
          for (const block of ran.blocks) {
            outcome.blocks.push(block);
            stream?.block(block);
          }
        }
        if (round === MAX_ROUNDS - 1) throw new LlmFailure('bad_response', 'the model kept calling tools');
      }
      if (outcome.blocks.length === 0) throw new LlmFailure('bad_response', 'the model said nothing');
      return outcome;
    } finally {
      clearTimeout(timer);
    }
  }

  async function answer(input: LlmTurnInput): Promise<LlmTurnResult> {
    const spent: Usage = { promptTokens: 0, completionTokens: 0 };
    const { understanding } = input;
    // The shop's rules that hold whatever the model says: a management trigger opens its ticket at once and a card
    // number gets its warning, both from the built-in engine.
    if (understanding.triggers.management.length > 0 || understanding.cues.sharedCard) return { engine: 'builtin', reason: null, usage: spent };
    if (!breaker.allow()) return { engine: 'builtin', reason: 'circuit_open', usage: spent };
    const budget = await usage.spent(input.sessionId);
    if (budget.conversation >= config.llm.tokensPerConversation || budget.today >= config.llm.tokensPerDay) {
      return { engine: 'builtin', reason: 'budget', usage: spent };
    }
    try {
      const outcome = await modelTurn(input, spent);
      breaker.succeeded();
      return { engine: 'llm', outcome, usage: spent };
    } catch (error) {
      if (!(error instanceof LlmFailure)) throw error;
      if (ENDPOINT_FAILURES.has(error.reason)) breaker.failed();
      else breaker.succeeded();
      deps.log?.warn({ reason: error.reason, detail: error.message }, 'LLM turn handed to the built-in engine');
      input.stream?.reset();
      return { engine: 'builtin', reason: error.reason, usage: spent };
    }
  }

  return {
    breaker,
    answer(input: LlmTurnInput): Promise<LlmTurnResult> {
      const key = input.idempotencyKey && `${input.sessionId}:${input.idempotencyKey}`;
      if (!key) return answer(input);
      const already = running.get(key);
      if (already) return already;
      const turn = answer(input).finally(() => running.delete(key));
      running.set(key, turn);
      return turn;
    },
    /** Writes the turn's row: engine, fallback reason, latency, tokens and their cost. */
    record(sessionId: string, result: LlmTurnResult, latencyMs: number): Promise<void> {
      return usage.record({
        conversationId: sessionId,
        engine: result.engine,
        fallbackReason: result.engine === 'builtin' ? result.reason : null,
        latencyMs,
        promptTokens: result.usage.promptTokens,
        completionTokens: result.usage.completionTokens,
        costMicros: costMicros(result.usage, config.llm.pricePer1kTokens),
      });
    },
  };
}

export type Responder = ReturnType<typeof createResponder>;
