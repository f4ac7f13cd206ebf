// An order's page (D6): items, totals, shipping, timeline (each RMA step), returns staff move on, and the concierge session.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { formatDate, formatDateTime, formatMoney, humanize, safeHref } from '../format';
import { Link } from '../router';
import { Loading, Notice, PageHeader, Pill, useAction, useData } from '../components/ui';
import { isMissing, OrderNotFound } from '../components/NotFound';
import type { OrderQueries } from '../../../modules/dashboard/orders-queries';
import { REJECTION_REASONS, type RejectionReason } from '../../../modules/returns/rma-states';
import { statusTone } from './Orders';

type OrderDetail = Awaited<ReturnType<OrderQueries['detail']>>;
type Rma = OrderDetail['rmas'][number];

const STEP_LABEL: Record<string, string> = { in_transit: 'In transit', received: 'Received', refunded: 'Refunded', closed: 'Closed', rejected: 'Rejected' };
const rmaTone = (status: string) => (status === 'rejected' ? 'bad' : status === 'refunded' || status === 'closed' ? 'good' : 'gold');

/** One RMA: the pieces it covers, where it stands, and the next step (the customer is emailed at each). */
function RmaEntry(props: { rma: Rma; onChange: (order: OrderDetail) => void }) {
  const r = props.rma;
  const [picked, setTo] = useState('');
  const [reason, setReason] = useState('');
  const { message, busy, run } = useAction();
  // After a step the choices change: fall back to the first one open now.
  const to = r.next.find((s) => s === picked) ?? r.next[0] ?? '';
  const move = (e: Event) => {
    e.preventDefault();
    const body = { from: r.status, to, ...(to === 'rejected' ? { rejectionReason: reason } : {}) };
    void run(async () => props.onChange(await api<OrderDetail>(`/rmas/${encodeURIComponent(r.number)}/status`, { method: 'POST', body })), `${r.number} is now ${STEP_LABEL[to]?.toLowerCase()}. The customer has been emailed.`);
  };
  return (
    <li>
      <span class="mono strong">{r.number}</span> · {humanize(r.kind)}
      {r.newSize ? ` to size ${r.newSize}` : ''} <Pill tone={rmaTone(r.status)}>{humanize(r.status)}</Pill>
      <ul class="small" aria-label={`Pieces in ${r.number}`}>
        {r.items.map((i) => (
          <li key={i.sku + i.name}>
            {i.name} · <span class="mono">SKU {i.sku}</span>
            {i.size === null ? '' : ` · size ${i.size}`}
          </li>
        ))}
      </ul>
      <div class="muted small">{r.reason}</div>
      {r.rejectionReason && <div class="small">Rejected: {r.rejectionReason}</div>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {r.next.length > 0 && (
        <form class="stack" onSubmit={move}>
          <label class="field">
            <span>Next step</span>
            {/* Named per RMA: an order can have several, each with its own form. */}
            <select aria-label={`Next step for ${r.number}`} value={to} disabled={busy} onChange={(e) => setTo(e.currentTarget.value)}>
              {r.next.map((s) => (
                <option key={s} value={s}>
                  {STEP_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          {to === 'rejected' && (
            <label class="field">
              <span>Reason (the customer reads this)</span>
              <select value={reason} required disabled={busy} onChange={(e) => setReason(e.currentTarget.value)}>
                <option value="">Choose a reason</option>
                {(Object.entries(REJECTION_REASONS) as [RejectionReason, string][]).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" class="button button-primary" disabled={busy}>
            Update and email the customer
          </button>
        </form>
      )}
    </li>
  );
}

export function OrderDetailPage(props: { number: string }) {
  const order = useData(props.number, () => api<OrderDetail>(`/orders/${encodeURIComponent(props.number)}`));
  const o = order.data;
  if (!o) return isMissing(order.status) ? <OrderNotFound number={props.number} /> : <Loading error={order.error} status={order.status} />;
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
                <li key={i} class={t.type.startsWith('rma_') ? 'timeline-rma' : undefined}>
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
                  <RmaEntry key={r.number} rma={r} onChange={order.setData} />
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
