// One stylist ticket (D3): transcript and shortlist, assignment, status, priority, tags, notes, email replies (canned
// replies filled in by the server), the customer's orders, tickets and ratings, history; keyboard shortcuts (?).
import { useRef, useState } from 'preact/hooks';
import { api, type StaffUser } from '../api';
import { formatDateTime, formatMoney, formatOverdue, formatRelative, humanize, PRIORITY_LABELS, STATUS_LABELS } from '../format';
import { Link } from '../router';
import { LabelOptions, Loading, Notice, PageHeader, Pill, PriorityPill, StatusPill, useAction, useData } from '../components/ui';
import { isMissing, TicketNotFound } from '../components/NotFound';
import { Transcript, type TranscriptEntry } from '../components/Transcript';
import { useStylists } from './Tickets';
import { TicketPresence } from '../components/TicketPresence';
import { reloadOnConflict } from '../fetching';
import { useLiveReload, useViewingTicket } from '../live';
import { CannedPicker, unfilledVariables, type RenderedReply } from './CannedPicker';
import { CustomerPanel } from './CustomerPanel';
import { TicketTags } from './TicketTags';
import { ShortcutHelp, useShortcuts, type Shortcut } from '../components/Shortcuts';
// The API's own type: the server's query module is the single definition (a type-only import adds nothing to the bundle).
import type { TicketDetail, TicketEvent } from '../../../modules/dashboard/tickets-queries';

type Ticket = Omit<NonNullable<TicketDetail>, 'transcript' | 'shortlist'> & {
  transcript: TranscriptEntry[];
  shortlist: Record<string, unknown>[];
};

function describe(event: TicketEvent): string {
  const d = event.data;
  switch (event.type) {
    case 'created':
      return 'Ticket created';
    case 'assigned':
      return d.assigneeName ? `Assigned to ${String(d.assigneeName)}` : 'Unassigned';
    case 'status':
      return `Status set to ${STATUS_LABELS[String(d.to)] ?? String(d.to)}`;
    case 'priority':
      return `Priority set to ${PRIORITY_LABELS[String(d.to)] ?? String(d.to)}${d.keptOverdue ? ' (still overdue: answer-by kept)' : ''}`;
    case 'deadline':
      return 'The customer wrote again: next reply due';
    case 'note':
      return 'Internal note';
    case 'tagged':
      return `Tagged ${String(d.tag ?? '')}`;
    case 'untagged':
      return `Removed tag ${String(d.tag ?? '')}`;
    case 'customer_reply':
      return `Replied by email from ${String(d.from ?? '')}`;
    case 'reply':
      return `Emailed the customer at ${String(d.to ?? '')}`;
    default:
      return humanize(event.type);
  }
}

/** A reply counts once its email is delivered: the agent sees where it stands. */
function DeliveryPill({ delivery }: { delivery: NonNullable<TicketEvent['delivery']> }) {
  if (delivery.status === 'sent') return <Pill tone="good">Email sent</Pill>;
  if (delivery.status === 'failed') return <Pill tone="bad">Email failed{delivery.error ? `: ${delivery.error}` : ''}</Pill>;
  return <Pill>Email queued{delivery.error ? ' (retrying)' : ''}</Pill>;
}

/** Attachments of an emailed message, by name and size: they are listed, never kept. */
function AttachmentList({ attachments }: { attachments: unknown }) {
  const list = Array.isArray(attachments) ? (attachments as { name?: unknown; size?: unknown }[]) : [];
  if (list.length === 0) return null;
  const size = (bytes: unknown) => (typeof bytes === 'number' && bytes > 0 ? ` (${bytes < 1024 ? `${bytes} B` : `${Math.ceil(bytes / 1024)} KB`})` : '');
  return (
    <p class="muted small">
      Attachments, not stored (ask the customer to send them another way if needed): {list.map((a) => `${String(a.name ?? 'unnamed')}${size(a.size)}`).join(', ')}
    </p>
  );
}

