// The OpenAI chat-completions wire format (the subset every compatible server speaks: OpenAI, Ollama, vLLM, llama.cpp).

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

/** One assistant message, whole: its text, the tool calls it asks for, why it stopped, and the tokens it took. */
export interface Completion {
  content: string;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: Usage | null;
}

/** Why a model turn gave up; each is answered by the built-in engine. */
export type FailureReason = 'timeout' | 'http_error' | 'rate_limited' | 'bad_response' | 'broken_tool_call' | 'unsafe_reply' | 'budget' | 'circuit_open';

export class LlmFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'LlmFailure';
  }
}
