// Staff accounts (D8, admins): add, disable or enable, reset a password (a generated one is shown once).
import { useState } from 'preact/hooks';
import { api, type StaffUser } from '../api';
import { formatDateTime } from '../format';
import { Loading, Notice, PageHeader, Pill, useAction, useData } from '../components/ui';

interface Member {
  id: number;
  email: string;
  name: string;
  role: 'agent' | 'admin';
  disabled: boolean;
  lastLoginAt: string | null;
}

export function StaffPage(props: { user: StaffUser }) {
  const staff = useData('staff', () => api<{ items: Member[] }>('/staff'));
  const [form, setForm] = useState({ email: '', name: '', role: 'agent' });
  const action = useAction<{ password?: string }>();
  const message = action.message;
  const run = async (task: () => Promise<{ password?: string }>, done: string) => {
    if (await action.run(task, done)) await staff.reload();
  };

  const add = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const result = await api<{ password?: string }>('/staff', { method: 'POST', body: form });
      setForm({ email: '', name: '', role: 'agent' });
      return result;
    }, `Added ${form.name} (${form.email}). Share the password below with them in person or by a password manager.`);
  };

  return (
    <>
      <PageHeader title="Staff" subtitle="Who can sign in to this dashboard" />
      {message && (
        <Notice kind={message.kind}>
          {message.text}
          {message.result?.password && (
            <div class="password-reveal">
              Password (shown once): <code>{message.result.password}</code>
            </div>
          )}
        </Notice>
      )}
      <section class="card" aria-labelledby="add-staff">
        <h2 id="add-staff">Add a staff member</h2>
        <form class="filters" onSubmit={add}>
          <label class="field field-grow">
            <span>Name</span>
            <input name="name" required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          </label>
          <label class="field field-grow">
            <span>Email</span>
            <input name="email" type="email" required value={form.email} onInput={(e) => setForm({ ...form, email: e.currentTarget.value })} />
          </label>
          <label class="field">
            <span>Role</span>
            <select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}>
              <option value="agent">Agent (stylist, support)</option>
              <option value="admin">Admin</option>
            </select>
          </label>
          <button type="submit" class="button button-primary">
            Add staff member
          </button>
        </form>
      </section>
      {!staff.data ? (
        <Loading error={staff.error} status={staff.status} />
      ) : (
        <div class="table-wrap">
          <table class="table" aria-label="Staff accounts">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.items.map((m) => (
                <tr key={m.id} class={m.disabled ? 'row-muted' : undefined}>
                  <td class="strong">{m.name}</td>
                  <td>{m.email}</td>
                  <td>{m.role === 'admin' ? <Pill tone="gold">Admin</Pill> : <Pill>Agent</Pill>}</td>
                  <td>{m.disabled ? <Pill tone="bad">Disabled</Pill> : <Pill tone="good">Active</Pill>}</td>
                  <td>{m.lastLoginAt ? formatDateTime(m.lastLoginAt) : <span class="muted">Never</span>}</td>
                  <td>
                    <div class="actions">
                      <button type="button" class="button button-quiet" aria-label={`Reset password of ${m.name}`} onClick={() => run(() => api(`/staff/${m.id}/reset-password`, { method: 'POST', body: {} }), `New password for ${m.name}; their sessions have ended.`)}>
                        Reset password
                      </button>
                      {m.id !== props.user.id &&
                        (m.disabled ? (
                          <button type="button" class="button button-quiet" aria-label={`Enable ${m.name}`} onClick={() => run(() => api(`/staff/${m.id}/enable`, { method: 'POST', body: {} }), `${m.name} can sign in again.`)}>
                            Enable
                          </button>
                        ) : (
                          <button type="button" class="button button-danger" aria-label={`Disable ${m.name}`} onClick={() => run(() => api(`/staff/${m.id}/disable`, { method: 'POST', body: {} }), `${m.name} is disabled and signed out everywhere.`)}>
                            Disable
                          </button>
                        ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