export function TicketDetailPage(props: { id: string; user: StaffUser }) {
  const ticket = useData(`ticket-${props.id}`, (signal, background) => api<Ticket>(`/tickets/${props.id}`, { signal, background }));
  // Live: the page reads the ticket again when anyone changes it; while it is open its news is not counted as unread.
  useViewingTicket(Number(props.id));
  useLiveReload(ticket.reload, (event) => (event.type.startsWith('ticket.') && event.ticketId === Number(props.id)) || event.type === 'live.resync');
  const stylists = useStylists();
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const [missing, setMissing] = useState<RenderedReply['missing']>([]);
  const [help, setHelp] = useState(false);
  const replyBox = useRef<HTMLTextAreaElement>(null);
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const { message, busy, run } = useAction();

  const act = async (path: string, body: unknown, done: string, after?: () => void) => {
    const changed = await run(async () => ticket.setData(await api<Ticket>(`/tickets/${props.id}/${path}`, { method: 'POST', body }).catch(reloadOnConflict(ticket.reload))), done);
    if (changed) after?.();
  };

  const t = ticket.data;
  const assignToMe = () => t && t.assignee?.id !== props.user.id && act('assign', { assigneeId: props.user.id, version: t.version }, 'Assigned to you.');
  const shortcuts: Shortcut[] = [
    { keys: ['a'], label: 'Assign the ticket to me', run: () => void assignToMe() },
    { keys: ['r'], label: 'Write a reply to the customer', run: () => replyBox.current?.focus() },
    { keys: ['n'], label: 'Write an internal note', run: () => noteBox.current?.focus() },
    { keys: ['?'], label: 'Show these shortcuts', run: () => setHelp(true) },
  ];
  useShortcuts(shortcuts);
  const insertCanned = (rendered: RenderedReply) => {
    setReply((current) => (current.trim() ? `${current.trimEnd()}\n\n${rendered.text}` : rendered.text));
    setMissing(rendered.missing);
    replyBox.current?.focus();
  };
  const unfilled = unfilledVariables(reply);
  if (!t) return isMissing(ticket.status) ? <TicketNotFound id={props.id} /> : <Loading error={ticket.error} status={ticket.status} />;
  const replies = t.events.filter((e) => e.type === 'reply' || e.type === 'customer_reply');
  return (
    <>
      <p class="breadcrumb">
        <Link href="/dashboard/support">← Stylist tickets</Link>
      </p>
      <PageHeader title={`Ticket #${t.id}`} subtitle={`${t.customerName} · ${t.email}`}>
        <StatusPill status={t.status} />
        <PriorityPill priority={t.priority} />
        {t.tier === 'vip' && <Pill tone="gold">VIP</Pill>}
        {t.urgent && <Pill tone="bad">Urgent request</Pill>}
        {t.management && <Pill tone="bad">Management</Pill>}
        <button type="button" class="button button-quiet shortcuts-button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Shortcuts <kbd>?</kbd>
        </button>
      </PageHeader>
      <TicketPresence ticketId={t.id} replying={Boolean(reply.trim() || note.trim())} />
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <div class="detail-grid">
        <div class="detail-main">
          <section class="card" aria-labelledby="request-title">
            <h2 id="request-title">Request</h2>
            <p class="quote">{t.message}</p>
            <dl class="facts">
              <dt>Created</dt>
              <dd>{formatDateTime(t.createdAt)}</dd>
              <dt>Answer by</dt>
              <dd class={t.overdue ? 'overdue' : undefined}>
                {formatDateTime(t.answerBy)} ({t.overdue ? formatOverdue(t.answerBy).toLowerCase() : formatRelative(t.answerBy)})
              </dd>
              {t.reasons.length > 0 && (
                <>
                  <dt>Why</dt>
                  <dd>{t.reasons.map(humanize).join(', ')}</dd>
                </>
              )}
              {t.conversationId && (
                <>
                  <dt>Conversation</dt>
                  <dd>
                    <Link href={`/dashboard/conversations/${encodeURIComponent(t.conversationId)}`}>Open the full conversation</Link>
                  </dd>
                </>
              )}
            </dl>
          </section>
          <section class="card" aria-labelledby="transcript-title">
            <h2 id="transcript-title">Transcript</h2>
            <Transcript messages={t.transcript} label={`Transcript of ticket #${t.id}`} />
          </section>
          <section class="card" aria-labelledby="shortlist-title">
            <h2 id="shortlist-title">Shortlist</h2>
            {t.shortlist.length === 0 ? (
              <p class="empty">Nothing saved.</p>
            ) : (
              <ul class="shortlist">
                {t.shortlist.map((p, i) => (
                  <li key={i}>
                    <span class="strong">{String(p.name ?? '')}</span>
                    <span class="muted"> {typeof p.price === 'number' ? formatMoney(p.price, String(p.currency ?? 'USD')) : ''}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="thread-title">
            <h2 id="thread-title">Email thread</h2>
            {replies.length === 0 ? <p class="empty">No replies sent yet.</p> : null}
            <ol class="thread">
              {replies.map((r) =>
                r.type === 'customer_reply' ? (
                  <li key={r.id} class="thread-customer">
                    <div class="tx-who">
                      {t.customerName} (customer) · {formatDateTime(r.createdAt)} · from {String(r.data.from ?? t.email)}
                    </div>
                    <p class="tx-text">{r.body}</p>
                    <AttachmentList attachments={r.data.attachments} />
                  </li>
                ) : (
                <li key={r.id}>
                  <div class="tx-who">
                    {r.actor?.name ?? 'Staff'} · {formatDateTime(r.createdAt)} · to {String(r.data.to ?? t.email)} {r.delivery && <DeliveryPill delivery={r.delivery} />}
                  </div>
                  <p class="tx-text">{r.body}</p>
                </li>
                ),
              )}
            </ol>
            {t.heldEmails.length > 0 && (
              <section aria-labelledby="held-title">
                <h3 id="held-title">Held for review</h3>
                <p class="muted small">Sent to this ticket's reply address from another sender: not in the customer's thread, and not answered.</p>
                <ol class="thread">
                  {t.heldEmails.map((h) => (
                    <li key={h.id} class="thread-held">
                      <div class="tx-who">
                        <Pill tone="gold">Held</Pill> {h.from} · {formatDateTime(h.receivedAt)} · {h.subject}
                      </div>
                      <p class="tx-text">{h.body}</p>
                      <AttachmentList attachments={h.attachments} />
                    </li>
                  ))}
                </ol>
              </section>
            )}
            <form
              class="stack"
              onSubmit={(e) => {
                e.preventDefault();
                void act('replies', { body: reply }, 'Reply queued for email.', () => {
                  setReply('');
                  setMissing([]);
                });
              }}
            >
              <CannedPicker ticketId={t.id} onInsert={insertCanned} />
              <label class="field">
                <span>Reply to the customer</span>
                <textarea ref={replyBox} name="reply" rows={4} required value={reply} aria-keyshortcuts="r" onInput={(e) => setReply(e.currentTarget.value)} aria-describedby={unfilled.length ? 'reply-unfilled' : undefined} />
              </label>
              {unfilled.length > 0 && (
                <div id="reply-unfilled" class="notice notice-error small">
                  Replace {unfilled.map((name) => `{{${name}}}`).join(', ')} before sending:
                  <ul>
                    {unfilled.map((name) => (
                      <li key={name}>
                        {`{{${name}}}`}: {missing.find((m) => m.name === name)?.reason ?? 'not filled in.'}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <button type="submit" class="button button-primary" disabled={busy || !reply.trim() || unfilled.length > 0}>
                Send reply
              </button>
            </form>
          </section>
        </div>
        <div class="detail-side">
          <section class="card" aria-labelledby="manage-title">
            <h2 id="manage-title">Manage</h2>
            <p>
              Assignee: <strong>{t.assignee?.name ?? 'Unassigned'}</strong>
            </p>
            {t.assignee?.id !== props.user.id && (
              <button type="button" class="button button-primary button-wide" disabled={busy} aria-keyshortcuts="a" onClick={() => void assignToMe()}>
                Assign to me
              </button>
            )}
            <label class="field">
              <span>Assign to</span>
              <select value={t.assignee ? String(t.assignee.id) : ''} disabled={busy} onChange={(e) => act('assign', { assigneeId: e.currentTarget.value ? Number(e.currentTarget.value) : null, version: t.version }, 'Assignee changed.')}>
                <option value="">Unassigned</option>
                {stylists.data?.items.map((s) => (
                  <option key={s.id} value={String(s.id)}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>Status</span>
              <select value={t.status} disabled={busy} onChange={(e) => act('status', { status: e.currentTarget.value, version: t.version }, 'Status updated.')}>
                <LabelOptions labels={STATUS_LABELS} />
              </select>
            </label>
            <label class="field">
              <span>Priority</span>
              <select value={t.priority} disabled={busy} onChange={(e) => act('priority', { priority: e.currentTarget.value }, 'Priority updated.')}>
                <LabelOptions labels={PRIORITY_LABELS} />
              </select>
            </label>
          </section>
          <TicketTags ticketId={t.id} tags={t.tags} onChange={(tags) => ticket.setData({ ...t, tags })} />
          <CustomerPanel ticketId={t.id} />
          <section class="card" aria-labelledby="notes-title">
            <h2 id="notes-title">Internal notes</h2>
            <p class="muted small">Only the team sees these.</p>
            <form
              class="stack"
              onSubmit={(e) => {
                e.preventDefault();
                void act('notes', { body: note }, 'Note added.', () => setNote(''));
              }}
            >
              <label class="field">
                <span>Note</span>
                <textarea ref={noteBox} name="note" rows={3} required value={note} aria-keyshortcuts="n" onInput={(e) => setNote(e.currentTarget.value)} />
              </label>
              <button type="submit" class="button" disabled={busy || !note.trim()}>
                Add note
              </button>
            </form>
          </section>
          <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <ol class="history">
              {t.events.map((e) => (
                <li key={e.id} class={`history-${e.type}`}>
                  <div>
                    <strong>{e.actor?.name ?? (e.type === 'created' || e.type === 'customer_reply' ? 'Customer' : 'System')}</strong> · {describe(e)}
                  </div>
                  <time class="muted small" dateTime={e.createdAt}>
                    {formatDateTime(e.createdAt)}
                  </time>
                  {e.type === 'note' && e.body && <p class="note-body">{e.body}</p>}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} shortcuts={shortcuts} />
    </>
  );
}
