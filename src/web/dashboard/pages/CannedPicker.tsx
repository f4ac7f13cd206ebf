// Inserting a canned reply on a ticket: the server fills its variables from the ticket; what it could not fill stays
// as {{name}} in the reply box, with the reason, and the reply cannot be sent until the agent replaced it.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useAction, useData } from '../components/ui';
import { ErrorLine } from '../components/ErrorLine';

interface CannedList {
  items: { id: number; title: string; body: string }[];
  variables: { name: string; description: string }[];
}

export interface RenderedReply {
  text: string;
  missing: { name: string; reason: string }[];
}

/** The {{variable}} placeholders still in a reply (a canned reply's unfilled values). */
export const unfilledVariables = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([a-z_.]+)\s*\}\}/g)].map((m) => m[1]!))];

export function CannedPicker(props: { ticketId: number; onInsert: (reply: RenderedReply) => void }) {
  const list = useData('canned-replies', () => api<CannedList>('/canned-replies'));
  const [choice, setChoice] = useState('');
  const { message, run } = useAction();
  const items = list.data?.items ?? [];
  if (list.data && items.length === 0) return <p class="muted small">No canned replies yet (admins add them under Canned replies).</p>;
  const insert = () => run(async () => props.onInsert(await api<RenderedReply>(`/tickets/${props.ticketId}/canned-replies/${choice}`)), 'Inserted.');
  return (
    <div class="canned-picker">
      <label for="canned-choice">Canned reply</label>
      <select id="canned-choice" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
        <option value="">Choose…</option>
        {items.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.title}
          </option>
        ))}
      </select>
      <button type="button" class="button" disabled={!choice} onClick={() => void insert()}>
        Insert
      </button>
      <ErrorLine message={message} />
    </div>
  );
}
