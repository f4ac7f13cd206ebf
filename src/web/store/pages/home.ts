// Home: the brand's promise, the categories and featured ready-to-ship pieces.
import { html } from '../../html';
import { renderPage } from '../layout';
import { productGrid } from '../components';
import { CATEGORIES, CATEGORY_LABEL, type Product } from '../../../modules/catalog/types';

export function renderHomePage(featured: Product[], categoryImages: Record<string, string>, cartCount: number): string {
  const hero = featured[0];
  return renderPage({
    title: 'Fine jewelry, ready to ship',
    section: 'home',
    cartCount,
    body: html`<section class="hero">
  <div class="hero-inner">
    <div>
      <p class="eyebrow">The Aurora edit</p>
      <h1>Fine jewelry, ready when you are</h1>
      <p class="lede">Rings, necklaces, earrings and bracelets in solid gold, platinum and sterling silver. Hand-finished, conflict-free, and on its way to you in a day or two.</p>
      <div class="actions">
        <a class="button" href="/catalog?available=true">Shop ready-to-ship</a>
        <a class="button secondary" href="/customizer">Design something custom</a>
      </div>
    </div>
    ${hero ? html`<div class="hero-art"><img src="${hero.imageUrl}" alt="${hero.name}" width="400" height="400"></div>` : ''}
  </div>
</section>
<div class="container">
  <section aria-labelledby="shop-by-category">
    <h2 id="shop-by-category">Shop by category</h2>
    <ul class="categories">
      ${CATEGORIES.map((c) => html`<li><a href="/catalog?category=${c}">${categoryImages[c] ? html`<img src="${categoryImages[c]}" alt="" width="160" height="160">` : ''}<span>${CATEGORY_LABEL[c]}</span></a></li>`)}
    </ul>
  </section>
</div>
<div class="container">
  <section aria-labelledby="featured">
    <p class="eyebrow">Loved this season</p>
    <h2 id="featured">Featured pieces</h2>
    ${productGrid(featured, 'Featured pieces')}
  </section>
</div>
<div class="container">
  <ul class="promises">
    <li><strong>Ready to ship</strong>Most pieces leave our studio within two business days, fully insured.</li>
    <li><strong>30-day returns</strong>Changed your mind? Start a return or resize with our concierge in minutes.</li>
    <li><strong>Conflict-free</strong>Every stone is ethically sourced and certified, and our gold is recycled.</li>
  </ul>
</div>`,
  });
}
