// The panel's smaller parts: failure and closed notices, shortlist view, and the live-region summary of a reply.
import type { Ref } from 'preact';
import { maskCardNumbers } from '../../../engine/nlu/card-mask';
import type { WidgetConfig } from '../protocol';
import { absoluteUrl, formatPrice, metalLabel } from './format';
import { Glyph, withoutGlyphs } from './glyphs';
import type { Shortlist } from './shortlist';
import type { Block, Entry } from './types';

/** A failed request; `message` is the server's when it refused on purpose (too many requests), shown as is. */
export function FailureNotice({ onRetry, onTrackOrder, apiBase, message }: { onRetry: () => void; onTrackOrder: () => void; apiBase: string; message?: string }) {
  return (
    <div class="failure" role="alert">
      <p class="failure-title">{message ? 'Please wait a little' : 'Something went wrong'}</p>
      <p>{message || 'We couldn’t reach the concierge. Nothing you typed is lost.'}</p>
      <button type="button" class="primary" onClick={onRetry}>
        Try again
      </button>
      <ul class="links">
        <li>
          {/* Order tracking is the widget's own form, not the contact page. */}
          <button type="button" class="link-button" onClick={onTrackOrder}>
            Track order
          </button>
        </li>
        <li>
          <a href={absoluteUrl('/catalog', apiBase)}>Shop the catalog</a>
        </li>
        <li>
          <a href={absoluteUrl('/contact', apiBase)}>Contact us</a>
        </li>
      </ul>
    </div>
  );
}

interface ClosedProps {
  contact: WidgetConfig['contact'];
  shopName: string;
  /** What the customer typed but could not send: the email link carries it. */
  unsent: string;
  apiBase: string;
  headingRef: Ref<HTMLHeadingElement>;
}

/** The closed notice's email link: the unsent message rides along in the body, card numbers masked as in the chat. */
export function closedEmailLink(email: string, shopName: string, unsent: string): string {
  const body = unsent ? '&body=' + encodeURIComponent(maskCardNumbers(unsent)) : '';
  return `mailto:${email}?subject=${encodeURIComponent('A question for ' + shopName)}${body}`;
}

/** The concierge was switched off while open: no chat and no forms, only ways to reach the team that work. */
export function ClosedNotice({ contact, shopName, unsent, apiBase, headingRef }: ClosedProps) {
  const page = contact && contact.url ? absoluteUrl(contact.url, apiBase) : null;
  const email = contact && contact.email;
  const mail = email ? closedEmailLink(email, shopName, unsent) : null;
  return (
    <div class="closed" role="region" aria-labelledby="aurora-closed-title">
      <span class="closed-mark" aria-hidden="true">
        <Glyph name="sparkles" />
      </span>
      <h3 id="aurora-closed-title" tabIndex={-1} ref={headingRef}>
        Our concierge is away for now
      </h3>
      <p>
        Live chat is paused at the moment{unsent ? ', so your message wasn’t sent' : ''}. The {shopName} team is still here for you and replies personally.
      </p>
      {page || mail ? (
        <ul class="closed-links">
          {page && (
            <li>
              <a class="primary" href={page}>
                Visit our contact page
              </a>
            </li>
          )}
          {mail && (
            <li>
              <a class="secondary" href={mail}>
                Email {email}
              </a>
            </li>
          )}
        </ul>
      ) : (
        <p>Please come back a little later.</p>
      )}
      {unsent && mail && <p class="closed-note">The email link brings your message along, so there is no need to type it again.</p>}
    </div>
  );
}

export function ShortlistView({ shortlist, apiBase }: { shortlist: Shortlist; apiBase: string }) {
  return (
    <div class="transcript shortlist" tabIndex={0} role="region" aria-label="Your shortlist">
      <h3>Your shortlist</h3>
      {shortlist.items.length === 0 ? (
        <p class="text">Nothing saved yet. Tap Save on a piece you love and it stays here for 30 days.</p>
      ) : (
        <ul class="saved-list" aria-label="Saved products">
          {shortlist.items.map((product) => (
            <li key={product.id}>
              <img src={absoluteUrl(product.imageUrl, apiBase)} alt="" width={56} height={56} />
              <div>
                <a href={absoluteUrl(product.url, apiBase)}>{product.name}</a>
                <p class="card-meta">
                  {metalLabel(product.metal)} · {formatPrice(product.price, product.currency)}
                </p>
              </div>
              <button type="button" class="link-button" aria-label={`Remove ${product.name}`} onClick={() => shortlist.toggle(product)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What a screen reader hears when an answer arrives: its words, and a count of anything richer. */
export function describeEntry(entry: Entry | undefined): string {
  if (!entry || entry.role !== 'concierge' || !entry.blocks) return '';
  const parts = entry.blocks.map((block: Block) => {
    if (block.type === 'text') return withoutGlyphs(block.text);
    if (block.type === 'products') return `${block.items.length} ${block.items.length === 1 ? 'product' : 'products'} shown.`;
    if (block.type === 'order_status') return `Order ${block.order.number}: ${block.order.status.replace(/_/g, ' ')}.`;
    if (block.type === 'form') return 'A form to fill in.';
    return '';
  });
  return 'Aurora Concierge: ' + parts.filter(Boolean).join(' ');
}
