// Optional LLM mode (issue 13): one row per chat turn answered while LLM mode is on: which engine answered, why the
// built-in engine took over, how long it took, the tokens spent and their cost. Budgets and the analytics page read it.
import type { AuroraMigration } from './helpers';
import { withId } from './helpers';

export const llmTurnsMigration: AuroraMigration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('llm_turns'), dialect)
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('fallback_reason', 'text')
      .addColumn('latency_ms', 'integer', (c) => c.notNull())
      .addColumn('prompt_tokens', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('completion_tokens', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cost_micros', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('llm_turns_created_idx').on('llm_turns').column('created_at').execute();
    await db.schema.createIndex('llm_turns_conversation_idx').on('llm_turns').column('conversation_id').execute();
  },
};
