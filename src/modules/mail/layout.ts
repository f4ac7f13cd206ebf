// The branded email shell: blush background, ink text, rose accents, serif headings, inline styles only
// (mail clients drop <style> blocks). Every value goes through the escaping html`` tag.
import { html, type Html } from '../../web/html';

export const BRAND = {
  ink: '#2a1b22',
  inkSoft: '#5c4a52',
  blush: '#fbf1f3',
  blushDeep: '#f4dde3',
  rose: '#b3365f',
  line: '#ead8dd',
  // Unquoted family names: the values go into style attributes, where quotes would be escaped.
  serif: 'Cormorant Garamond, Playfair Display, Georgia, Times New Roman, serif',
  sans: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif',
} as const;

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

export const paragraph = (content: Html | string) => html`<p style="margin:0 0 16px;font-size:16px;line-height:1.6;color:${BRAND.ink}">${content}</p>`;

export const button = (href: string, label: string) =>
  html`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:${BRAND.rose};color:#ffffff;text-decoration:none;font-weight:600;padding:12px 22px;border-radius:999px">${label}</a></p>`;

/** A highlighted box for the one thing to remember (an RMA number, an answer-by time). */
export const callout = (label: string, value: string) =>
  html`<div style="margin:0 0 20px;padding:16px 20px;background:${BRAND.blushDeep};border-radius:12px"><div style="font-size:12px;letter-spacing:0.08em;text-transform:uppercase;color:${BRAND.inkSoft}">${label}</div><div style="font-family:${BRAND.serif};font-size:26px;font-weight:600;color:${BRAND.ink}">${value}</div></div>`;

/** Customer-written text, quoted: escaped, line breaks kept. */
export const quote = (text: string) =>
  html`<blockquote style="margin:0 0 20px;padding:12px 16px;border-left:3px solid ${BRAND.rose};background:#ffffff;color:${BRAND.inkSoft};white-space:pre-wrap">${text}</blockquote>`;

export function emailLayout(shopName: string, heading: string, body: Html, footer: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${heading}</title></head>
<body style="margin:0;padding:0;background:${BRAND.blush};font-family:${BRAND.sans};color:${BRAND.ink}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${BRAND.blush}"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid ${BRAND.line};border-radius:16px">
<tr><td style="padding:28px 32px 0;font-family:${BRAND.serif};font-size:28px;font-weight:700;letter-spacing:0.02em;color:${BRAND.ink}">${shopName}</td></tr>
<tr><td style="padding:8px 32px 28px">
<h1 style="font-family:${BRAND.serif};font-weight:600;font-size:26px;line-height:1.2;margin:16px 0 20px;color:${BRAND.ink}">${heading}</h1>
${body}
</td></tr>
<tr><td style="padding:18px 32px;border-top:1px solid ${BRAND.line};font-size:13px;color:${BRAND.inkSoft}">${footer}</td></tr>
</table></td></tr></table>
</body></html>`.toString();
}
