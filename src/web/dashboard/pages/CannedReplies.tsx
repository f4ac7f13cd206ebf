// Canned replies (admins): write, change and delete the replies agents insert on a ticket. The server refuses an
// unknown variable; the list of variables it fills is shown beside the editor.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { formatDateTime } from '../format';
import { Loading, Notice, PageHeader, useAction, useData } from '../components/ui';

interface CannedReply {
  id: number;
  title: string;
  body: string;
  updatedAt: string;
}

interface CannedList {
  items: CannedReply[];
  variables: { name: string; description: string }[];
}

function ReplyForm(props: { initial?: CannedReply; busy: boolean; onSave: (input: { title: string; body: string }) => Promise<boolean>; onCancel?: () => void }) {
  const [title, setTitle] = useState(props.initial?.title ?? '');
  const [body, setBody] = useState(props.initial?.body ?? '');
  const prefix = props.initial ? `edit-${props.initial.id}` : 'new';
  return (
    <form
      class="stack"
      aria-label={props.initial ? `Edit ${props.initial.title}` : 'New canned reply'}
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await props.onSave({ title, body })) && !props.initial) {
          setTitle('');
          setBody('');
        }
      }}
    >
      <label class="field" for={`${prefix}-title`}>
        <span>Title</span>
        <input id={`${prefix}-title`} name="title" required maxLength={100} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label class="field" for={`${prefix}-body`}>
        <span>Reply</span>
        <textarea id={`${prefix}-body`} name="body" required rows={5} maxLength={5000} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.busy || !title.trim() || !body.trim()}>
          {props.initial ? 'Save changes' : 'Add canned reply'}
        </button>
        {props.onCancel && (
          <button type="button" class="button button-quiet" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function CannedRepliesPage() {
  const list = useData('canned-replies', () => api<CannedList>('/canned-replies'));
  const { message, busy, run } = useAction();
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const save = (input: { title: string; body: string }, id?: number) =>
    run(
      async () => {
        await api(id ? `/canned-replies/${id}` : '/canned-replies', { method: id ? 'PUT' : 'POST', body: input });
        setEditing(undefined);
        await list.reload();
      },
      id ? `Saved “${input.title}”.` : `Added “${input.title}”.`,
    );
  const remove = (reply: CannedReply) => {
    if (!confirm(`Delete the canned reply “${reply.title}”?`)) return;
    void run(async () => {
      await api(`/canned-replies/${reply.id}`, { method: 'DELETE' });
      await list.reload();
    }, `Deleted “${reply.title}”.`);
  };
  const l = list.data;
  return (
    <>
      <PageHeader title="Canned replies" subtitle="Replies agents insert on a ticket; the variables are filled from the ticket when inserted" />
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {!l ? (
        <Loading error={list.error} status={list.status} />
      ) : (
        <div class="detail-grid">
          <div class="detail-main">
            <section class="card" aria-labelledby="canned-list-title">
              <h2 id="canned-list-title">Replies ({l.items.length})</h2>
              {l.items.length === 0 ? (
                <p class="empty">No canned replies yet.</p>
              ) : (
                <ul class="canned-list">
                  {l.items.map((c) => (
                    <li key={c.id}>
                      {editing === c.id ? (
                        <ReplyForm initial={c} busy={busy} onSave={(input) => save(input, c.id)} onCancel={() => setEditing(undefined)} />
                      ) : (
                        <>
                          <div class="canned-head">
                            <h3>{c.title}</h3>
                            <span class="muted small">changed {formatDateTime(c.updatedAt)}</span>
                            <button type="button" class="button button-quiet" aria-label={`Edit ${c.title}`} onClick={() => setEditing(c.id)}>
                              Edit
                            </button>
                            <button type="button" class="button button-danger" aria-label={`Delete ${c.title}`} disabled={busy} onClick={() => remove(c)}>
                              Delete
                            </button>
                          </div>
                          <p class="quote canned-body">{c.body}</p>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section class="card" aria-labelledby="canned-new-title">
              <h2 id="canned-new-title">New canned reply</h2>
              <ReplyForm busy={busy} onSave={(input) => save(input)} />
            </section>
          </div>
          <aside class="detail-side card" aria-labelledby="variables-title">
            <h2 id="variables-title">Variables</h2>
            <p class="muted small">Write them with double braces. A value the ticket does not have stays in the reply for the agent to fill in.</p>
            <dl class="variables">
              {l.variables.map((v) => (
                <div key={v.name}>
                  <dt>
                    <code>{`{{${v.name}}}`}</code>
                  </dt>
                  <dd>{v.description}</dd>
                </div>
              ))}
            </dl>
          </aside>
        </div>
      )}
    </>
  );
}
