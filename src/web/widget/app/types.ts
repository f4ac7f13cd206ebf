// Reply blocks as the widget API sends them (docs/widget-api.md), and the transcript the widget keeps.

export interface Product {
  id: number;
  slug: string;
  name: string;
  price: number;
  currency: string;
  category: string;
  metal: string;
  stone: string | null;
  url: string;
  imageUrl: string;
}

export interface OrderStatus {
  number: string;
  /** The status code; replies stored before statusLabel existed carry the label here. */
  status: string;
  statusLabel?: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  estimatedDelivery: string | null;
  timeline: { type: string; at: string; label: string }[];
}

export type FormName = 'order_lookup' | 'return' | 'stylist' | 'csat';

export interface ReturnItem {
  id: number;
  name: string;
  size?: number | null;
  finalSale?: boolean;
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'products'; items: Product[] }
  | { type: 'order_status'; order: OrderStatus }
  | { type: 'form'; form: FormName; prefill?: Record<string, unknown> }
  | { type: 'links'; links: { label: string; href: string }[] }
  | { type: 'quick_replies'; options: { label: string; text: string }[] };

export interface Entry {
  id: string;
  role: 'customer' | 'concierge';
  text?: string;
  blocks?: Block[];
  /** The form in this entry was sent; forms then show what happened instead of fields. */
  done?: boolean;
  /** What was sent, in words (e.g. "Order GG-104233"), shown in place of the sent form. */
  summary?: string;
  /** For a sent CSAT form: the rating given (it can be changed). */
  rating?: number;
  /** For a sent CSAT form: the comment sent with it, kept when the rating is changed. */
  comment?: string;
}

export type FieldErrors = Record<string, string>;
