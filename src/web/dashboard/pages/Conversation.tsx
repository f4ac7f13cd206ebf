// The full concierge transcript behind a Concierge Session ID, a CSAT comment or a ticket.
import { api } from '../api';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { Loading, PageHeader, Pill, StatusPill, useData } from '../components/ui';
import { Transcript, type TranscriptEntry } from '../components/Transcript';
import { ConversationNotFound, isMissing } from '../components/NotFound';

interface ConversationView {
  id: string;
  pageUrl: string | null;
  startedAt: string | null;
  lastActivityAt: string | null;
  anonymized: boolean;
  messages: TranscriptEntry[];
  orders: { number: string; placedAt: string }[];
  tickets: { id: number; status: string; createdAt: string }[];
  rating: { rating: number; comment: string | null } | null;
}

export function ConversationPage(props: { id: string }) {
  const conversation = useData(props.id, () => api<ConversationView>(`/conversations/${encodeURIComponent(props.id)}`));
  const c = conversation.data;
  if (!c) return isMissing(conversation.status) ? <ConversationNotFound id={props.id} details={conversation.details} /> : <Loading error={conversation.error} status={conversation.status} />;
  return (
    <>
      <PageHeader title="Concierge conversation" subtitle={<span class="mono">{c.id}</span>}>
        {c.anonymized && <Pill>Anonymized</Pill>}
        {c.rating && <Pill tone={c.rating.rating >= 4 ? 'good' : 'bad'}>Rated {c.rating.rating}/5</Pill>}
      </PageHeader>
      <div class="detail-grid">
        <section class="card detail-main" aria-labelledby="conv-transcript">
          <h2 id="conv-transcript">Transcript</h2>
          <Transcript messages={c.messages} />
        </section>
        <div class="detail-side">
          <section class="card" aria-labelledby="conv-facts">
            <h2 id="conv-facts">Details</h2>
            <dl class="facts">
              <dt>Started</dt>
              <dd>{formatDateTime(c.startedAt)}</dd>
              <dt>Last activity</dt>
              <dd>{formatDateTime(c.lastActivityAt)}</dd>
              <dt>Page</dt>
              <dd class="break">{c.pageUrl ?? '—'}</dd>
              {c.rating?.comment && (
                <>
                  <dt>Rating comment</dt>
                  <dd class="quote">{c.rating.comment}</dd>
                </>
              )}
            </dl>
          </section>
          <section class="card" aria-labelledby="conv-links">
            <h2 id="conv-links">Led to</h2>
            <ul class="plain">
              {c.orders.map((o) => (
                <li key={o.number}>
                  Order <Link href={`/dashboard/orders/${o.number}`}>{o.number}</Link>
                </li>
              ))}
              {c.tickets.map((t) => (
                <li key={t.id}>
                  <Link href={`/dashboard/support/tickets/${t.id}`}>Ticket #{t.id}</Link> <StatusPill status={t.status} />
                </li>
              ))}
              {c.orders.length === 0 && c.tickets.length === 0 && <li class="muted">No orders or tickets.</li>}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}
