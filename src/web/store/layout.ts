// The storefront's page shell: header, navigation, footer, and the one place the concierge widget goes.
import { html, type Html } from '../html';

export interface PageOptions {
  title: string;
  description?: string;
  /** Highlights the current section in the navigation. */
  section?: 'home' | 'catalog' | 'customizer' | 'contact' | 'cart' | 'checkout' | 'status';
  cartCount?: number;
  /** The product shown on this page, passed to the concierge widget. */
  productId?: number;
  body: Html;
}

/**
 * The concierge widget's embed point: one async script tag, with the page's context as data-attributes.
 * Replaced by a real tag once the widget is served; kept here so every page has exactly one slot.
 */
export type WidgetEmbed = (context: { productId?: number }) => Html;

let widgetEmbed: WidgetEmbed = () => html``;

/** Lets the widget module install its script tag on every store page. */
export function setWidgetEmbed(embed: WidgetEmbed): void {
  widgetEmbed = embed;
}

const NAV: { href: string; label: string; section: PageOptions['section'] }[] = [
  { href: '/catalog', label: 'Shop', section: 'catalog' },
  { href: '/catalog?category=ring', label: 'Rings', section: undefined },
  { href: '/catalog?category=earrings', label: 'Earrings', section: undefined },
  { href: '/customizer', label: 'Custom design', section: 'customizer' },
  { href: '/contact', label: 'Contact', section: 'contact' },
];

export function renderPage(options: PageOptions): string {
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · GlowGlitch</title>
<meta name="description" content="${options.description ?? 'GlowGlitch fine jewelry: ready-to-ship rings, necklaces, earrings and bracelets in gold, platinum and silver.'}">
<link rel="stylesheet" href="/assets/store.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="announcement">Free insured shipping over $500<span class="announcement-more"> · 30-day returns · Conflict-free stones</span></div>
  <div class="header-inner">
    <a class="brand" href="/" aria-label="GlowGlitch home"><span class="brand-mark" aria-hidden="true">✦</span> GlowGlitch</a>
    <nav aria-label="Main">
      <ul>
        ${NAV.map((item) => html`<li><a href="${item.href}" ${item.section && item.section === options.section ? html`aria-current="page"` : ''}>${item.label}</a></li>`)}
      </ul>
    </nav>
    <a class="cart-link" href="/cart" ${options.section === 'cart' ? html`aria-current="page"` : ''}>Bag <span class="cart-count">${options.cartCount ?? 0}</span><span class="visually-hidden"> items</span></a>
  </div>
</header>
<main id="main">
${options.body}
</main>
<footer class="site-footer">
  <div class="footer-inner">
    <div>
      <p class="brand footer-brand"><span class="brand-mark" aria-hidden="true">✦</span> GlowGlitch</p>
      <p>Fine jewelry, made with care and shipped ready to wear.</p>
    </div>
    <nav aria-label="Footer">
      <ul>
        <li><a href="/catalog">Shop all</a></li>
        <li><a href="/customizer">Custom design</a></li>
        <li><a href="/contact">Contact us</a></li>
        <li><a href="/status">Service status</a></li>
      </ul>
    </nav>
  </div>
  <p class="fineprint">Demo store for Aurora Concierge. No payment is taken.</p>
</footer>
<!-- Aurora Concierge widget -->
${widgetEmbed({ productId: options.productId })}
</body>
</html>`;
  return page.value;
}
