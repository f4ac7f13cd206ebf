// The bar over the ticket list while tickets are selected: assign them or set their status in one go. Each ticket
// goes with the version the list showed; what a colleague changed meanwhile is skipped and named, not overwritten.
import { useState } from 'preact/hooks';
import { api, type StaffUser } from '../api';
import { LabelOptions, useAction } from '../components/ui';
import { ErrorLine } from '../components/ErrorLine';
import { STATUS_LABELS } from '../format';
import type { Stylist } from './Tickets';

interface BulkResult {
  changed: number[];
  skipped: { id: number; reason: 'changed' | 'not_found' | 'already'; message: string }[];
}

export interface BulkOutcome extends BulkResult {
  text: string;
}

const tickets = (n: number) => `${n} ticket${n === 1 ? '' : 's'}`;

/** "Changed 3 tickets. Skipped 1 that changed under you: Ticket #12 changed while …" */
export function describeBulk(result: BulkResult): string {
  const parts = [`Changed ${tickets(result.changed.length)}.`];
  const changed = result.skipped.filter((s) => s.reason === 'changed');
  const other = result.skipped.filter((s) => s.reason !== 'changed');
  if (changed.length) parts.push(`Skipped ${changed.length} that changed under you: ${changed.map((s) => s.message).join(' ')}`);
  if (other.length) parts.push(`Left ${tickets(other.length)} as they were: ${other.map((s) => s.message).join(' ')}`);
  return parts.join(' ');
}

export function BulkBar(props: { selected: { id: number; version: number }[]; stylists: Stylist[]; me: StaffUser; onDone: (outcome: BulkOutcome) => void | Promise<void> }) {
  const [assignee, setAssignee] = useState(String(props.me.id));
  const [status, setStatus] = useState('in_progress');
  const { message, busy, run } = useAction();
  const apply = (change: { assigneeId: number | null } | { status: string }) =>
    run(async () => {
      const result = await api<BulkResult>('/tickets/bulk', { method: 'POST', body: { tickets: props.selected, ...change } });
      await props.onDone({ ...result, text: describeBulk(result) });
    }, 'Done.');
  return (
    <section class="bulk-bar" aria-label="Change the selected tickets">
      <strong role="status">{tickets(props.selected.length)} selected</strong>
      <form
        class="bulk-form"
        onSubmit={(e) => {
          e.preventDefault();
          void apply({ assigneeId: assignee ? Number(assignee) : null });
        }}
      >
        <label for="bulk-assignee">Assign to</label>
        <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
          <option value={String(props.me.id)}>Me ({props.me.name})</option>
          {props.stylists
            .filter((s) => s.id !== props.me.id)
            .map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          <option value="">Unassigned</option>
        </select>
        <button type="submit" class="button" disabled={busy}>
          Assign
        </button>
      </form>
      <form
        class="bulk-form"
        onSubmit={(e) => {
          e.preventDefault();
          void apply({ status });
        }}
      >
        <label for="bulk-status">Status</label>
        <select id="bulk-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <LabelOptions labels={STATUS_LABELS} />
        </select>
        <button type="submit" class="button" disabled={busy}>
          Set status
        </button>
      </form>
      <ErrorLine message={message} />
    </section>
  );
}
