// Renders the concierge's reply blocks. Everything is text content: nothing from the server becomes HTML.
import { sendEvent } from '../protocol';
import { absoluteUrl, formatDate, formatPrice, metalLabel } from './format';
import { withGlyphs } from './glyphs';
import type { OrderStatus, Product } from './types';

export function TextBlock({ text }: { text: string }) {
  return <p class="text">{withGlyphs(text)}</p>;
}

interface ProductsProps {
  items: Product[];
  apiBase: string;
  isSaved: (productId: number) => boolean;
  onToggleSave: (product: Product) => void;
}

export function ProductsBlock({ items, apiBase, isSaved, onToggleSave }: ProductsProps) {
  return (
    <ul class="products" aria-label="Products">
      {items.map((product) => {
        const saved = isSaved(product.id);
        return (
          <li class="card" key={product.id}>
            <a class="card-link" href={absoluteUrl(product.url, apiBase)} onClick={() => sendEvent(apiBase, 'product_clicked', { productId: product.id })}>
              <img src={absoluteUrl(product.imageUrl, apiBase)} alt="" width={160} height={160} loading="lazy" />
              <span class="card-name">{product.name}</span>
            </a>
            <p class="card-meta">
              {metalLabel(product.metal)}
              {product.stone ? ` · ${product.stone}` : ''}
            </p>
            <p class="card-price">{formatPrice(product.price, product.currency)}</p>
            <button
              type="button"
              class={saved ? 'save saved' : 'save'}
              aria-label={saved ? `Saved ${product.name}, remove from shortlist` : `Save ${product.name} to shortlist`}
              onClick={() => onToggleSave(product)}
            >
              <span aria-hidden="true">{saved ? '♥' : '♡'}</span> {saved ? 'Saved' : 'Save'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

const humanize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
/** "out_for_delivery", or "Out for delivery" from a reply stored before codes were sent: the same class. */
const statusClass = (status: string) => `status-${status.toLowerCase().replace(/\s+/g, '_')}`;

export function OrderStatusBlock({ order, apiBase }: { order: OrderStatus; apiBase: string }) {
  return (
    <section class="order" aria-label={`Order ${order.number}`}>
      <div class="order-head">
        <h3>Order {order.number}</h3>
        <span class={`badge ${statusClass(order.status)}`}>{order.statusLabel ?? humanize(order.status)}</span>
      </div>
      <dl class="order-facts">
        {order.carrier && (
          <div>
            <dt>Carrier</dt>
            <dd>
              {order.carrier}
              {order.trackingNumber && order.trackingUrl ? (
                <>
                  {' · '}
                  <a href={absoluteUrl(order.trackingUrl, apiBase)} target="_blank" rel="noopener noreferrer">
                    Track {order.trackingNumber}
                  </a>
                </>
              ) : null}
            </dd>
          </div>
        )}
        {order.estimatedDelivery && (
          <div>
            <dt>Estimated delivery</dt>
            <dd>{formatDate(order.estimatedDelivery)}</dd>
          </div>
        )}
      </dl>
      {order.timeline.length > 0 && (
        <ol class="timeline" aria-label="Timeline">
          {order.timeline.map((event, index) => (
            <li key={index}>
              <span class="when">{formatDate(event.at, true)}</span>
              <span>{event.label}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function LinksBlock({ links, apiBase }: { links: { label: string; href: string }[]; apiBase: string }) {
  return (
    <ul class="links">
      {links.map((link) => (
        <li key={link.href}>
          <a href={absoluteUrl(link.href, apiBase)}>{link.label}</a>
        </li>
      ))}
    </ul>
  );
}

export function QuickReplies({ options, onPick }: { options: { label: string; text: string }[]; onPick: (text: string) => void }) {
  return (
    <div class="quick" role="group" aria-label="Suggestions">
      {options.map((option) => (
        <button type="button" class="chip" key={option.label} onClick={() => onPick(option.text)}>
          {option.label}
        </button>
      ))}
    </div>
  );
}
