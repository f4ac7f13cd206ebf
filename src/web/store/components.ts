// Pieces shared by several store pages: product cards, availability, pagination, form fields.
import { html, type Html } from '../html';
import { formatMoney } from '../format';
import { METAL_LABEL, type Product } from '../../modules/catalog/types';

export function availability(product: Product): { label: string; tone: 'ok' | 'warn' | '' } {
  if (!product.readyToShip) return { label: 'Made to order', tone: '' };
  if (product.stock === 0) return { label: 'Sold out', tone: 'warn' };
  if (product.stock <= 3) return { label: `Only ${product.stock} left`, tone: 'warn' };
  return { label: 'Ready to ship', tone: 'ok' };
}

export function productCard(product: Product): Html {
  const badge = availability(product);
  return html`<li class="product-card">
  <a href="/products/${product.slug}">
    <div class="thumb"><img src="${product.imageUrl}" alt="" width="400" height="400" loading="lazy"></div>
    <span class="badge ${badge.tone}">${badge.label}</span>
    <h3>${product.name}</h3>
    <p class="meta">${METAL_LABEL[product.metal]}${product.stone ? ` · ${product.stone}` : ''}</p>
    <p class="price">${formatMoney(product.priceCents, product.currency)}</p>
  </a>
</li>`;
}

export function productGrid(products: Product[], label: string): Html {
  return html`<ul class="product-grid" aria-label="${label}">${products.map(productCard)}</ul>`;
}

export function pagination(page: number, pageCount: number, hrefFor: (page: number) => string): Html {
  if (pageCount <= 1) return html``;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2);
  const items: Html[] = [];
  if (page > 1) items.push(html`<li><a href="${hrefFor(page - 1)}" rel="prev">Previous</a></li>`);
  pages.forEach((p, i) => {
    if (i > 0 && p - pages[i - 1]! > 1) items.push(html`<li><span aria-hidden="true">…</span></li>`);
    items.push(p === page ? html`<li><a href="${hrefFor(p)}" aria-current="page">${p}</a></li>` : html`<li><a href="${hrefFor(p)}" aria-label="Page ${p}">${p}</a></li>`);
  });
  if (page < pageCount) items.push(html`<li><a href="${hrefFor(page + 1)}" rel="next">Next</a></li>`);
  return html`<nav class="pagination" aria-label="Pagination"><ul>${items}</ul></nav>`;
}

export interface FieldOptions {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'number';
  value?: string;
  error?: string;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  full?: boolean;
  multiline?: boolean;
  maxlength?: number;
}

export function field(o: FieldOptions): Html {
  const id = `field-${o.name}`;
  const describedBy = [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html`id="${id}" name="${o.name}" ${o.required ? html`required aria-required="true"` : ''} ${o.error ? html`aria-invalid="true"` : ''} ${describedBy ? html`aria-describedby="${describedBy}"` : ''} ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''} ${o.maxlength ? html`maxlength="${o.maxlength}"` : ''}`;
  return html`<div class="field ${o.full ? 'full' : ''}">
  <label for="${id}">${o.label}${o.required ? '' : html` <span class="hint">(optional)</span>`}</label>
  ${o.multiline ? html`<textarea ${common}>${o.value ?? ''}</textarea>` : html`<input type="${o.type ?? 'text'}" ${common} value="${o.value ?? ''}">`}
  ${o.hint ? html`<span class="hint" id="${id}-hint">${o.hint}</span>` : ''}
  ${o.error ? html`<span class="error" id="${id}-error">${o.error}</span>` : ''}
</div>`;
}
