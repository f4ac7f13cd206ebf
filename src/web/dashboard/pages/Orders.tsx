// Orders (D6): search by order number or email, newest first (the order's own page is OrderDetail.tsx).
import { useState } from 'preact/hooks';
import { api, query } from '../api';
import { formatDate, formatMoney } from '../format';
import { Link, navigate } from '../router';
import { Loading, PageHeader, Pager, Pill, useData } from '../components/ui';
import type { OrderQueries } from '../../../modules/dashboard/orders-queries';

type OrderList = Awaited<ReturnType<OrderQueries['search']>>;

/** The pill colour of an order status (also on the order's page). */
export const statusTone = (status: string) => (status === 'delivered' ? 'good' : status === 'delayed' || status === 'cancelled' ? 'bad' : 'neutral');

export function OrdersPage(props: { params: URLSearchParams }) {
  const q = props.params.get('q') ?? '';
  const page = props.params.get('page') ?? '1';
  const key = query({ q, page });
  const list = useData(key, () => api<OrderList>(`/orders${key}`));
  const [search, setSearch] = useState(q);
  const data = list.data;
  return (
    <>
      <PageHeader title="Orders" subtitle="Find an order to check its status, returns and concierge conversation" />
      <form
        class="filters"
        role="search"
        aria-label="Find orders"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/dashboard/orders${query({ q: search.trim() })}`, { replace: true });
        }}
      >
        <label class="field field-grow">
          <span>Order number or email</span>
          <input type="search" name="q" value={search} placeholder="GG-104233, RMA-7KQ2M9XD or ava.martinez@example.com" onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          Search
        </button>
      </form>
      {!data ? (
        <Loading error={list.error} status={list.status} />
      ) : data.items.length === 0 ? (
        <p class="empty">No orders match “{q}”.</p>
      ) : (
        <div class="table-wrap">
          <table class="table" aria-label="Orders">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Customer</th>
                <th scope="col">Placed</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">
                  Total
                </th>
                <th scope="col">Concierge</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((o) => (
                <tr key={o.number}>
                  <td>
                    <Link href={`/dashboard/orders/${o.number}`}>{o.number}</Link>
                  </td>
                  <td>
                    <div class="strong">{o.customerName}</div>
                    <div class="muted">{o.email}</div>
                  </td>
                  <td>{formatDate(o.placedAt)}</td>
                  <td>
                    <Pill tone={statusTone(o.status)}>{o.statusLabel}</Pill>
                  </td>
                  <td class="num">{formatMoney(o.total, o.currency)}</td>
                  <td>{o.conciergeSessionId ? <Pill tone="gold">Used the widget</Pill> : <span class="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => navigate(`/dashboard/orders${query({ q, page: p })}`, { replace: true })} />
        </div>
      )}
    </>
  );
}
