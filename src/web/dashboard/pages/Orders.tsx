// Orders (D6): search by order number or email; the detail shows items, timeline (RMA Created) and the concierge session.
import { useState } from 'preact/hooks';
import { api, query } from '../api';
import { formatDate, formatDateTime, formatMoney, humanize } from '../format';
import { Link, navigate } from '../router';
import { Loading, PageHeader, Pager, Pill, useData } from '../components/ui';

interface OrderRow {
  number: string;
  customerName: string;
  email: string;
  status: string;
  statusLabel: string;
  placedAt: string;
  total: number;
  currency: string;
  conciergeSessionId: string | null;
}

interface OrderDetail extends OrderRow {
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  estimatedDelivery: string | null;
  subtotal: number;
  shipping: number;
  items: { sku: string; name: string; size: number | null; quantity: number; unitPrice: number; finalSale: boolean }[];
  timeline: { type: string; at: string; label: string }[];
  rmas: { number: string; kind: string; reason: string; status: string; newSize: number | null; createdAt: string }[];
}

const statusTone = (status: string) => (status === 'delivered' ? 'good' : status === 'delayed' || status === 'cancelled' ? 'bad' : 'neutral');

export function OrdersPage(props: { params: URLSearchParams }) {
  const q = props.params.get('q') ?? '';
  const page = props.params.get('page') ?? '1';
  const key = query({ q, page });
  const list = useData(key, () => api<{ items: OrderRow[]; total: number; page: number; pageSize: number }>(`/orders${key}`));
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
          <input type="search" name="q" value={search} placeholder="GG-104233 or ava.martinez@example.com" onInput={(e) => setSearch(e.currentTarget.value)} />
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

export function OrderDetailPage(props: { number: string }) {
  const order = useData(props.number, () => api<OrderDetail>(`/orders/${encodeURIComponent(props.number)}`));
  const o = order.data;
  if (!o) return <Loading error={order.error} status={order.status} />;
  return (
    <>
      <p class="breadcrumb">
        <Link href="/dashboard/orders">← Orders</Link>
      </p>
      <PageHeader title={`Order ${o.number}`} subtitle={`${o.customerName} · ${o.email}`}>
        <Pill tone={statusTone(o.status)}>{o.statusLabel}</Pill>
      </PageHeader>
      <div class="detail-grid">
        <div class="detail-main">
          <section class="card" aria-labelledby="items-title">
            <h2 id="items-title">Items</h2>
            <table class="table table-compact">
              <thead>
                <tr>
                  <th scope="col">Piece</th>
                  <th scope="col">SKU</th>
                  <th scope="col">Size</th>
                  <th scope="col" class="num">
                    Qty
                  </th>
                  <th scope="col" class="num">
                    Price
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.items.map((i) => (
                  <tr key={i.sku + i.size}>
                    <td>
                      {i.name} {i.finalSale && <Pill>Final sale</Pill>}
                    </td>
                    <td class="muted">{i.sku}</td>
                    <td>{i.size ?? '—'}</td>
                    <td class="num">{i.quantity}</td>
                    <td class="num">{formatMoney(i.unitPrice, o.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl class="facts">
              <dt>Subtotal</dt>
              <dd>{formatMoney(o.subtotal, o.currency)}</dd>
              <dt>Shipping</dt>
              <dd>{formatMoney(o.shipping, o.currency)}</dd>
              <dt>Total</dt>
              <dd class="strong">{formatMoney(o.total, o.currency)}</dd>
            </dl>
          </section>
          <section class="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <ol class="timeline">
              {o.timeline.map((t, i) => (
                <li key={i} class={t.type === 'rma_created' ? 'timeline-rma' : undefined}>
                  <span class="timeline-label">{t.label}</span>
                  <time class="muted small" dateTime={t.at}>
                    {formatDateTime(t.at)}
                  </time>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div class="detail-side">
          <section class="card" aria-labelledby="shipping-title">
            <h2 id="shipping-title">Shipping</h2>
            <dl class="facts">
              <dt>Placed</dt>
              <dd>{formatDateTime(o.placedAt)}</dd>
              <dt>Carrier</dt>
              <dd>{o.carrier ?? '—'}</dd>
              <dt>Tracking</dt>
              <dd>
                {o.trackingNumber ? (
                  o.trackingUrl && /^https?:\/\//.test(o.trackingUrl) ? (
                    <a href={o.trackingUrl} target="_blank" rel="noopener noreferrer">
                      {o.trackingNumber}
                    </a>
                  ) : (
                    o.trackingNumber
                  )
                ) : (
                  '—'
                )}
              </dd>
              <dt>Estimated delivery</dt>
              <dd>{formatDate(o.estimatedDelivery)}</dd>
            </dl>
          </section>
          <section class="card" aria-labelledby="concierge-title">
            <h2 id="concierge-title">Concierge</h2>
            <dl class="facts">
              <dt>Concierge Session ID</dt>
              <dd>
                {o.conciergeSessionId ? (
                  <Link href={`/dashboard/conversations/${encodeURIComponent(o.conciergeSessionId)}`} class="mono" aria-label={`Concierge Session ID ${o.conciergeSessionId}: open the transcript`}>
                    {o.conciergeSessionId}
                  </Link>
                ) : (
                  <span class="muted">The buyer did not use the widget</span>
                )}
              </dd>
            </dl>
          </section>
          <section class="card" aria-labelledby="rma-title">
            <h2 id="rma-title">Returns and resizes</h2>
            {o.rmas.length === 0 ? (
              <p class="empty">None.</p>
            ) : (
              <ul class="rmas">
                {o.rmas.map((r) => (
                  <li key={r.number}>
                    <span class="mono strong">{r.number}</span> · {humanize(r.kind)}
                    {r.newSize ? ` to size ${r.newSize}` : ''} · {humanize(r.status)}
                    <div class="muted small">{r.reason}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
