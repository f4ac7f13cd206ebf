// A concierge conversation as the customer saw it, rebuilt from the stored reply blocks. All text is text:
// Preact escapes it, and nothing here ever sets HTML.
import { formatDateTime, formatMoney, humanize, safeHref } from '../format';

type Block = { type: string } & Record<string, unknown>;

export interface TranscriptEntry {
  id?: number;
  role: string;
  text?: string;
  blocks?: Block[];
  intent?: string;
  createdAt?: string;
}

const FORM_NAMES: Record<string, string> = { order_lookup: 'order lookup', return: 'return or resize', stylist: 'stylist request', csat: 'rating' };

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const list = <T,>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);

function ProductsBlock({ block }: { block: Block }) {
  const items = list<Record<string, unknown>>(block.items);
  return (
    <ul class="tx-products" aria-label="Products shown">
      {items.map((p, i) => (
        <li key={i}>
          <a href={safeHref(str(p.url))} target="_blank" rel="noopener noreferrer">
            {str(p.name)}
          </a>
          <span class="muted">
            {' '}
            {typeof p.price === 'number' ? formatMoney(p.price, str(p.currency) || 'USD') : ''} · {humanize(str(p.metal))}
          </span>
        </li>
      ))}
      {items.length === 0 && <li class="muted">No products matched.</li>}
    </ul>
  );
}

function OrderBlock({ block }: { block: Block }) {
  const order = (block.order ?? {}) as Record<string, unknown>;
  return (
    <div class="tx-card">
      <strong>Order {str(order.number)}</strong> · {order.statusLabel ? str(order.statusLabel) : humanize(str(order.status))}
      {order.carrier ? ` · ${str(order.carrier)} ${str(order.trackingNumber)}` : ''}
      {order.estimatedDelivery ? <div class="muted">Estimated delivery {str(order.estimatedDelivery)}</div> : null}
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'text':
      return <p class="tx-text">{str(block.text)}</p>;
    case 'products':
      return <ProductsBlock block={block} />;
    case 'order_status':
      return <OrderBlock block={block} />;
    case 'form':
      return <p class="tx-meta">Showed the {FORM_NAMES[str(block.form)] ?? humanize(str(block.form)).toLowerCase()} form</p>;
    case 'links':
    case 'quick_replies': {
      const items = list<Record<string, unknown>>(block.type === 'links' ? block.links : block.options);
      return (
        <p class="tx-chips">
          {items.map((l, i) => (
            <span class="chip" key={i}>
              {str(l.label)}
            </span>
          ))}
        </p>
      );
    }
    case 'csat':
      return <p class="tx-meta">Asked for a rating</p>;
    default:
      return <p class="tx-meta">({humanize(block.type)})</p>;
  }
}

export function Transcript(props: { messages: TranscriptEntry[]; label?: string }) {
  if (props.messages.length === 0) return <p class="empty">No messages in this conversation.</p>;
  return (
    <ol class="transcript" aria-label={props.label ?? 'Transcript'}>
      {props.messages.map((m, i) => (
        <li key={m.id ?? i} class={`tx tx-${m.role === 'customer' ? 'customer' : 'concierge'}`}>
          <div class="tx-who">
            {m.role === 'customer' ? 'Customer' : m.role === 'system' ? 'System' : 'Aurora'}
            {m.createdAt && <time dateTime={m.createdAt}> · {formatDateTime(m.createdAt)}</time>}
            {m.intent && <span class="tx-intent"> · {humanize(m.intent)}</span>}
          </div>
          {m.text !== undefined && m.text !== null && <p class="tx-text">{m.text}</p>}
          {m.text === null && m.role === 'customer' && <p class="tx-meta">(anonymized after 30 days)</p>}
          {list<Block>(m.blocks).map((b, j) => (
            <BlockView key={j} block={b} />
          ))}
        </li>
      ))}
    </ol>
  );
}
