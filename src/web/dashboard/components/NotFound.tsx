// The page for what is not there (a conversation past retention, an unknown order or ticket): a heading, what
// happened, and a way back, instead of a bare line.
import type { ComponentChildren } from 'preact';
import { Link } from '../router';
import { PageHeader } from './ui';

export interface PageLink {
  href: string;
  label: string;
}

/** `more`: what the missing thing led to, listed under the text; `back`: the way back. */
export function NotFoundPage(props: { title: string; children: ComponentChildren; back: PageLink; more?: PageLink[] }) {
  return (
    <>
      <PageHeader title={props.title} />
      <section class="card not-found" aria-label={props.title}>
        <div class="not-found-text">{props.children}</div>
        {props.more && props.more.length > 0 && (
          <ul class="plain not-found-related">
            {props.more.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        )}
        <p class="not-found-actions">
          <Link class="button button-primary" href={props.back.href}>
            {props.back.label}
          </Link>
        </p>
      </section>
    </>
  );
}

/** An address that names nothing: the API answers 404, or 400 when the number is not even shaped like one. */
export const isMissing = (status: number | undefined) => status === 404 || status === 400;

export function TicketNotFound(props: { id: string }) {
  return (
    <NotFoundPage title="Ticket not found" back={{ href: '/dashboard/support', label: 'Back to stylist tickets' }}>
      <p>
        There is no ticket <strong>#{props.id}</strong>. Tickets are never deleted, so the number is probably mistyped: find the ticket in the list by the
        customer’s email.
      </p>
    </NotFoundPage>
  );
}

export function OrderNotFound(props: { number: string }) {
  return (
    <NotFoundPage title="Order not found" back={{ href: '/dashboard/orders', label: 'Back to orders' }}>
      <p>
        There is no order <strong>{props.number}</strong>. Order numbers look like GG-104233; search the orders by number or by the buyer’s email.
      </p>
    </NotFoundPage>
  );
}

const numbers = (value: unknown): (string | number)[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string' || typeof v === 'number') : []);

/** `details` is the API's: `{reason: 'retention', retentionDays, tickets, orders, rated}` when the policy removed it. */
export function ConversationNotFound(props: { id: string; details: Record<string, unknown> | undefined }) {
  const back = { href: '/dashboard/support', label: 'Back to stylist tickets' };
  const details = props.details ?? {};
  if (details.reason !== 'retention') {
    return (
      <NotFoundPage title="Conversation not found" back={back}>
        <p>
          No concierge conversation has the ID <span class="mono">{props.id}</span>. Check the link, or the Concierge Session ID on the order.
        </p>
      </NotFoundPage>
    );
  }
  const tickets = numbers(details.tickets).map((id) => ({ href: `/dashboard/support/tickets/${id}`, label: `Ticket #${id}` }));
  const orders = numbers(details.orders).map((n) => ({ href: `/dashboard/orders/${n}`, label: `Order ${n}` }));
  return (
    <NotFoundPage title="Conversation removed" back={back} more={[...tickets, ...orders]}>
      <p>
        This conversation (<span class="mono">{props.id}</span>) was removed by the retention policy: concierge conversations are deleted{' '}
        {typeof details.retentionDays === 'number' ? `${details.retentionDays} days` : 'some time'} after their last message.
      </p>
      <p class="muted">
        What it led to is kept{details.rated ? ', including the customer’s rating' : ''}
        {tickets.length + orders.length > 0 ? ':' : '.'}
      </p>
    </NotFoundPage>
  );
}
