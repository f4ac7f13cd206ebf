// Who wrote the ticket: their orders (each a link to the order page), their other tickets and their ratings.
import { api, query } from '../api';
import { formatDate, formatDateTime, formatMoney, humanize } from '../format';
import { Link } from '../router';
import { Loading, Pill, StatusPill, useData } from '../components/ui';
import type { CustomerPanel as Panel } from '../../../modules/dashboard/customer-queries';

const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

/** Under a list that holds the latest few: how many there are in all, and where the whole list is. */
function More(props: { shown: number; total: number; noun: string; href?: string }) {
  if (props.total <= props.shown) return null;
  const all = `All ${props.total.toLocaleString('en-US')} ${props.noun}`;
  return (
    <p class="muted small">
      The latest {props.shown} of {props.total.toLocaleString('en-US')}.{' '}
      {props.href && <Link href={props.href}>{all}</Link>}
    </p>
  );
}

export function CustomerPanel(props: { ticketId: number }) {
  const panel = useData(`customer-${props.ticketId}`, () => api<Panel>(`/tickets/${props.ticketId}/customer`));
  const c = panel.data;
  return (
    <section class="card customer-panel" aria-labelledby="customer-title">
      <h2 id="customer-title">Customer</h2>
      {!c ? (
        <Loading error={panel.error} status={panel.status} />
      ) : (
        <>
          <p>
            <span class="strong">{c.name}</span> {c.tier === 'vip' && <Pill tone="gold">VIP</Pill>}
            <br />
            <span class="muted small break">{c.email}</span>
            {c.customerSince && <span class="muted small"> · customer since {formatDate(c.customerSince)}</span>}
          </p>
          <h3>Orders</h3>
          {c.orders.length === 0 ? (
            <p class="muted small">No orders with this email.</p>
          ) : (
            <ul class="panel-list">
              {c.orders.map((o) => (
                <li key={o.number}>
                  <Link href={`/dashboard/orders/${encodeURIComponent(o.number)}`}>{o.number}</Link> <span class="muted small">{humanize(o.status)} · {formatDate(o.placedAt)} · {formatMoney(o.total, o.currency)}</span>
                </li>
              ))}
            </ul>
          )}
          <More shown={c.orders.length} total={c.totals.orders} noun="orders" href={`/dashboard/orders${query({ q: c.email })}`} />
          <h3>Earlier tickets</h3>
          {c.tickets.length === 0 ? (
            <p class="muted small">None.</p>
          ) : (
            <ul class="panel-list">
              {c.tickets.map((t) => (
                <li key={t.id}>
                  <Link href={`/dashboard/support/tickets/${t.id}`}>#{t.id}</Link> <StatusPill status={t.status} /> <span class="muted small">{formatDateTime(t.createdAt)}</span>
                  <div class="small">{t.message}</div>
                </li>
              ))}
            </ul>
          )}
          <More shown={c.tickets.length} total={c.totals.tickets} noun="tickets from this email" href={`/dashboard/support${query({ q: c.email })}`} />
          <h3>Ratings</h3>
          {c.ratings.length === 0 ? (
            <p class="muted small">No ratings.</p>
          ) : (
            <ul class="panel-list">
              {c.ratings.map((r) => (
                <li key={r.id}>
                  <span class={`stars ${r.rating <= 2 ? 'stars-low' : ''}`} role="img" aria-label={`${r.rating} out of 5 stars`}>
                    {stars(r.rating)}
                  </span>{' '}
                  <span class="muted small">{formatDateTime(r.createdAt)}</span>
                  {r.comment && <div class="small">{r.comment}</div>}
                </li>
              ))}
            </ul>
          )}
          <More shown={c.ratings.length} total={c.totals.ratings} noun="ratings" />
        </>
      )}
    </section>
  );
}
