// A product page: picture, price, availability, sizes and the add-to-bag form.
import { html } from '../../html';
import { formatMoney } from '../../format';
import { renderPage } from '../layout';
import { availability, productGrid } from '../components';
import { availabilityOf, CATEGORY_LABEL, LEAD_TIMES, METAL_LABEL, type Product } from '../../../modules/catalog/types';

/** When the piece ships, as its stock says: a sold-out piece has no date until it is restocked. */
const SHIPPING: Record<ReturnType<typeof availabilityOf>, string> = {
  ready_to_ship: `Ships in ${LEAD_TIMES.readyToShip}`,
  made_to_order: `Made to order: ships in ${LEAD_TIMES.madeToOrder}`,
  sold_out: 'Sold out: no shipping date until it is restocked',
};

export function renderProductPage(product: Product, related: Product[], cartCount: number, error?: string): string {
  const badge = availability(product);
  const canBuy = availabilityOf(product) !== 'sold_out';
  return renderPage({
    title: product.name,
    description: product.description,
    section: 'catalog',
    cartCount,
    productId: product.id,
    body: html`<div class="container">
  <nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
    <li><a href="/catalog">Shop</a></li>
    <li><a href="/catalog?category=${product.category}">${CATEGORY_LABEL[product.category]}</a></li>
    <li><span aria-current="page">${product.name}</span></li>
  </ol></nav>
  <div class="product-layout">
    <div class="product-image"><img src="${product.imageUrl}" alt="${product.name} in ${METAL_LABEL[product.metal]}" width="400" height="400"></div>
    <div class="product-info">
      <p class="eyebrow">${CATEGORY_LABEL[product.category]}</p>
      <h1>${product.name}</h1>
      <p class="price">${formatMoney(product.priceCents, product.currency)}</p>
      <p><span class="badge ${badge.tone}">${badge.label}</span></p>
      <p>${product.description}</p>
      <dl>
        <dt>Metal</dt><dd>${METAL_LABEL[product.metal]}</dd>
        <dt>Stone</dt><dd>${product.stone ? product.stone.charAt(0).toUpperCase() + product.stone.slice(1) : 'None'}</dd>
        <dt>SKU</dt><dd>${product.sku}</dd>
        <dt>Shipping</dt><dd>${SHIPPING[availabilityOf(product)]}</dd>
      </dl>
      ${canBuy
        ? html`<form class="buy-box" method="post" action="/cart/items">
        <input type="hidden" name="productId" value="${product.id}">
        ${error ? html`<p class="form-error" role="alert">${error}</p>` : ''}
        ${product.sizes.length
          ? html`<div class="field"><label for="size">Ring size</label><select id="size" name="size" required aria-required="true"><option value="">Choose a size</option>${product.sizes.map((s) => html`<option value="${s}">${s}</option>`)}</select><span class="hint">Not sure? Ask our concierge about ring sizing.</span></div>`
          : ''}
        <div class="field"><label for="quantity">Quantity</label><select id="quantity" name="quantity">${[1, 2, 3].map((q) => html`<option value="${q}">${q}</option>`)}</select></div>
        <button class="button" type="submit">Add to bag</button>
        <p class="hint">Pieces in your bag are held for 30 minutes.</p>
      </form>`
        : html`<div class="buy-box"><p><strong>This piece is sold out.</strong> Save it to your concierge shortlist, or ask a stylist about a special order.</p><a class="button secondary" href="/catalog?category=${product.category}&amp;available=true">See similar pieces</a></div>`}
    </div>
  </div>
  ${related.length ? html`<section aria-labelledby="related" class="container"><h2 id="related">You may also love</h2>${productGrid(related, 'Related pieces')}</section>` : ''}
</div>`,
  });
}
