// The engine's vocabulary: intents, entities, conversation state, actions and reply blocks.

export const INTENTS = [
  'product_search',
  'order_tracking',
  'return_request',
  'resize_request',
  'stylist_escalation',
  'customization',
  'reservation',
  'order_change',
  'shortlist',
  'faq',
  'greeting',
  'thanks',
  'goodbye',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

export const CATEGORIES = ['ring', 'necklace', 'pendant', 'earrings', 'bracelet'] as const;
export type Category = (typeof CATEGORIES)[number];

export const METALS = ['yellow_gold', 'white_gold', 'rose_gold', 'gold', 'platinum', 'silver'] as const;
export type Metal = (typeof METALS)[number];

/** Styles a customer names ("engagement rings", "mens wedding bands", "hoops"): the server maps each to catalog designs. */
export const STYLES = ['engagement', 'wedding', 'mens', 'stacking', 'signet', 'solitaire', 'halo', 'cocktail', 'three_stone', 'eternity', 'hoops', 'studs', 'huggies', 'tennis', 'bangle', 'cuff', 'charm', 'locket', 'choker', 'lariat'] as const;
export type Style = (typeof STYLES)[number];

/** Only the keys that were found are present (the public contract of `aurora nlu predict`). */
export interface Entities {
  category?: Category;
  metal?: Metal;
  stone?: string;
  priceMin?: number;
  priceMax?: number;
  /** Normalised `GG-123456`. */
  orderNumber?: string;
  email?: string;
  ringSize?: number;
  /** A design style ("engagement", "mens", "hoops"); read by extract-style.ts. */
  style?: Style;
}

export type StylistReason =
  | 'custom_design'
  | 'complex_resizing'
  | 'bulk_order'
  | 'appraisal'
  | 'rush_shipping'
  | 'gift_wrapping'
  | 'engraving'
  | 'payment_plan'
  | 'custom_pricing';

export type ManagementReason = 'legal_threat' | 'unhappy_vip' | 'financial_error' | 'privacy_concern';

export interface Triggers {
  stylist: StylistReason[];
  management: ManagementReason[];
}

/** What the customer can't do through the widget (W8); shapes the honest answer. */
export type Limitation = 'payment' | 'refund' | 'account' | 'image_upload' | 'order_change';

/** Conversational hints beside the intent, read by the dialog to resolve "cheaper", "the second one", "this". */
export interface Cues {
  refinement?: 'cheaper' | 'pricier' | 'more' | 'reset';
  /** 0-based position in the last shown results; -1 means the last one. */
  ordinal?: number;
  /** "this", "it", "this ring": the product the customer is looking at. */
  refersToCurrent?: boolean;
  shortlistOp?: 'add' | 'remove' | 'list';
  limitation?: Limitation;
  urgent?: boolean;
  /** A short yes or no, answering the question the concierge just asked. */
  answer?: 'yes' | 'no';
  /** "How much is this?" */
  asksPrice?: boolean;
  /** What the customer ruled out ("not rose gold", "no diamonds"): clears that filter. */
  ruledOut?: Pick<Entities, 'category' | 'metal' | 'stone'>;
  /** How the customer sounds: upset, anxious or pressed for time (acknowledged before anything else). */
  feeling?: Feeling;
  /** The event behind it ("wedding", "birthday"), to acknowledge in its own words. */
  occasion?: string;
  /** A situation the intent alone would get wrong (see nlu/concerns.ts). */
  situation?: Situation;
  /** The message held a card number (masked in `text`). */
  sharedCard?: boolean;
}

export type Feeling = 'upset' | 'anxious' | 'urgent';

/**
 * future_delivery: "will it arrive by Friday if I order today" (shipping, not a lookup);
 * material_worry: "it turned my finger green, is it fake"; dismissal: "sorry, wrong chat";
 * change_before_shipping: "can I exchange it before it ships" (an order change, not a return).
 */
export type Situation = 'future_delivery' | 'material_worry' | 'dismissal' | 'change_before_shipping';

/** Languages recognised well enough to answer honestly in them (the concierge itself speaks English). */
export type Language = 'es' | 'fr' | 'de' | 'it' | 'pt';

export interface Understanding {
  /** The message after card masking: safe to store and to quote back. */
  text: string;
  intent: Intent;
  confidence: number;
  entities: Entities;
  triggers: Triggers;
  cues: Cues;
  /** The classifier's best in-scope guess when it was too unsure to act on it. */
  guess?: { intent: Intent; confidence: number };
  /** The likeliest in-scope intents, best first (at most three): the options of a clarifying question. */
  alternatives?: { intent: Intent; confidence: number }[];
  /** A long message read sentence by sentence: the sentence that decided its intent (the FAQ is searched with it). */
  focus?: string;
  /** Set when the message is in another language than English. */
  language?: Language;
  /** Each request of a message that asks several things ("where is my order and can I return it?"). */
  parts?: Understanding[];
}

export type CustomerTier = 'standard' | 'vip';

/** Whether a piece can ship now: ready to ship (in stock), made to order (with a lead time), or sold out. */
export type Availability = 'ready_to_ship' | 'made_to_order' | 'sold_out';

/** The same design in another metal (same name and category in the catalog). */
export interface ProductVariant {
  id: ProductId;
  slug?: string;
  metal: Metal;
  price: number;
  availability: Availability;
  url?: string;
  imageUrl?: string;
}

/** The product on the page the customer is viewing: every fact the concierge may state about it. */
export interface CurrentProduct {
  id: ProductId;
  name: string;
  category: Category;
  metal: Metal;
  stone?: string | null;
  price: number;
  availability?: Availability;
  /** How long a made-to-order piece takes ("3–4 weeks"). */
  leadTime?: string;
  /** Ring sizes offered; empty for pieces without sizes. */
  sizes?: number[];
  /** The same design in other metals. */
  variants?: ProductVariant[];
  slug?: string;
  url?: string;
  imageUrl?: string;
  /** @deprecated the metals of `variants` and `metal`; kept for callers that only know the metals. */
  availableMetals?: Metal[];
}

export interface EngineContext {
  productId?: ProductId;
  product?: CurrentProduct;
  /**
   * `product` is the piece the customer named or pointed to in the chat ("the Luna Diamond Halo Ring", "the second
   * one", "it" after a question about it), not the page they are on: the message is about it, and answers show its card.
   */
  productFromChat?: boolean;
  customerTier?: CustomerTier;
}

export type ProductId = string | number;

export type SearchSort = 'price_asc' | 'price_desc';

export interface SearchFilters {
  category?: Category;
  metal?: Metal;
  stone?: string;
  priceMin?: number;
  priceMax?: number;
  sort?: SearchSort;
  /** Rings offered in this size (sized categories only: rings). */
  ringSize?: number;
  style?: Style;
  /** Pieces similar to this product (e.g. the one on the page). */
  similarTo?: ProductId;
}

export type FormName = 'order_lookup' | 'return' | 'stylist' | 'csat';
export type FormPrefill = Record<string, string | number | boolean>;

/** Plain JSON: the server stores it per session and hands it back on the next turn. */
export interface ConversationState {
  version: 1;
  turn: number;
  lastIntent?: Intent;
  search?: { filters: SearchFilters; offset: number };
  shown: { id: ProductId; price: number }[];
  pendingForm?: { form: 'order_lookup'; slots: { orderNumber?: string; email?: string } };
  /** The concierge asked "Would you like me to connect you with a stylist?" for these reasons, on turn `turn`. */
  pendingOffer?: { reasons: StylistReason[]; turn?: number };
  /** Asked beside an order lookup ("…and can I return it?"): answered with the order's status in hand. */
  followUp?: OrderFollowUp;
  knownEmail?: string;
  knownOrderNumber?: string;
  /** The piece this turn answered a question about; "it" in the next message means this piece. */
  talkedAbout?: ProductId;
  consecutiveFallbacks: number;
  resolvedFlow: boolean;
  csatAsked: boolean;
}

export type OrderFollowUp = 'return' | 'resize' | 'change_before_shipping';

export interface ProductSummary {
  id: ProductId;
  slug?: string;
  name: string;
  price: number;
  currency?: string;
  category: Category;
  metal: Metal;
  stone?: string | null;
  url?: string;
  imageUrl?: string;
}

export interface OrderStatusView {
  number: string;
  /** The order's status code (`processing`, `shipped`, `out_for_delivery`, `delivered`, `delayed`, `cancelled`). */
  status: string;
  /** The same for people ("Out for delivery"). */
  statusLabel: string;
  carrier?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  estimatedDelivery?: string | null;
  timeline: { type: string; at: string; label: string }[];
}

export interface QuickReply {
  label: string;
  /** Sent as the customer's next message when chosen. */
  text: string;
}

export type ReplyBlock =
  | { type: 'text'; text: string }
  | { type: 'products'; items: ProductSummary[] }
  | { type: 'order_status'; order: OrderStatusView }
  | { type: 'form'; form: FormName; prefill: FormPrefill }
  | { type: 'links'; links: { label: string; href: string }[] }
  | { type: 'quick_replies'; options: QuickReply[] };

export type EscalationReason = StylistReason | ManagementReason;

export type Action =
  | { type: 'reply'; blocks: ReplyBlock[] }
  | SearchProductsAction
  | { type: 'lookup_order'; orderNumber: string; email: string }
  | { type: 'offer_stylist'; reasons: EscalationReason[]; management: boolean }
  | { type: 'shortlist_add'; productId: ProductId }
  | { type: 'shortlist_remove'; productId: ProductId }
  | { type: 'shortlist_list' }
  | { type: 'answer_faq'; articleId: string };

export interface SearchProductsAction {
  type: 'search_products';
  filters: SearchFilters;
  offset: number;
  limit: number;
}

export interface SearchResult {
  items: ProductSummary[];
  total: number;
  /** Nearest pieces (e.g. closest price) when nothing matched exactly. */
  alternatives?: ProductSummary[];
}

export interface Decision {
  state: ConversationState;
  actions: Action[];
  /**
   * The intent the dialog acted on, when the conversation reads the message differently from the classifier:
   * "over $1,000 instead" in a running search is product_search; "does this come in size 7?" on a product page is
   * product_search (a question about the piece) or faq (materials and care). The service reports this one.
   */
  intent?: Intent;
}

export interface FaqArticle {
  id: string;
  title: string;
  body: string;
  keywords?: string[];
  links?: { label: string; href: string }[];
  /** Flows of the widget the answer offers as buttons (e.g. "order" opens order tracking in the chat, not a page). */
  opens?: WidgetFlow[];
}

/** The flows a button (or a host page's `data-aurora-open`) can open inside the widget. */
export type WidgetFlow = 'order' | 'return' | 'stylist' | 'products';
