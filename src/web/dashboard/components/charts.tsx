// Hand-drawn SVG charts: labelled axes, values on the bars, an accessible name and a data table for screen readers.
import type { ComponentChildren } from 'preact';

export interface BarDatum {
  label: string;
  value: number;
  /** Shown on the bar instead of the raw value (e.g. "42%"). */
  display?: string;
  tone?: 'rose' | 'gold' | 'ink' | 'bad' | RatingTone;
}

export type RatingTone = `rating-${1 | 2 | 3 | 4 | 5}`;

/** One ordered scale for star ratings, red (1★) through gold (3★) to green (5★); every step is ≥ 3:1 on white. */
export function ratingTone(rating: number): RatingTone {
  return `rating-${Math.min(5, Math.max(1, Math.round(rating))) as 1 | 2 | 3 | 4 | 5}`;
}

/** A round top for an axis; for whole numbers, one that halves and quarters evenly where it can (no 2.5). */
function niceMax(value: number, wholeNumbers = false): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const steps = wholeNumbers ? [1, 2, 4, 5, 10] : [1, 2, 2.5, 5, 10];
  const nice = steps.map((m) => m * power).find((m) => m >= value) ?? value;
  return wholeNumbers ? Math.max(1, Math.ceil(nice)) : nice;
}

/** Gridlines (as fractions of `max`) of an axis of whole numbers: every one up to 6, else the quarters that are whole (no "0.5 responses"). */
function wholeTicks(max: number): number[] {
  if (max <= 6) return Array.from({ length: max + 1 }, (_, i) => i / max);
  return [0, 0.25, 0.5, 0.75, 1].filter((f) => Number.isInteger(max * f));
}

function DataTable(props: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  // A table cannot be shrunk to 1px (it grows to its rows): the wrapper is what hides it.
  return (
    <div class="visually-hidden">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Figure(props: { title: string; children: ComponentChildren }) {
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      {props.children}
    </figure>
  );
}

/** Vertical bars, one per category (e.g. ratings 1-5). */
export function ColumnChart(props: { title: string; data: BarDatum[]; xLabel: string; yLabel: string }) {
  const width = 420;
  const height = 220;
  const pad = { left: 44, right: 12, top: 16, bottom: 44 };
  const max = niceMax(Math.max(...props.data.map((d) => d.value), 0), true);
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const slot = innerW / Math.max(props.data.length, 1);
  const summary = props.data.map((d) => `${d.label}: ${d.display ?? d.value}`).join(', ');
  return (
    <Figure title={props.title}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${props.title}. ${summary}`}>
        {wholeTicks(max).map((f) => (
          <g key={f}>
            <line class="grid" x1={pad.left} x2={width - pad.right} y1={pad.top + innerH * (1 - f)} y2={pad.top + innerH * (1 - f)} />
            <text class="tick" x={pad.left - 6} y={pad.top + innerH * (1 - f) + 4} text-anchor="end">
              {max * f}
            </text>
          </g>
        ))}
        {props.data.map((d, i) => {
          const h = (d.value / max) * innerH;
          const x = pad.left + i * slot + slot * 0.18;
          return (
            <g key={d.label}>
              <rect class={`bar bar-${d.tone ?? 'rose'}`} x={x} y={pad.top + innerH - h} width={slot * 0.64} height={Math.max(h, 0)} rx="3" />
              <text class="bar-value" x={x + slot * 0.32} y={pad.top + innerH - h - 4} text-anchor="middle">
                {d.display ?? d.value}
              </text>
              <text class="tick" x={x + slot * 0.32} y={height - pad.bottom + 16} text-anchor="middle">
                {d.label}
              </text>
            </g>
          );
        })}
        <text class="axis-label" x={pad.left + innerW / 2} y={height - 6} text-anchor="middle">
          {props.xLabel}
        </text>
        <text class="axis-label" transform={`translate(12 ${pad.top + innerH / 2}) rotate(-90)`} text-anchor="middle">
          {props.yLabel}
        </text>
      </svg>
      <DataTable caption={props.title} columns={[props.xLabel, props.yLabel]} rows={props.data.map((d) => [d.label, d.display ?? d.value])} />
    </Figure>
  );
}

// Width of a character of the 11px bold value labels, generously (digits and "%" are ~6.5px): room is kept for the
// longest label right of the longest bar, so "94 (34%)" is never cut at the edge.
const VALUE_CHAR_WIDTH = 7.5;

/** Horizontal bars with their labels on the left (e.g. top intents). */
export function BarList(props: { title: string; data: BarDatum[]; labelHeader: string; valueLabel: string }) {
  const width = 420;
  const barStart = 148;
  const max = Math.max(...props.data.map((d) => d.value), 1);
  const valueRoom = Math.max(...props.data.map((d) => String(d.display ?? d.value).length), 1) * VALUE_CHAR_WIDTH + 8;
  const barRoom = width - barStart - valueRoom;
  const barWidth = (d: BarDatum) => Math.max((d.value / max) * barRoom, 2);
  const summary = props.data.map((d) => `${d.label}: ${d.display ?? d.value}`).join(', ');
  return (
    <Figure title={props.title}>
      {props.data.length === 0 ? (
        <p class="empty">No data in this range.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${props.data.length * 28 + 8}`} role="img" aria-label={`${props.title}. ${summary}`}>
          {props.data.map((d, i) => (
            <g key={d.label} transform={`translate(0 ${i * 28 + 4})`}>
              <text class="tick" x={barStart - 8} y="15" text-anchor="end">
                {d.label}
              </text>
              <rect class={`bar bar-${d.tone ?? 'rose'}`} x={barStart} y="2" width={barWidth(d)} height="18" rx="3" />
              <text class="bar-value" x={barStart + 4 + barWidth(d)} y="15">
                {d.display ?? d.value}
              </text>
            </g>
          ))}
        </svg>
      )}
      <DataTable caption={props.title} columns={[props.labelHeader, props.valueLabel]} rows={props.data.map((d) => [d.label, d.display ?? d.value])} />
    </Figure>
  );
}

