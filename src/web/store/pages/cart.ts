// The bag: lines with quantity changes, the subtotal and the 30-minute hold.
import { html } from '../../html';
import { formatMoney } from '../../format';
import { renderPage } from '../layout';
import { METAL_LABEL } from '../../../modules/catalog/types';
import type { Cart } from '../../../modules/cart/service';

export function renderCartPage(cart: Cart): string {
  const currency = cart.lines[0]?.product.currency ?? 'USD';
  return renderPage({
    title: 'Your bag',
    section: 'cart',
    cartCount: cart.itemCount,
    body: html`<div class="container">
  <h1>Your bag</h1>
  ${cart.lines.length === 0
    ? html`<div class="empty"><h2>Your bag is empty</h2><p>Find something you love in our ready-to-ship collection.</p><a class="button" href="/catalog">Browse jewelry</a></div>`
    : html`<table class="cart-table">
    <caption class="visually-hidden">Pieces in your bag</caption>
    <thead><tr><th scope="col">Piece</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th></tr></thead>
    <tbody>
    ${cart.lines.map(
      (line) => html`<tr>
      <td><div class="cart-product"><img src="${line.product.imageUrl}" alt="" width="72" height="72"><div><a href="/products/${line.product.slug}">${line.product.name}</a><br><span class="hint">${METAL_LABEL[line.product.metal]}${line.size !== null ? ` · size ${line.size}` : ''}</span></div></div></td>
      <td>${formatMoney(line.product.priceCents, line.product.currency)}</td>
      <td><form method="post" action="/cart/lines/${line.id}" class="qty-form">
        <label class="visually-hidden" for="qty-${line.id}">Quantity of ${line.product.name}</label>
        <select id="qty-${line.id}" name="quantity">${[0, 1, 2, 3, 4, 5].map((q) => html`<option value="${q}" ${q === line.quantity ? html`selected` : ''}>${q === 0 ? 'Remove' : q}</option>`)}</select>
        <button class="button small secondary" type="submit">Update</button>
      </form></td>
      <td>${formatMoney(line.lineTotalCents, line.product.currency)}</td>
    </tr>`,
    )}
    </tbody>
  </table>
  <div class="results-bar" style="margin-top:1.5rem">
    <p>Held for you until ${new Date(cart.expiresAt!).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' })} (30 minutes from your last change).</p>
    <p><strong>Subtotal ${formatMoney(cart.subtotalCents, currency)}</strong></p>
  </div>
  <div class="actions"><a class="button" href="/checkout">Checkout</a><a class="button secondary" href="/catalog">Keep shopping</a></div>`}
</div>`,
  });
}
