// Shared pieces of every page: data loading, pills, headers, notices, date ranges and pagination.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useLatestData, type Loaded, type Loader } from '../fetching';
import { setPageTitle } from '../live';
import { PRIORITY_LABELS, STATUS_LABELS } from '../format';

export type { Loaded };

/**
 * Loads `fetcher` whenever `key` changes; `reload` refreshes without clearing what is shown. Stale-safe
 * (fetching.ts): an older answer never replaces a newer one, and a fetcher that passes the signal on is cancelled.
 */
export function useData<T>(key: string, fetcher: Loader<T>): Loaded<T> {
  return useLatestData(key, fetcher);
}

export interface ActionMessage<T = unknown> {
  kind: 'success' | 'error';
  text: string;
  /** What the action answered (e.g. a new password to show once); only on success. */
  result?: T;
}

/**
 * A staff action with its outcome notice: `run(task, done)` shows `done` when the task succeeds, the API's
 * message (or a generic one) when it fails; `busy` is true meanwhile.
 */
export function useAction<T = unknown>() {
  const [message, setMessage] = useState<ActionMessage<T> | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const run = async (task: () => Promise<T>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      setMessage({ kind: 'success', text: done, result: await task() });
      return true;
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : 'That did not work. Try again.' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { message, busy, run };
}

/** The <option>s of a code → label map, e.g. STATUS_LABELS. */
export function LabelOptions(props: { labels: Record<string, string> }) {
  return (
    <>
      {Object.entries(props.labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

export function PageHeader(props: { title: string; subtitle?: ComponentChildren; children?: ComponentChildren }) {
  useEffect(() => {
    setPageTitle(`${props.title} · Aurora Dashboard`);
  }, [props.title]);
  return (
    <header class="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle && <p class="subtitle">{props.subtitle}</p>}
      </div>
      {props.children && <div class="page-actions">{props.children}</div>}
    </header>
  );
}

export function Notice(props: { kind?: 'error' | 'success' | 'info'; children: ComponentChildren }) {
  const kind = props.kind ?? 'info';
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export function Loading(props: { error?: string; status?: number }) {
  if (props.error) return <Notice kind="error">{props.status === 403 ? 'This is for admins only.' : props.error}</Notice>;
  return <p class="loading">Loading…</p>;
}

export function StatusPill(props: { status: string }) {
  return <span class={`pill pill-status-${props.status}`}>{STATUS_LABELS[props.status] ?? props.status}</span>;
}

export function PriorityPill(props: { priority: string }) {
  return <span class={`pill pill-priority-${props.priority}`}>{PRIORITY_LABELS[props.priority] ?? props.priority}</span>;
}

export function Pill(props: { tone?: 'neutral' | 'good' | 'bad' | 'gold'; children: ComponentChildren }) {
  return <span class={`pill pill-${props.tone ?? 'neutral'}`}>{props.children}</span>;
}

export function DateRangeForm(props: { from: string; to: string; onChange: (from: string, to: string) => void }) {
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  return (
    <form
      class="range-form"
      aria-label="Date range"
      onSubmit={(e) => {
        e.preventDefault();
        props.onChange(from, to);
      }}
    >
      <label>
        From <input type="date" name="from" value={from} max={to} required onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <label>
        To <input type="date" name="to" value={to} min={from} required onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button">
        Apply
      </button>
    </form>
  );
}

export function Pager(props: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const first = props.total === 0 ? 0 : (props.page - 1) * props.pageSize + 1;
  const last = Math.min(props.total, props.page * props.pageSize);
  return (
    <nav class="pager" aria-label="Pagination">
      <span role="status">
        {first}–{last} of {props.total}
      </span>
      <button type="button" class="button button-quiet" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        Previous
      </button>
      <span>
        Page {props.page} of {pages}
      </span>
      <button type="button" class="button button-quiet" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        Next
      </button>
    </nav>
  );
}

export function Stat(props: { label: string; value: ComponentChildren; hint?: ComponentChildren; tone?: 'good' | 'bad' }) {
  return (
    <div class={`stat ${props.tone ? `stat-${props.tone}` : ''}`}>
      <div class="stat-label">{props.label}</div>
      <div class="stat-value">{props.value}</div>
      {props.hint && <div class="stat-hint">{props.hint}</div>}
    </div>
  );
}

export function Brand(props: { dark?: boolean }) {
  return (
    <div class={props.dark ? 'brand brand-dark' : 'brand'}>
      <span class="brand-mark" aria-hidden="true">
        ✦
      </span>
      <span>
        Aurora <small>Dashboard</small>
      </span>
    </div>
  );
}