export interface LineSeries {
  name: string;
  values: (number | null)[];
  tone: 'rose' | 'gold' | 'ink';
}

/** Lines over days; a dashed target line when given. Gaps (null) break the line. */
export function LineChart(props: {
  title: string;
  days: string[];
  series: LineSeries[];
  yLabel: string;
  yMax?: number;
  target?: { value: number; label: string };
  format?: (v: number) => string;
  /** The axis counts (or scores) in whole numbers: gridlines only there. */
  wholeNumbers?: boolean;
}) {
  const width = 900;
  const height = 260;
  const pad = { left: 48, right: 16, top: 16, bottom: 44 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const all = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = props.yMax ?? niceMax(Math.max(...all, props.target?.value ?? 0, 0), props.wholeNumbers);
  const fmt = props.format ?? ((v: number) => String(Math.round(v * 100) / 100));
  const x = (i: number) => pad.left + (props.days.length <= 1 ? innerW / 2 : (i / (props.days.length - 1)) * innerW);
  const y = (v: number) => pad.top + innerH * (1 - v / max);
  const tickEvery = Math.max(1, Math.ceil(props.days.length / 6));
  const paths = props.series.map((s) => {
    let d = '';
    s.values.forEach((v, i) => {
      if (v === null) return;
      d += `${d && s.values[i - 1] !== null && s.values[i - 1] !== undefined ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    });
    return { ...s, d };
  });
  const summary = props.series.map((s) => `${s.name}: ${s.values.filter((v) => v !== null).length} days with data`).join('; ');
  return (
    <Figure title={props.title}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${props.title}. ${summary}${props.target ? `; ${props.target.label}` : ''}`}>
        {(props.wholeNumbers ? wholeTicks(max) : [0, 0.25, 0.5, 0.75, 1]).map((f) => (
          <g key={f}>
            <line class="grid" x1={pad.left} x2={width - pad.right} y1={y(max * f)} y2={y(max * f)} />
            <text class="tick" x={pad.left - 6} y={y(max * f) + 4} text-anchor="end">
              {fmt(max * f)}
            </text>
          </g>
        ))}
        {props.days.map((d, i) =>
          i % tickEvery === 0 || i === props.days.length - 1 ? (
            <text key={d} class="tick" x={x(i)} y={height - pad.bottom + 16} text-anchor="middle">
              {d.slice(5)}
            </text>
          ) : null,
        )}
        {props.target && (
          <g>
            <line class="target" x1={pad.left} x2={width - pad.right} y1={y(props.target.value)} y2={y(props.target.value)} />
            <text class="target-label" x={width - pad.right} y={y(props.target.value) - 5} text-anchor="end">
              {props.target.label}
            </text>
          </g>
        )}
        {paths.map((p) => (
          <g key={p.name}>
            <path class={`line line-${p.tone}`} d={p.d} />
            {p.values.map((v, i) => (v === null ? null : <circle key={i} class={`dot dot-${p.tone}`} cx={x(i)} cy={y(v)} r={props.days.length > 60 ? 1.5 : 3} />))}
          </g>
        ))}
        <text class="axis-label" x={pad.left + innerW / 2} y={height - 6} text-anchor="middle">
          Day (month-day, UTC)
        </text>
        <text class="axis-label" transform={`translate(12 ${pad.top + innerH / 2}) rotate(-90)`} text-anchor="middle">
          {props.yLabel}
        </text>
      </svg>
      {props.series.length > 1 && (
        <ul class="legend" aria-hidden="true">
          {props.series.map((s) => (
            <li key={s.name}>
              <span class={`swatch swatch-${s.tone}`} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <DataTable
        caption={props.title}
        columns={['Day', ...props.series.map((s) => s.name)]}
        rows={props.days.map((d, i) => [d, ...props.series.map((s) => (s.values[i] === null || s.values[i] === undefined ? '—' : fmt(s.values[i]!)))])}
      />
    </Figure>
  );
}
