// Feature flags (D7, admins): the global widget switch (W14).
import { api } from '../api';
import { formatDateTime } from '../format';
import { Loading, Notice, PageHeader, useAction, useData } from '../components/ui';

interface Flag {
  name: string;
  enabled: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

const DESCRIPTIONS: Record<string, { title: string; text: string }> = {
  widget_enabled: { title: 'Aurora Concierge widget', text: 'When off, the widget disappears from every page of the shop, and a widget a customer already has open says the concierge is away, with your contact links (within 5 seconds on every instance).' },
};

export function FlagsPage() {
  const flags = useData('flags', () => api<{ items: Flag[] }>('/flags'));
  const { message, run } = useAction();
  const toggle = (flag: Flag) =>
    run(async () => flags.setData(await api<{ items: Flag[] }>(`/flags/${flag.name}`, { method: 'PUT', body: { enabled: !flag.enabled } })), `${DESCRIPTIONS[flag.name]?.title ?? flag.name} is now ${flag.enabled ? 'off' : 'on'}.`);
  return (
    <>
      <PageHeader title="Feature flags" subtitle="Global switches: they apply to every shopper at once" />
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {!flags.data ? (
        <Loading error={flags.error} status={flags.status} />
      ) : (
        <ul class="flag-list">
          {flags.data.items.map((f) => (
            <li class="card flag" key={f.name}>
              <div>
                <h2 id={`flag-${f.name}`}>{DESCRIPTIONS[f.name]?.title ?? f.name}</h2>
                <p class="muted">{DESCRIPTIONS[f.name]?.text}</p>
                <p class="small muted">
                  <code>{f.name}</code> · {f.updatedAt ? `changed ${formatDateTime(f.updatedAt)} by ${f.updatedBy ?? 'unknown'}` : 'never changed (default)'}
                </p>
              </div>
              <button type="button" role="switch" aria-checked={f.enabled} aria-labelledby={`flag-${f.name}`} class={`switch ${f.enabled ? 'switch-on' : ''}`} onClick={() => toggle(f)}>
                <span class="switch-knob" aria-hidden="true" />
                <span class="switch-text">{f.enabled ? 'On' : 'Off'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
