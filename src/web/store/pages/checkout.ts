// Checkout (no payment is taken) and the confirmation page with the new order's number.
import { html } from '../../html';
import { formatDate, formatMoney } from '../../format';
import { renderPage } from '../layout';
import { field } from '../components';
import type { Cart } from '../../../modules/cart/service';
import { shippingFor, type OrderDetail } from '../../../modules/orders/service';

export type CheckoutErrors = Partial<Record<'name' | 'email' | 'phone' | 'line1' | 'line2' | 'city' | 'postalCode' | 'country' | 'form', string>>;

function summary(cart: Cart) {
  const currency = cart.lines[0]?.product.currency ?? 'USD';
  const shipping = shippingFor(cart.subtotalCents);
  return html`<aside class="summary" aria-labelledby="summary-heading">
  <h2 id="summary-heading">Order summary</h2>
  <ul class="line-items">${cart.lines.map((l) => html`<li class="line-item"><img src="${l.product.imageUrl}" alt="" width="72" height="72"><p>${l.product.name}<br><span class="hint">Qty ${l.quantity}${l.size !== null ? ` · size ${l.size}` : ''}</span></p><p>${formatMoney(l.lineTotalCents, currency)}</p></li>`)}</ul>
  <dl class="totals">
    <dt>Subtotal</dt><dd>${formatMoney(cart.subtotalCents, currency)}</dd>
    <dt>Insured shipping</dt><dd>${shipping === 0 ? 'Free' : formatMoney(shipping, currency)}</dd>
    <dt class="grand">Total</dt><dd class="grand">${formatMoney(cart.subtotalCents + shipping, currency)}</dd>
  </dl>
</aside>`;
}

export function renderCheckoutPage(cart: Cart, values: Record<string, string>, errors: CheckoutErrors, idempotencyKey: string): string {
  return renderPage({
    title: 'Checkout',
    section: 'checkout',
    cartCount: cart.itemCount,
    body: html`<div class="container">
  <h1>Checkout</h1>
  ${cart.lines.length === 0
    ? html`<div class="empty"><h2>Your bag is empty</h2><a class="button" href="/catalog">Browse jewelry</a></div>`
    : html`<div class="checkout-layout">
    <form method="post" action="/checkout" novalidate aria-labelledby="shipping-heading">
      <h2 id="shipping-heading">Shipping details</h2>
      ${errors.form ? html`<p class="form-error" role="alert">${errors.form}</p>` : Object.keys(errors).length ? html`<p class="form-error" role="alert">Please correct the highlighted fields.</p>` : ''}
      <input type="hidden" name="idempotencyKey" value="${idempotencyKey}">
      <input type="hidden" name="conciergeSessionId" value="${values.conciergeSessionId ?? ''}">
      <div class="form-grid">
        ${field({ name: 'name', label: 'Full name', value: values.name, error: errors.name, required: true, autocomplete: 'name', full: true, maxlength: 120 })}
        ${field({ name: 'email', label: 'Email', type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'email', hint: 'We send your order number and tracking here.', maxlength: 254 })}
        ${field({ name: 'phone', label: 'Phone', type: 'tel', value: values.phone, error: errors.phone, autocomplete: 'tel', maxlength: 40 })}
        ${field({ name: 'line1', label: 'Address', value: values.line1, error: errors.line1, required: true, autocomplete: 'address-line1', full: true, maxlength: 200 })}
        ${field({ name: 'line2', label: 'Apartment, suite', value: values.line2, error: errors.line2, autocomplete: 'address-line2', full: true, maxlength: 200 })}
        ${field({ name: 'city', label: 'City', value: values.city, error: errors.city, required: true, autocomplete: 'address-level2', maxlength: 100 })}
        ${field({ name: 'postalCode', label: 'Postal code', value: values.postalCode, error: errors.postalCode, required: true, autocomplete: 'postal-code', maxlength: 20 })}
        ${field({ name: 'country', label: 'Country', value: values.country ?? 'US', error: errors.country, required: true, autocomplete: 'country', hint: 'Two-letter code, e.g. US, CA, GB', maxlength: 2 })}
      </div>
      <p class="hint">This is a demo store: no payment is taken.</p>
      <button class="button" type="submit">Place order</button>
    </form>
    ${summary(cart)}
  </div>`}
</div>`,
  });
}

export function renderOrderCompletePage(detail: OrderDetail, { emailed }: { emailed: boolean }): string {
  const { order, items } = detail;
  return renderPage({
    title: `Order ${order.number} confirmed`,
    section: 'checkout',
    body: html`<div class="container narrow">
  <p class="eyebrow">Thank you, ${order.customer_name}</p>
  <h1>Your order is confirmed</h1>
  <p>Your order number is</p>
  <p class="order-number" data-testid="order-number">${order.number}</p>
  <p>${emailed ? html`We’ve sent a confirmation to <strong>${order.email}</strong>. ` : ''}Track it any time with our concierge using this number and your email.</p>
  <ul class="line-items">${items.map((i) => html`<li>${i.quantity} × ${i.name}${i.size !== null ? ` (size ${i.size})` : ''} — ${formatMoney(i.unit_price_cents * i.quantity, order.currency)}</li>`)}</ul>
  <p><strong>Total ${formatMoney(order.total_cents, order.currency)}</strong> · Estimated delivery ${order.estimated_delivery ? formatDate(order.estimated_delivery) : 'soon'}</p>
  <div class="actions"><a class="button" href="/catalog">Continue shopping</a></div>
</div>`,
  });
}
