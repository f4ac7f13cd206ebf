// CSAT tab (D4): average against the 4.0 target, responses, distribution 1-5, trend and comments (paged, by rating).
import { api } from '../api';
import { formatDate } from '../format';
import { ColumnChart, LineChart, ratingTone } from '../components/charts';
import { DateRangeForm, Loading, PageHeader, Stat, useData } from '../components/ui';
import { SupportTabs } from './SupportTabs';
import { useLiveReload } from '../live';
import { CsatComments } from './CsatComments';
import type { StaffUser } from '../api';
import { useRange } from './range';

interface CsatSummary {
  from: string;
  to: string;
  target: number;
  average: number | null;
  meetsTarget: boolean;
  total: number;
  distribution: { rating: number; count: number }[];
  trend: { day: string; count: number; average: number | null }[];
  comments: { id: number; conversationId: string; rating: number; comment: string; createdAt: string }[];
}

export function CsatPage(props: { params: URLSearchParams; user: StaffUser }) {
  const range = useRange(props.params, '/dashboard/support/csat');
  const summary = useData(range.key, (signal, background) => api<CsatSummary>(`/csat${range.key}`, { signal, background }));
  // A new rating shows at once (live updates).
  useLiveReload(summary.reload, (event) => event.type === 'csat.rated' || event.type === 'live.resync');
  const s = summary.data;
  return (
    <>
      <PageHeader title="CSAT feedback" subtitle="How customers rate the Aurora concierge (1 to 5 stars)">
        <DateRangeForm from={range.from} to={range.to} onChange={range.change} />
      </PageHeader>
      <SupportTabs current="csat" />
      {!s ? (
        <Loading error={summary.error} status={summary.status} />
      ) : (
        <>
          <div class="stats">
            <Stat
              label="Average score"
              value={s.average === null ? '—' : s.average.toFixed(2)}
              hint={s.average === null ? 'No ratings in this range' : s.meetsTarget ? `Above the ${s.target.toFixed(1)} target` : `Below the ${s.target.toFixed(1)} target`}
              tone={s.average === null ? undefined : s.meetsTarget ? 'good' : 'bad'}
            />
            <Stat label="Total responses" value={s.total} hint={`${formatDate(s.from)} – ${formatDate(s.to)}`} />
            <Stat label="Target" value={`> ${s.target.toFixed(1)}`} hint="Set by support ops" />
          </div>
          <ColumnChart
            title="Score distribution"
            xLabel="Rating (stars)"
            yLabel="Responses"
            data={s.distribution.map((d) => ({ label: `${d.rating}★`, value: d.count, tone: ratingTone(d.rating) }))}
          />
          <LineChart
            title="Average score by day"
            days={s.trend.map((t) => t.day)}
            series={[{ name: 'Average score', values: s.trend.map((t) => t.average), tone: 'rose' }]}
            yLabel="Average (1–5)"
            yMax={5}
            wholeNumbers
            target={{ value: s.target, label: `Target ${s.target.toFixed(1)}` }}
          />
          <CsatComments from={range.from} to={range.to} params={props.params} admin={props.user.role === 'admin'} />
        </>
      )}
    </>
  );
}
