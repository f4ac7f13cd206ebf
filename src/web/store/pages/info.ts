// Simple content pages: custom design (customizer), contact, and error pages.
import { html } from '../../html';
import { renderPage } from '../layout';
import { field } from '../components';
import { LEAD_TIMES, METALS, METAL_LABEL } from '../../../modules/catalog/types';

const orList = (words: string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`);

/** `stones`: the stones the catalog sets (catalog data), offered for a custom piece. */
export function renderCustomizerPage(stones: string[], cartCount: number): string {
  return renderPage({
    title: 'Custom design',
    section: 'customizer',
    cartCount,
    body: html`<section class="hero"><div class="hero-inner">
  <div>
    <p class="eyebrow">Bespoke by GlowGlitch</p>
    <h1>Design a piece that’s only yours</h1>
    <p class="lede">Swap metals, choose your stone, add an engraving or start from a sketch. Our stylists and bench jewelers guide you from the first idea to the finished piece, made for you in ${LEAD_TIMES.madeToOrder}.</p>
    <div class="actions">
      <a class="button" href="/contact?topic=custom-design" data-aurora-open="stylist">Talk to a stylist</a>
      <a class="button secondary" href="/catalog">Start from a ready piece</a>
    </div>
  </div>
  <aside class="custom-facts" aria-labelledby="custom-facts-heading">
    <h2 id="custom-facts-heading">What you choose</h2>
    <dl>
      <dt>Metal</dt><dd>${orList(METALS.map((m) => METAL_LABEL[m]))}</dd>
      <dt>Stone</dt><dd>${stones.length ? `${orList([...stones.map((s) => s.charAt(0).toUpperCase() + s.slice(1)), 'none'])}` : 'None, or one a stylist sources for you'}</dd>
      <dt>Engraving</dt><dd>Tell your stylist the words you want</dd>
      <dt>Before we make it</dt><dd>A 3D preview and a firm quote from your stylist; revisions are free</dd>
      <dt>Made for you in</dt><dd>${LEAD_TIMES.madeToOrder}</dd>
    </dl>
  </aside>
</div></section>
<div class="container">
  <h2>How custom design works</h2>
  <ol class="steps">
    <li><h3>Consultation</h3><p>Tell a stylist what you imagine: the occasion, your budget, metals and stones you love.</p></li>
    <li><h3>Design and 3D preview</h3><p>We sketch and model your piece and send a 3D preview with a firm quote. Revisions are free.</p></li>
    <li><h3>Handcrafted for you</h3><p>Our bench jewelers cast, set and polish it, then it ships insured with its certificate.</p></li>
  </ol>
  <p>Engravings, material swaps and custom pricing are handled by our stylists. Prefer something you can wear this week? Our concierge can recommend ready-to-ship pieces.</p>
</div>`,
  });
}

export function renderContactPage(values: Record<string, string>, errors: Record<string, string>, sent: boolean): string {
  return renderPage({
    title: 'Contact us',
    section: 'contact',
    body: html`<div class="container narrow">
  <p class="eyebrow">We’re here to help</p>
  <h1>Contact us</h1>
  ${sent
    ? html`<p class="notice" role="status">Thank you, your message is with our team. We reply within one business day.</p><p><a href="/catalog">Back to the shop</a></p>`
    : html`<p class="lede">Questions about an order, sizing or a special request? Send us a note and a member of our team will reply by email.</p>
  <form method="post" action="/contact" novalidate aria-label="Contact form">
    ${Object.keys(errors).length ? html`<p class="form-error" role="alert">Please correct the highlighted fields.</p>` : ''}
    <input type="hidden" name="topic" value="${values.topic ?? ''}">
    <div class="form-grid">
      ${field({ name: 'name', label: 'Your name', value: values.name, error: errors.name, required: true, autocomplete: 'name', maxlength: 120 })}
      ${field({ name: 'email', label: 'Email', type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'email', maxlength: 254 })}
      ${field({ name: 'orderNumber', label: 'Order number', value: values.orderNumber, error: errors.orderNumber, hint: 'For example GG-104233', full: true, maxlength: 20 })}
      ${field({ name: 'message', label: 'Message', value: values.message, error: errors.message, required: true, multiline: true, full: true, maxlength: 4000 })}
    </div>
    <div class="actions"><button class="button" type="submit">Send message</button></div>
  </form>`}
</div>`,
  });
}

export function renderErrorPage(status: number, title: string, message: string): string {
  return renderPage({
    title,
    body: html`<div class="container narrow">
  <p class="eyebrow">Error ${status}</p>
  <h1>${title}</h1>
  <p class="lede">${message}</p>
  <div class="actions"><a class="button" href="/">Go to the home page</a><a class="button secondary" href="/catalog">Browse jewelry</a><a class="button secondary" href="/contact">Contact us</a></div>
</div>`,
  });
}
