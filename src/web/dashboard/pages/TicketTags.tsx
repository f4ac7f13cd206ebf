// A ticket's tags: add one (lower-case, dashes), remove one; the list filters by them.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useAction } from '../components/ui';
import { ErrorLine } from '../components/ErrorLine';

export function TicketTags(props: { ticketId: number; tags: string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState('');
  const { message, busy, run } = useAction();
  const send = (request: () => Promise<{ tags: string[] }>, done: string) => run(async () => props.onChange((await request()).tags), done);
  return (
    <section class="card" aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      {props.tags.length === 0 ? (
        <p class="muted small">No tags yet.</p>
      ) : (
        <ul class="tag-list">
          {props.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
              <button type="button" class="tag-remove" aria-label={`Remove tag ${tag}`} disabled={busy} onClick={() => void send(() => api(`/tickets/${props.ticketId}/tags/${encodeURIComponent(tag)}`, { method: 'DELETE' }), `Removed ${tag}.`)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="tag-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await send(() => api(`/tickets/${props.ticketId}/tags`, { method: 'POST', body: { tag: text } }), 'Tag added.')) setText('');
        }}
      >
        <label for="new-tag" class="visually-hidden">
          New tag
        </label>
        <input id="new-tag" name="tag" value={text} maxLength={30} placeholder="e.g. gift-wrap" onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="button" disabled={busy || !text.trim()}>
          Add tag
        </button>
      </form>
      <ErrorLine message={message} />
    </section>
  );
}
