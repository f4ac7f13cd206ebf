// An order's page (D6): items, totals, shipping, timeline (RMA Created), returns and the concierge session.
import { api } from '../api';
import { formatDate, formatDateTime, formatMoney, humanize, safeHref } from '../format';
import { Link } from '../router';
import { Loading, PageHeader, Pill, useData } from '../components/ui';
import type { OrderQueries } from '../../../modules/dashboard/orders-queries';
import { statusTone } from './Orders';

type OrderDetail = Awaited<ReturnType<OrderQueries['detail']>>;

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
                  o.trackingUrl && safeHref(o.trackingUrl) ? (
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
