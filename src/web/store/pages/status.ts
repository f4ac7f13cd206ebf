// The public status page: is the service up, does the database answer, is the widget on.
import { html } from '../../html';
import { renderPage } from '../layout';

export interface StatusView {
  database: boolean;
  dialect: string;
  widget: boolean;
  startedAt: Date;
  now: Date;
}

export function renderStatusPage(view: StatusView): string {
  const allOk = view.database;
  const row = (name: string, ok: boolean, okText: string, downText: string) =>
    html`<li><span>${name}</span><span class="${ok ? 'status-ok' : 'status-down'}">${ok ? okText : downText}</span></li>`;
  return renderPage({
    title: 'Service status',
    section: 'status',
    body: html`<div class="container narrow">
  <p class="eyebrow">Aurora Concierge</p>
  <h1>${allOk ? 'All systems operational' : 'Some systems are down'}</h1>
  <ul class="status-list" aria-label="Components">
    ${row('Service', true, 'Operational', 'Down')}
    ${row(`Database (${view.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'})`, view.database, 'Operational', 'Unavailable')}
    ${row('Concierge widget', view.widget, 'Enabled', 'Switched off')}
  </ul>
  <p class="hint">Checked ${view.now.toISOString().replace('T', ' ').slice(0, 19)} UTC · up since ${view.startedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC</p>
</div>`,
  });
}
