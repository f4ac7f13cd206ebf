// The llm_turns table (046): one row per turn while LLM mode is on. Budgets sum its tokens (all instances see the
// same rows); the analytics page reads engine shares, fallbacks, latency percentiles and cost per day from it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DateRange } from '../dashboard/date-range';

export interface TurnRecord {
  conversationId: string;
  engine: 'llm' | 'builtin';
  fallbackReason: string | null;
  latencyMs: number;
  promptTokens: number;
  completionTokens: number;
  costMicros: number;
}

export interface EngineDay {
  day: string;
  llm: number;
  builtin: number;
  fallbacks: number;
  tokens: number;
  cost: number;
}

export interface EngineReport {
  from: string;
  to: string;
  turns: { total: number; llm: number; builtin: number };
  /** Share of turns the model answered (null without turns). */
  llmShare: number | null;
  fallbacks: { total: number; reasons: { reason: string; count: number }[] };
  latencyMs: { llm: Percentiles; builtin: Percentiles };
  tokens: number;
  cost: number;
  daily: EngineDay[];
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

const tokensOf = sql<number>`coalesce(sum(prompt_tokens + completion_tokens), 0)`;

export function createLlmUsage(db: Kysely<Database>, now: () => Date) {
  return {
    async record(turn: TurnRecord): Promise<void> {
      await db
        .insertInto('llm_turns')
        .values({
          conversation_id: turn.conversationId,
          engine: turn.engine,
          fallback_reason: turn.fallbackReason,
          latency_ms: Math.round(turn.latencyMs),
          prompt_tokens: turn.promptTokens,
          completion_tokens: turn.completionTokens,
          cost_micros: turn.costMicros,
          created_at: now().toISOString(),
        })
        .execute();
    },

    /** Tokens this conversation spent, and all conversations since the start of today (UTC). */
    async spent(conversationId: string): Promise<{ conversation: number; today: number }> {
      const dayStart = `${now().toISOString().slice(0, 10)}T00:00:00.000Z`;
      const [conversation, today] = await Promise.all([
        db.selectFrom('llm_turns').select(tokensOf.as('n')).where('conversation_id', '=', conversationId).executeTakeFirst(),
        db.selectFrom('llm_turns').select(tokensOf.as('n')).where('created_at', '>=', dayStart).executeTakeFirst(),
      ]);
      return { conversation: Number(conversation?.n ?? 0), today: Number(today?.n ?? 0) };
    },

    async report(range: DateRange): Promise<EngineReport> {
      const rows = await db
        .selectFrom('llm_turns')
        .select(['engine', 'fallback_reason', 'latency_ms', 'prompt_tokens', 'completion_tokens', 'cost_micros', 'created_at'])
        .where('created_at', '>=', range.from)
        .where('created_at', '<', range.to)
        .execute();
      const days = new Map<string, EngineDay>();
      for (const day of range.days) days.set(day, { day, llm: 0, builtin: 0, fallbacks: 0, tokens: 0, cost: 0 });
      const reasons = new Map<string, number>();
      const latency = { llm: [] as number[], builtin: [] as number[] };
      let costMicros = 0;
      for (const row of rows) {
        const engine = row.engine === 'llm' ? 'llm' : 'builtin';
        const day = days.get(row.created_at.slice(0, 10));
        const tokens = Number(row.prompt_tokens) + Number(row.completion_tokens);
        latency[engine].push(Number(row.latency_ms));
        costMicros += Number(row.cost_micros);
        if (row.fallback_reason) reasons.set(row.fallback_reason, (reasons.get(row.fallback_reason) ?? 0) + 1);
        if (!day) continue;
        day[engine] += 1;
        day.fallbacks += row.fallback_reason ? 1 : 0;
        day.tokens += tokens;
        day.cost += Number(row.cost_micros) / 1e6;
      }
      const llm = latency.llm.length;
      const total = rows.length;
      return {
        from: range.fromDay,
        to: range.toDay,
        turns: { total, llm, builtin: total - llm },
        llmShare: total > 0 ? Math.round((llm / total) * 10_000) / 10_000 : null,
        fallbacks: { total: [...reasons.values()].reduce((a, b) => a + b, 0), reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count) },
        latencyMs: { llm: percentiles(latency.llm), builtin: percentiles(latency.builtin) },
        tokens: rows.reduce((sum, row) => sum + Number(row.prompt_tokens) + Number(row.completion_tokens), 0),
        cost: Math.round(costMicros) / 1e6,
        daily: [...days.values()].map((day) => ({ ...day, cost: Math.round(day.cost * 1e6) / 1e6 })),
      };
    },
  };
}

export type LlmUsage = ReturnType<typeof createLlmUsage>;
