// Concierge analytics (D5, admins): open rate, top intents, conversion and error rate over a date range.
import { api } from '../api';
import { formatPercent, humanize } from '../format';
import { BarList, ColumnChart, LineChart } from '../components/charts';
import { DateRangeForm, Loading, PageHeader, Stat, useData } from '../components/ui';
import { useRange } from './range';
import { EngineAnalytics } from './EngineAnalytics';

interface Report {
  from: string;
  to: string;
  totals: { loaded: number; opened: number; messages: number; errors: number; interactingSessions: number; convertedSessions: number };
  openRate: number | null;
  conversionRate: number | null;
  errorRate: number | null;
  intents: { intent: string; count: number }[];
  daily: { day: string; loaded: number; opened: number; messages: number; errors: number; openRate: number | null; errorRate: number | null }[];
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function AnalyticsPage(props: { params: URLSearchParams }) {
  const range = useRange(props.params, '/dashboard/analytics/concierge');
  const report = useData(range.key, () => api<Report>(`/analytics/concierge${range.key}`));
  const r = report.data;
  const totalIntents = r ? r.intents.reduce((sum, i) => sum + i.count, 0) : 0;
  return (
    <>
      <PageHeader title="Concierge analytics" subtitle="How shoppers use the Aurora widget">
        <DateRangeForm from={range.from} to={range.to} onChange={range.change} />
      </PageHeader>
      {!r ? (
        <Loading error={report.error} status={report.status} />
      ) : (
        <>
          <div class="stats">
            <Stat label="Widget open rate" value={formatPercent(r.openRate)} hint={`${r.totals.opened.toLocaleString()} opens of ${r.totals.loaded.toLocaleString()} loads`} />
            <Stat label="Conversion rate" value={formatPercent(r.conversionRate)} hint={`${r.totals.convertedSessions.toLocaleString()} of ${r.totals.interactingSessions.toLocaleString()} interacting sessions purchased`} />
            <Stat
              label="Error rate"
              value={formatPercent(r.errorRate)}
              hint={`${r.totals.errors.toLocaleString()} failed of ${(r.totals.messages + r.totals.errors).toLocaleString()} requests`}
              tone={r.errorRate !== null && r.errorRate > 0.05 ? 'bad' : undefined}
            />
            <Stat label="Customer messages" value={r.totals.messages.toLocaleString()} />
          </div>
          <div class="chart-grid">
            <BarList
              title="Most common intents"
              labelHeader="Intent"
              valueLabel="Messages"
              data={r.intents.map((i) => ({ label: humanize(i.intent), value: i.count, display: `${i.count} (${totalIntents ? Math.round((i.count / totalIntents) * 100) : 0}%)` }))}
            />
            <ColumnChart
              title="From page view to purchase"
              xLabel="Step"
              yLabel="Count"
              data={[
                { label: 'Loads', value: r.totals.loaded, tone: 'ink' },
                { label: 'Opens', value: r.totals.opened, tone: 'rose' },
                { label: 'Interacted', value: r.totals.interactingSessions, tone: 'rose' },
                { label: 'Purchased', value: r.totals.convertedSessions, tone: 'gold' },
              ]}
            />
          </div>
          <LineChart
            title="Open rate and error rate by day"
            days={r.daily.map((d) => d.day)}
            series={[
              { name: 'Open rate', values: r.daily.map((d) => d.openRate), tone: 'rose' },
              { name: 'Error rate', values: r.daily.map((d) => d.errorRate), tone: 'ink' },
            ]}
            yLabel="Share of loads / requests"
            yMax={1}
            format={pct}
          />
          <LineChart
            title="Widget loads, opens and messages by day"
            days={r.daily.map((d) => d.day)}
            series={[
              { name: 'Loads', values: r.daily.map((d) => d.loaded), tone: 'ink' },
              { name: 'Opens', values: r.daily.map((d) => d.opened), tone: 'rose' },
              { name: 'Messages', values: r.daily.map((d) => d.messages), tone: 'gold' },
            ]}
            yLabel="Events"
            wholeNumbers
          />
          <EngineAnalytics rangeKey={range.key} />
        </>
      )}
    </>
  );
}
