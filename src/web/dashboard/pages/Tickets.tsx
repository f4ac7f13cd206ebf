// Stylist tickets (D2): saved views with counts, search, filters, tags, bulk assign/status on selected tickets and
// keyboard shortcuts; live updates. Searching as you type never shows an older answer (useData is stale-safe).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query, type StaffUser } from '../api';
import { formatDateTime, formatOverdue, formatRelative, PRIORITY_LABELS, STATUS_LABELS } from '../format';
import { Link, navigate } from '../router';
import { LabelOptions, Loading, Notice, PageHeader, Pager, Pill, PriorityPill, StatusPill, useAction, useData } from '../components/ui';
import { ShortcutHelp, useShortcuts, type Shortcut } from '../components/Shortcuts';
import { SupportTabs } from './SupportTabs';
import { useLiveReload, useLiveState } from '../live';
import { BulkBar, type BulkOutcome } from './TicketBulk';
import type { TicketListItem, TicketQueries } from '../../../modules/dashboard/tickets-queries';

// The API's own types (type-only imports: nothing of the server reaches the bundle).
export type TicketRow = TicketListItem;
type TicketList = Awaited<ReturnType<TicketQueries['list']>>;

export interface Stylist {
  id: number;
  name: string;
  role: string;
}

const REFRESH_MS = 10_000;
const SEARCH_DELAY_MS = 250;
const SORTS: [string, string][] = [
  ['created', 'Created'],
  ['answer_by', 'Answer by'],
  ['priority', 'Priority'],
  ['status', 'Status'],
  ['customer', 'Customer'],
];
const VIEWS: [view: string, label: string][] = [
  ['mine', 'Mine'],
  ['unassigned', 'Unassigned'],
  ['overdue', 'Overdue'],
  ['vip', 'VIP'],
  ['management', 'Management'],
];

export function useStylists() {
  return useData('stylists', () => api<{ items: Stylist[] }>('/stylists'));
}

const FILTER_NAMES = ['q', 'view', 'tag', 'status', 'priority', 'assignee', 'sort', 'dir', 'page'] as const;
type Filters = Record<(typeof FILTER_NAMES)[number], string>;

function filtersOf(p: URLSearchParams): Filters {
  const filters = Object.fromEntries(FILTER_NAMES.map((name) => [name, p.get(name) ?? ''])) as Filters;
  return { ...filters, sort: filters.sort || 'created', page: filters.page || '1' };
}

