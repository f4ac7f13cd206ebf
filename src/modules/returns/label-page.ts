// The printable return label: the shop's look on screen, plain black on white when printed.
import { html } from '../../web/html';
import { BRAND } from '../mail/layout';
import type { LabelView } from './service';

const lines = (list: string[]) => list.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`);

export function renderLabelPage(label: LabelView): string {
  const { rma } = label;
  const what = rma.kind === 'return' ? 'Return' : `Resize to size ${rma.new_size}`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Return label ${rma.number} · ${label.shopName}</title>
<style>
  body { margin: 0; background: ${BRAND.blush}; color: ${BRAND.ink}; font-family: ${BRAND.sans}; }
  main { max-width: 720px; margin: 32px auto; padding: 0 16px; }
  .brand { font-family: ${BRAND.serif}; font-size: 28px; font-weight: 700; letter-spacing: 0.02em; }
  .label { background: #fff; border: 2px dashed ${BRAND.ink}; border-radius: 12px; padding: 28px; margin-top: 16px; }
  h1 { font-family: ${BRAND.serif}; font-weight: 600; margin: 0 0 4px; font-size: 26px; }
  .rma { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 40px; font-weight: 700; letter-spacing: 0.08em; margin: 8px 0 20px; }
  .addresses { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin-bottom: 20px; }
  .addresses h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.1em; color: ${BRAND.inkSoft}; margin: 0 0 6px; }
  .to { font-size: 20px; font-weight: 600; line-height: 1.4; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0 0 20px; }
  dt { color: ${BRAND.inkSoft}; }
  dd { margin: 0; font-weight: 600; }
  .rule { background: ${BRAND.blushDeep}; border-radius: 10px; padding: 12px 16px; font-weight: 700; }
  .help { margin-top: 20px; color: ${BRAND.inkSoft}; }
  @media print {
    body { background: #fff; }
    main { margin: 0; max-width: none; }
    .help { display: none; }
    .label { border-color: #000; }
    .rule { background: none; border: 1px solid #000; }
  }
</style></head>
<body><main>
<div class="brand">${label.shopName}</div>
<section class="label" aria-labelledby="label-title">
<h1 id="label-title">Prepaid return label</h1>
<div class="rma" aria-label="RMA number">${rma.number}</div>
<div class="addresses">
<div><h2>From</h2><div>${lines(label.from)}</div></div>
<div><h2>Ship to</h2><div class="to">${lines(label.returnAddress)}</div></div>
</div>
<dl>
<dt>Order</dt><dd>${label.orderNumber}</dd>
<dt>Item</dt><dd>${label.itemName}</dd>
<dt>Request</dt><dd>${what}</dd>
<dt>Created</dt><dd>${rma.created_at.slice(0, 10)}</dd>
</dl>
<p class="rule">${label.rule}</p>
</section>
<p class="help">Print this page (Ctrl+P or ⌘P), tape the label to the parcel and put a copy with the RMA number inside the box.</p>
</main></body></html>`.toString();
}
