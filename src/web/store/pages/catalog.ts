// The catalog: filters (category, metal, price range, availability), sorting and pagination.
import { html } from '../../html';
import { renderPage } from '../layout';
import { pagination, productGrid } from '../components';
import { CATEGORIES, CATEGORY_LABEL, METALS, METAL_LABEL, type ProductPage } from '../../../modules/catalog/types';
import type { CatalogQuery } from '../../../modules/catalog/schema';

const SORTS = [['featured', 'Featured'], ['price_asc', 'Price: low to high'], ['price_desc', 'Price: high to low'], ['newest', 'Newest']] as const;

function queryString(query: CatalogQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== 'page' && key !== 'pageSize') params.set(key, String(value));
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/catalog?${s}` : '/catalog';
}

export function renderCatalogPage(query: CatalogQuery, result: ProductPage, cartCount: number): string {
  const page = Math.floor(result.offset / result.limit) + 1;
  const pageCount = Math.max(1, Math.ceil(result.total / result.limit));
  const heading = query.category ? CATEGORY_LABEL[query.category] : 'All jewelry';
  const active = [query.category, query.metal, query.priceMin, query.priceMax, query.available || undefined].filter((v) => v !== undefined).length;
  const option = (value: string, label: string, current: string | undefined) => html`<option value="${value}" ${current === value ? html`selected` : ''}>${label}</option>`;
  return renderPage({
    title: heading,
    section: 'catalog',
    cartCount,
    body: html`<div class="container">
  <p class="eyebrow">The collection</p>
  <h1>${heading}</h1>
  <div class="catalog-layout">
    <details class="filters-panel" id="catalog-filters" open>
    <summary>Filter and sort${active ? html` <span class="filter-count">(${active} active)</span>` : ''}</summary>
    <form class="filters" method="get" action="/catalog" aria-label="Filter jewelry">
      <div class="field"><label for="filter-category">Category</label>
        <select id="filter-category" name="category">${option('', 'All categories', query.category ?? '')}${CATEGORIES.map((c) => option(c, CATEGORY_LABEL[c], query.category))}</select></div>
      <div class="field"><label for="filter-metal">Metal</label>
        <select id="filter-metal" name="metal">${option('', 'All metals', query.metal ?? '')}${option('gold', 'Any gold', query.metal)}${METALS.map((m) => option(m, METAL_LABEL[m], query.metal))}</select></div>
      <fieldset><legend>Price (USD)</legend>
        <div class="price-range">
          <div class="field"><label for="filter-min">Min</label><input id="filter-min" type="number" name="priceMin" min="0" step="1" inputmode="numeric" value="${query.priceMin ?? ''}"></div>
          <div class="field"><label for="filter-max">Max</label><input id="filter-max" type="number" name="priceMax" min="0" step="1" inputmode="numeric" value="${query.priceMax ?? ''}"></div>
        </div>
      </fieldset>
      <div class="field"><label><input type="checkbox" name="available" value="true" ${query.available ? html`checked` : ''}> Ready to ship only</label></div>
      <div class="field"><label for="filter-sort">Sort by</label>
        <select id="filter-sort" name="sort">${SORTS.map(([v, l]) => option(v, l, query.sort ?? 'featured'))}</select></div>
      <div class="actions"><button class="button small" type="submit">Apply filters</button><a class="button small secondary" href="/catalog">Clear</a></div>
    </form>
    </details>
    <script src="/assets/catalog-filters.js"></script>
    <section aria-labelledby="results-heading">
      <div class="results-bar">
        <h2 id="results-heading" class="visually-hidden">Results</h2>
        <p role="status">${result.total} ${result.total === 1 ? 'piece' : 'pieces'}${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}</p>
      </div>
      ${result.items.length
        ? productGrid(result.items, 'Products')
        : html`<div class="empty"><h3>No pieces match these filters</h3><p>Try a wider price range or another metal, or ask our concierge for ideas.</p><a class="button small" href="/catalog">See all jewelry</a></div>`}
      ${pagination(page, pageCount, (p) => queryString(query, p))}
    </section>
  </div>
</div>`,
  });
}