export function TicketsPage(props: { params: URLSearchParams; user: StaffUser }) {
  const filters = filtersOf(props.params);
  const key = query(filters);
  const list = useData(key, (signal, background) => api<TicketList>(`/tickets${key}`, { signal, background }));
  // Live: new tickets appear and changed rows update as they happen; "New" marks news the agent has not opened yet.
  useLiveReload(list.reload);
  const { unread } = useLiveState();
  const stylists = useStylists();
  const tags = useData('tags', () => api<{ items: { tag: string; count: number }[] }>('/tags'));
  const [search, setSearch] = useState(filters.q);
  const [now, setNow] = useState(Date.now());
  // Selected tickets with the version each had when selected: a change made since then is skipped, not overwritten.
  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  const [cursor, setCursor] = useState(-1);
  const [help, setHelp] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | undefined>(undefined);
  const single = useAction();
  const table = useRef<HTMLTableElement>(null);

  // New tickets appear without a reload.
  useEffect(() => {
    const timer = setInterval(() => {
      void list.reload({ background: true });
      setNow(Date.now());
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [list.reload]);

  // From the URL as it is now: a delayed search must not undo a filter chosen since it was typed.
  const update = (changes: Partial<Filters>) => navigate(`/dashboard/support${query({ ...filtersOf(new URLSearchParams(location.search)), page: '1', ...changes })}`, { replace: true });

  // Search as you type, a moment after the last key (Enter searches at once).
  useEffect(() => {
    if (search.trim() === filters.q) return;
    const timer = setTimeout(() => {
      if (search.trim() !== (new URLSearchParams(location.search).get('q') ?? '')) update({ q: search.trim() });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  // A new page of results starts with nothing selected.
  useEffect(() => {
    setSelected(new Map());
    setCursor(-1);
  }, [key]);

  const currentDir = () => filters.dir || (filters.sort === 'created' ? 'desc' : 'asc');
  const sortBy = (sort: string) => update({ sort, dir: filters.sort === sort ? (currentDir() === 'asc' ? 'desc' : 'asc') : '' });
  const ariaSort = (sort: string) => (filters.sort === sort ? (currentDir() === 'asc' ? 'ascending' : 'descending') : undefined);
  const SortHeader = ({ sort, label }: { sort: string; label: string }) => (
    <th scope="col" aria-sort={ariaSort(sort)}>
      <button type="button" class="sort" onClick={() => sortBy(sort)}>
        {label}
        <span aria-hidden="true">{ariaSort(sort) === 'ascending' ? ' ▲' : ariaSort(sort) === 'descending' ? ' ▼' : ''}</span>
      </button>
    </th>
  );

  const data = list.data;
  const items = data?.items ?? [];
  const toggle = (t: TicketRow) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(t.id)) next.delete(t.id);
      else next.set(t.id, t.version);
      return next;
    });
  const allSelected = items.length > 0 && items.every((t) => selected.has(t.id));
  const moveTo = (index: number) => {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, index));
    setCursor(next);
    table.current?.querySelectorAll<HTMLAnchorElement>('a.ticket-link')[next]?.focus();
  };
  const atCursor = () => items[cursor];
  const open = () => {
    const t = atCursor();
    if (t) navigate(`/dashboard/support/tickets/${t.id}`);
  };
  const assignToMe = (t: TicketRow | undefined) => {
    if (!t || t.assignee?.id === props.user.id) return;
    void single.run(async () => {
      await api(`/tickets/${t.id}/assign`, { method: 'POST', body: { assigneeId: props.user.id, version: t.version } });
      await list.reload();
    }, `Ticket #${t.id} is assigned to you.`);
  };
  const shortcuts: Shortcut[] = [
    { keys: ['j'], label: 'Next ticket', run: () => moveTo(cursor + 1) },
    { keys: ['k'], label: 'Previous ticket', run: () => moveTo(cursor - 1) },
    { keys: ['Enter', 'o'], label: 'Open the ticket', run: open },
    { keys: ['x'], label: 'Select or unselect the ticket', run: () => atCursor() && toggle(atCursor()!) },
    { keys: ['a'], label: 'Assign the ticket to me', run: () => assignToMe(atCursor()) },
    { keys: ['?'], label: 'Show these shortcuts', run: () => setHelp(true) },
  ];
  useShortcuts(shortcuts);
  const exportHref = `/api/dashboard/exports/tickets.csv${query({ ...filters, page: '', sort: '', dir: '' })}`;

  return (
    <>
      <PageHeader
        title="Stylist tickets"
        subtitle={data ? `${data.summary.open} open · ${data.summary.overdue} overdue · ${data.summary.unassigned} unassigned` : 'Escalations where customers asked for a person'}
      >
        <button type="button" class="button button-quiet shortcuts-button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Shortcuts <kbd>?</kbd>
        </button>
        {props.user.role === 'admin' && (
          <a class="button" href={exportHref} download>
            Export CSV
          </a>
        )}
      </PageHeader>
      <SupportTabs current="tickets" />
      <nav class="views" aria-label="Saved views">
        <Link href={`/dashboard/support${query({ ...filters, view: '', page: '' })}`} class="view" aria-current={filters.view ? undefined : 'page'}>
          All
        </Link>
        {VIEWS.map(([view, label]) => (
          <Link key={view} href={`/dashboard/support${query({ ...filters, view, page: '' })}`} class="view" aria-current={filters.view === view ? 'page' : undefined}>
            {label} <span class="view-count">{data ? data.views[view as keyof TicketList['views']] : ''}</span>
          </Link>
        ))}
      </nav>
      <form
        class="filters filters-dense"
        role="search"
        aria-label="Filter tickets"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() });
        }}
      >
        <label class="field field-grow">
          <span>Search</span>
          <input type="search" name="q" value={search} placeholder="Name, email, order or RMA number, ticket # or words" onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          Search
        </button>
        <Select id="filter-status" label="Status" value={filters.status} onChange={(status) => update({ status })}>
          <option value="">Any status</option>
          <LabelOptions labels={STATUS_LABELS} />
        </Select>
        <Select id="filter-priority" label="Priority" value={filters.priority} onChange={(priority) => update({ priority })}>
          <option value="">Any priority</option>
          <LabelOptions labels={PRIORITY_LABELS} />
        </Select>
        <Select id="filter-assignee" label="Assignee" value={filters.assignee} onChange={(assignee) => update({ assignee })}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {stylists.data?.items.map((s) => (
            <option key={s.id} value={String(s.id)}>
              {s.name}
            </option>
          ))}
        </Select>
        <Select id="filter-tag" label="Tag" value={filters.tag} onChange={(tag) => update({ tag })}>
          <option value="">Any tag</option>
          {tags.data?.items.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </Select>
        <Select id="filter-sort" label="Sort by" value={filters.sort} onChange={(sort) => update({ sort, dir: '' })}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </form>
      {single.message && <Notice kind={single.message.kind}>{single.message.text}</Notice>}
      {outcome && <Notice kind={outcome.skipped.length ? 'info' : 'success'}>{outcome.text}</Notice>}
      {selected.size > 0 && data && (
        <BulkBar
          selected={[...selected].map(([id, version]) => ({ id, version }))}
          stylists={stylists.data?.items ?? []}
          me={props.user}
          onDone={async (result) => {
            setOutcome(result);
            setSelected(new Map());
            await list.reload();
          }}
        />
      )}
      {!data ? (
        <Loading error={list.error} status={list.status} />
      ) : data.items.length === 0 ? (
        <p class="empty">No tickets match these filters.</p>
      ) : (
        <div class="table-wrap">
          <table class="table ticket-table" aria-label="Stylist tickets" ref={table}>
            <thead>
              <tr>
                <th scope="col" class="select-cell">
                  <span class="visually-hidden">Select</span>
                  <input
                    type="checkbox"
                    aria-label="Select all tickets on this page"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Map() : new Map(items.map((t) => [t.id, t.version])))}
                  />
                </th>
                <th scope="col">Ticket ID</th>
                <SortHeader sort="customer" label="Customer" />
                <SortHeader sort="created" label="Created" />
                <SortHeader sort="status" label="Status" />
                <SortHeader sort="priority" label="Priority" />
                <SortHeader sort="answer_by" label="Answer by" />
                <th scope="col">Assignee</th>
              </tr>
            </thead>
            <tbody>
              {items.map((t, index) => (
                <tr key={t.id} class={[t.overdue && 'row-overdue', index === cursor && 'row-cursor', selected.has(t.id) && 'row-selected'].filter(Boolean).join(' ') || undefined}>
                  <td class="select-cell">
                    <input type="checkbox" aria-label={`Select ticket #${t.id}`} checked={selected.has(t.id)} onChange={() => toggle(t)} />
                  </td>
                  <td>
                    <Link href={`/dashboard/support/tickets/${t.id}`} class="ticket-link" aria-label={`Ticket #${t.id} from ${t.customerName}`}>
                      #{t.id}
                    </Link>
                    {unread.has(t.id) && <Pill tone="gold">New</Pill>}
                  </td>
                  <td class="customer-cell">
                    <span class="strong">{t.customerName}</span> <span class="muted">{t.email}</span>
                    {t.tags.map((tag) => (
                      <span key={tag} class="tag">
                        {tag}
                      </span>
                    ))}
                  </td>
                  <td class="nowrap">{formatDateTime(t.createdAt)}</td>
                  <td>
                    <StatusPill status={t.status} />
                  </td>
                  <td class="nowrap">
                    <PriorityPill priority={t.priority} /> {t.management && <Pill tone="bad">Management</Pill>}
                  </td>
                  <td class={t.overdue ? 'overdue nowrap' : 'nowrap'}>
                    {formatDateTime(t.answerBy)}{' '}
                    <span class={t.overdue ? 'overdue-label' : 'muted'}>· {t.status === 'resolved' ? 'Resolved' : t.overdue ? formatOverdue(t.answerBy, now) : formatRelative(t.answerBy, now)}</span>
                  </td>
                  <td>{t.assignee ? t.assignee.name : <span class="muted">Unassigned</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => update({ page: String(page) })} />
        </div>
      )}
      <ShortcutHelp open={help} onClose={() => setHelp(false)} shortcuts={shortcuts} />
    </>
  );
}

function Select(props: { id: string; label: string; value: string; onChange: (value: string) => void; children: preact.ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.children}
      </select>
    </div>
  );
}
