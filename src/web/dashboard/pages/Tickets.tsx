// Stylist tickets (D2): search, filter, sort and page through escalations; refreshed every 10 seconds.
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api';
import { formatDateTime, formatOverdue, formatRelative, PRIORITY_LABELS, STATUS_LABELS } from '../format';
import { Link, navigate } from '../router';
import { LabelOptions, Loading, PageHeader, Pager, Pill, PriorityPill, StatusPill, useData } from '../components/ui';
import { SupportTabs } from './SupportTabs';
import { useLiveReload, useLiveState } from '../live';
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
const SORTS: [string, string][] = [
  ['created', 'Created'],
  ['answer_by', 'Answer by'],
  ['priority', 'Priority'],
  ['status', 'Status'],
  ['customer', 'Customer'],
];

export function useStylists() {
  return useData('stylists', () => api<{ items: Stylist[] }>('/stylists'));
}

export function TicketsPage(props: { params: URLSearchParams }) {
  const p = props.params;
  const filters = { q: p.get('q') ?? '', status: p.get('status') ?? '', priority: p.get('priority') ?? '', assignee: p.get('assignee') ?? '', sort: p.get('sort') ?? 'created', dir: p.get('dir') ?? '', page: p.get('page') ?? '1' };
  const key = query(filters);
  const list = useData(key, (signal) => api<TicketList>(`/tickets${key}`, { signal }));
  // Live: new tickets appear and changed rows update as they happen; "New" marks news the agent has not opened yet.
  useLiveReload(list.reload);
  const { unread } = useLiveState();
  const stylists = useStylists();
  const [search, setSearch] = useState(filters.q);
  const [now, setNow] = useState(Date.now());

  // New tickets appear without a reload.
  useEffect(() => {
    const timer = setInterval(() => {
      void list.reload();
      setNow(Date.now());
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [list.reload]);

  const update = (changes: Partial<typeof filters>) => navigate(`/dashboard/support${query({ ...filters, page: '1', ...changes })}`, { replace: true });
  // Newest first by default; every other column starts ascending (as the API does).
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
  return (
    <>
      <PageHeader
        title="Stylist tickets"
        subtitle={data ? `${data.summary.open} open · ${data.summary.overdue} overdue · ${data.summary.unassigned} unassigned` : 'Escalations where customers asked for a person'}
      />
      <SupportTabs current="tickets" />
      <form
        class="filters"
        role="search"
        aria-label="Filter tickets"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() });
        }}
      >
        <label class="field field-grow">
          <span>Customer email</span>
          <input type="search" name="q" value={search} placeholder="name@example.com or ticket #" onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          Search
        </button>
        <div class="field">
          <label for="filter-status">Status</label>
          <select id="filter-status" value={filters.status} onChange={(e) => update({ status: e.currentTarget.value })}>
            <option value="">Any status</option>
            <LabelOptions labels={STATUS_LABELS} />
          </select>
        </div>
        <div class="field">
          <label for="filter-priority">Priority</label>
          <select id="filter-priority" value={filters.priority} onChange={(e) => update({ priority: e.currentTarget.value })}>
            <option value="">Any priority</option>
            <LabelOptions labels={PRIORITY_LABELS} />
          </select>
        </div>
        <div class="field">
          <label for="filter-assignee">Assignee</label>
          <select id="filter-assignee" value={filters.assignee} onChange={(e) => update({ assignee: e.currentTarget.value })}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
            {stylists.data?.items.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-sort">Sort by</label>
          <select id="filter-sort" value={filters.sort} onChange={(e) => update({ sort: e.currentTarget.value, dir: '' })}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {!data ? (
        <Loading error={list.error} status={list.status} />
      ) : data.items.length === 0 ? (
        <p class="empty">No tickets match these filters.</p>
      ) : (
        <div class="table-wrap">
          <table class="table" aria-label="Stylist tickets">
            <thead>
              <tr>
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
              {data.items.map((t) => (
                <tr key={t.id} class={t.overdue ? 'row-overdue' : undefined}>
                  <td>
                    <Link href={`/dashboard/support/tickets/${t.id}`} class="ticket-link" aria-label={`Ticket #${t.id} from ${t.customerName}`}>
                      #{t.id}
                    </Link>
                    {unread.has(t.id) && <Pill tone="gold">New</Pill>}
                  </td>
                  <td>
                    <div class="strong">{t.customerName}</div>
                    <div class="muted">{t.email}</div>
                  </td>
                  <td>{formatDateTime(t.createdAt)}</td>
                  <td>
                    <StatusPill status={t.status} />
                  </td>
                  <td>
                    <PriorityPill priority={t.priority} /> {t.management && <Pill tone="bad">Management</Pill>}
                  </td>
                  <td class={t.overdue ? 'overdue' : undefined}>
                    <div>{formatDateTime(t.answerBy)}</div>
                    <div class={t.overdue ? 'overdue-label' : 'muted'}>{t.status === 'resolved' ? 'Resolved' : t.overdue ? formatOverdue(t.answerBy, now) : formatRelative(t.answerBy, now)}</div>
                  </td>
                  <td>{t.assignee ? t.assignee.name : <span class="muted">Unassigned</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => update({ page: String(page) })} />
        </div>
      )}
    </>
  );
}
