// The demo mailbox pages: every queued email, and one email as the customer would see it.
import { html, type Html } from '../../web/html';
import { BRAND } from './layout';
import type { MailboxEntry, MailboxMessage } from './service';

/** Where mail goes, as the demo mailbox tells it: 'smtp', 'mailbox', or null (held). */
export type MailTransport = string | null;

// The banner says what really happens to mail: with SMTP_URL it leaves, so the rows' statuses are real deliveries.
function banner(transport: MailTransport): string {
  return transport === 'smtp'
    ? 'Mailbox: these emails really leave via SMTP (SMTP_URL is set); each row shows its delivery status'
    : 'Demo mailbox: no SMTP_URL, so emails stay here and are not sent';
}

function page(title: string, transport: MailTransport, body: Html): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head>
<body style="margin:0;font-family:${BRAND.sans};color:${BRAND.ink};background:${BRAND.blush}">
<main style="max-width:1000px;margin:0 auto;padding:32px 20px">
<p style="margin:0 0 8px;font-size:13px;letter-spacing:0.08em;text-transform:uppercase;color:${BRAND.inkSoft}">${banner(transport)}</p>
${body}
</main></body></html>`.toString();
}

// A row "sent" to the local mailbox never left the app: it says so rather than "sent".
function statusLabel(e: MailboxEntry): string {
  if (e.status === 'sent') return e.transport === 'mailbox' ? 'kept here (not sent)' : `sent via ${e.transport === 'smtp' ? 'SMTP' : (e.transport ?? 'unknown')}`;
  return e.status === 'failed' ? `failed: ${e.lastError ?? ''}` : `pending (${e.attempts} attempts)`;
}

export function renderMailboxList(entries: MailboxEntry[], total: number, transport: MailTransport): string {
  const rows = entries.map(
    (e) => html`<tr>
<td style="padding:10px;border-bottom:1px solid ${BRAND.line};white-space:nowrap">${new Date(e.createdAt).toLocaleString('en-US', { timeZone: 'UTC' })} UTC</td>
<td style="padding:10px;border-bottom:1px solid ${BRAND.line}">${e.to}</td>
<td style="padding:10px;border-bottom:1px solid ${BRAND.line}"><a href="/dev/mailbox/${e.id}" style="color:${BRAND.rose}">${e.subject}</a></td>
<td style="padding:10px;border-bottom:1px solid ${BRAND.line}">${statusLabel(e)}</td>
</tr>`,
  );
  return page(
    'Mailbox',
    transport,
    html`<h1 style="font-family:${BRAND.serif}">Mailbox <small style="font-size:16px;color:${BRAND.inkSoft}">${total} emails</small></h1>
${entries.length === 0
  ? html`<p>No emails yet. Submit a return or a stylist request in the widget and it appears here.</p>`
  : html`<table style="width:100%;border-collapse:collapse;background:#fff;border-radius:12px"><thead><tr style="text-align:left"><th style="padding:10px">Queued</th><th style="padding:10px">To</th><th style="padding:10px">Subject</th><th style="padding:10px">Status</th></tr></thead><tbody>${rows}</tbody></table>`}`,
  );
}

export function renderMailboxMessage(message: MailboxMessage, transport: MailTransport): string {
  return page(
    message.subject,
    transport,
    html`<p><a href="/dev/mailbox" style="color:${BRAND.rose}">← All emails</a></p>
<h1 style="font-family:${BRAND.serif}">${message.subject}</h1>
<dl style="display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 20px">
<dt>To</dt><dd style="margin:0">${message.to}</dd>
<dt>Kind</dt><dd style="margin:0">${message.kind}</dd>
<dt>Status</dt><dd style="margin:0">${statusLabel(message)}</dd>
</dl>
<h2 style="font-family:${BRAND.serif}">HTML</h2>
<iframe title="Email as HTML" sandbox="" src="/dev/mailbox/${message.id}/html" style="width:100%;height:720px;border:1px solid ${BRAND.line};border-radius:12px;background:#fff"></iframe>
<h2 style="font-family:${BRAND.serif}">Plain text</h2>
<pre style="white-space:pre-wrap;background:#fff;padding:16px;border-radius:12px;border:1px solid ${BRAND.line}">${message.text}</pre>`,
  );
}
