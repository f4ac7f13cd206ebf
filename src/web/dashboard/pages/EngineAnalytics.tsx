// The analytics page's LLM mode section (issue 13): which engine answered the chat turns, the fallbacks and their
// reasons, p50/p95 latency per engine and what the model cost per day. Shown once LLM mode has answered a turn.
import { api } from '../api';
import { BarList, LineChart } from '../components/charts';
import { Stat, useData } from '../components/ui';
import { formatMoney, formatPercent, humanize } from '../format';

interface Percentiles {
  p50: number | null;
  p95: number | null;
}

interface EngineReport {
  llmMode: boolean;
  currency: string;
  turns: { total: number; llm: number; builtin: number };
  llmShare: number | null;
  fallbacks: { total: number; reasons: { reason: string; count: number }[] };
  latencyMs: { llm: Percentiles; builtin: Percentiles };
  tokens: number;
  cost: number;
  daily: { day: string; llm: number; builtin: number; fallbacks: number; tokens: number; cost: number }[];
}

const ms = (value: number | null) => (value === null ? '—' : value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`);

export function EngineAnalytics(props: { rangeKey: string }) {
  const report = useData(`engines${props.rangeKey}`, () => api<EngineReport>(`/analytics/engines${props.rangeKey}`));
  const r = report.data;
  // Nothing to show while LLM mode is off and never answered in this range.
  if (!r || (!r.llmMode && r.turns.total === 0)) return null;
  return (
    <section class="engine-analytics" aria-labelledby="engine-analytics-title">
      <h2 id="engine-analytics-title">LLM mode</h2>
      <div class="stats">
        <Stat label="Turns answered by the model" value={formatPercent(r.llmShare)} hint={`${r.turns.llm.toLocaleString()} by the model, ${r.turns.builtin.toLocaleString()} by the built-in engine`} />
        <Stat label="Fallbacks" value={r.fallbacks.total.toLocaleString()} hint="Turns the built-in engine took over (timeout, error, budget…)" tone={r.turns.total > 0 && r.fallbacks.total / r.turns.total > 0.2 ? 'bad' : undefined} />
        <Stat label="Model latency p50 / p95" value={`${ms(r.latencyMs.llm.p50)} / ${ms(r.latencyMs.llm.p95)}`} hint={`Built-in engine's turns: ${ms(r.latencyMs.builtin.p50)} / ${ms(r.latencyMs.builtin.p95)} (a fallback includes the wait for the model)`} />
        <Stat label="Model cost" value={formatMoney(r.cost, r.currency)} hint={`${r.tokens.toLocaleString()} tokens`} />
      </div>
      <BarList title="Why the built-in engine took over" labelHeader="Reason" valueLabel="Turns" data={r.fallbacks.reasons.map((f) => ({ label: humanize(f.reason), value: f.count }))} />
      <LineChart
        title="Turns by engine per day"
        days={r.daily.map((d) => d.day)}
        series={[
          { name: 'Model', values: r.daily.map((d) => d.llm), tone: 'rose' },
          { name: 'Built-in engine', values: r.daily.map((d) => d.builtin), tone: 'ink' },
          { name: 'Fallbacks', values: r.daily.map((d) => d.fallbacks), tone: 'gold' },
        ]}
        yLabel="Turns"
        wholeNumbers
      />
      <LineChart title="Model cost per day" days={r.daily.map((d) => d.day)} series={[{ name: 'Cost', values: r.daily.map((d) => d.cost), tone: 'gold' }]} yLabel={`Cost (${r.currency})`} format={(v) => formatMoney(v, r.currency)} />
    </section>
  );
}
