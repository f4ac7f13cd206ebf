// LLM mode (issue 13, P9): built only when LLM_BASE_URL is set; the chat turn asks it first and falls back to the engine.
import type { Config, LlmConfig } from '../../config';
import { createActionRunner, type ActionDependencies } from '../widget/actions';
import { createLlmClient } from './client';
import { createResponder, type Responder } from './responder';
import { createToolRunner } from './tools';
import { createLlmUsage } from './usage';

export type { Responder, TurnStream } from './responder';

export type LlmModeDependencies = ActionDependencies & { config: Config };

export function createLlmMode(deps: LlmModeDependencies): Responder | null {
  const llm: LlmConfig | null = deps.config.llm;
  if (!llm) return null;
  const tools = createToolRunner({ engine: deps.engine, catalog: deps.catalog, runActions: createActionRunner(deps) });
  return createResponder({
    config: { ...deps.config, llm },
    client: createLlmClient(llm),
    tools,
    usage: createLlmUsage(deps.db.kysely, deps.now),
    conversations: deps.conversations,
    now: deps.now,
  });
}
