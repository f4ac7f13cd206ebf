// Table types for Kysely. Times are ISO-8601 UTC strings, money is integer minor units,
// booleans are 0/1 integers and structured values are JSON text: the same on SQLite and PostgreSQL.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Category = 'ring' | 'necklace' | 'pendant' | 'earrings' | 'bracelet';
export type Metal = 'yellow_gold' | 'white_gold' | 'rose_gold' | 'platinum' | 'silver';
export type OrderStatus = 'processing' | 'shipped' | 'out_for_delivery' | 'delivered' | 'delayed' | 'cancelled';
export type CustomerTier = 'standard' | 'vip';

export interface ProductsTable {
  id: Generated<number>;
  sku: string;
  slug: string;
  name: string;
  description: string;
  category: Category;
  metal: Metal;
  stone: string | null;
  price_cents: number;
  currency: string;
  ready_to_ship: number;
  stock: number;
  image_url: string;
  /** JSON array of ring sizes (numbers); empty for pieces without sizes. */
  sizes: string;
  featured: number;
  created_at: string;
}

export interface CustomersTable {
  id: Generated<number>;
  name: string;
  email: string;
  phone: string | null;
  tier: CustomerTier;
  created_at: string;
}

export interface OrdersTable {
  id: Generated<number>;
  number: string;
  customer_id: number | null;
  email: string;
  customer_name: string;
  status: OrderStatus;
  carrier: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  placed_at: string;
  shipped_at: string | null;
  delivered_at: string | null;
  estimated_delivery: string | null;
  concierge_session_id: string | null;
  subtotal_cents: number;
  shipping_cents: number;
  total_cents: number;
  currency: string;
  /** JSON object: line1, line2, city, postalCode, country. */
  shipping_address: string;
  /** Set by the checkout form so a double submit returns the same order. */
  idempotency_key: string | null;
  /** Secret part of the confirmation page's URL. */
  confirmation_token: string | null;
  updated_at: string;
  /** The order system's time of the last webhook update applied (its `updatedAt`); older updates are ignored. */
  source_updated_at: string | null;
}

/** An applied order webhook (its signature, or `sig:`/`id:` key), kept until a replay would be refused anyway. */
export interface WebhookDeliveriesTable {
  key: string;
  expires_at: string;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: number;
  product_id: number | null;
  sku: string;
  name: string;
  size: number | null;
  quantity: number;
  unit_price_cents: number;
  /** Engraved or custom pieces are final sale. */
  final_sale: number;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: number;
  type: string;
  at: string;
  /** JSON object with the event's details (e.g. the RMA number). */
  data: string;
}

export interface CartsTable {
  id: string;
  created_at: string;
  expires_at: string;
}

export interface CartItemsTable {
  id: Generated<number>;
  cart_id: string;
  product_id: number;
  size: number | null;
  quantity: number;
}

export interface ContactMessagesTable {
  id: Generated<number>;
  name: string;
  email: string;
  order_number: string | null;
  message: string;
  created_at: string;
}

export interface FeatureFlagsTable {
  name: string;
  enabled: number;
  updated_at: string;
  updated_by: string | null;
}

export interface ConversationsTable {
  /** The public session id the widget holds. */
  id: string;
  visitor_id: string | null;
  page_url: string | null;
  product_id: number | null;
  /** JSON: the engine's conversation state. */
  state: string;
  /** The email the customer gave in this conversation (for linking tickets); cleared by retention. */
  customer_email: string | null;
  message_count: number;
  created_at: string;
  last_activity_at: string;
  /** 24 hours after the last activity the widget starts a new conversation. */
  expires_at: string;
  anonymized_at: string | null;
}

export type MessageRole = 'customer' | 'concierge' | 'system';

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: string;
  role: MessageRole;
  /** What the customer typed, card numbers masked; null once anonymized. */
  text: string | null;
  /** JSON array of reply blocks (concierge messages). */
  blocks: string | null;
  intent: string | null;
  confidence: number | null;
  idempotency_key: string | null;
  created_at: string;
}

export interface ShortlistItemsTable {
  id: Generated<number>;
  visitor_id: string;
  product_id: number;
  created_at: string;
  /** Kept 30 days. */
  expires_at: string;
}

export interface AnalyticsEventsTable {
  id: Generated<number>;
  /** widget_loaded, widget_opened, message, product_shown, product_clicked, shortlist_add, order_lookup, error, purchase, ... */
  type: string;
  session_id: string | null;
  /** Hashed visitor id or email: analytics never holds raw PII. */
  visitor_hash: string | null;
  data: string;
  created_at: string;
}

export interface LimitAttemptsTable {
  id: Generated<number>;
  /** Which limit: 'session' or 'client' (order lookups), 'email_recipient', 'email_session', 'email_client'. */
  scope: string;
  /** HMAC of the session id, client address or email address: none is stored in clear. */
  subject: string;
  created_at: string;
}

export type RmaKind = 'return' | 'resize';
export type RmaStatus = 'created' | 'in_transit' | 'received' | 'refunded' | 'closed' | 'rejected';

export interface RmasTable {
  id: Generated<number>;
  number: string;
  order_id: number;
  order_item_id: number | null;
  kind: RmaKind;
  reason: string;
  new_size: number | null;
  status: RmaStatus;
  /** One of REJECTION_REASONS (returns/status.ts) once rejected. */
  rejection_reason: string | null;
  status_changed_at: string | null;
  conversation_id: string | null;
  label_token: string;
  idempotency_key: string | null;
  created_at: string;
}

export type TicketStatus = 'open' | 'in_progress' | 'resolved';
export type TicketPriority = 'urgent' | 'high' | 'normal';

export interface TicketsTable {
  id: Generated<number>;
  conversation_id: string | null;
  customer_name: string;
  email: string;
  message: string;
  urgent: number;
  tier: CustomerTier;
  priority: TicketPriority;
  status: TicketStatus;
  assignee_id: number | null;
  answer_by: string;
  /** JSON array of the reasons (stylist triggers, management triggers). */
  reasons: string;
  /** 1 when a management trigger fired (legal threat, unhappy VIP, financial error, privacy). */
  management: number;
  /** JSON snapshot of the transcript at the time of the request. */
  transcript: string;
  /** JSON snapshot of the shortlist. */
  shortlist: string;
  idempotency_key: string | null;
  first_response_at: string | null;
  overdue_alerted_at: string | null;
  /** When the current wait for a staff answer began: creation, or the customer's latest reply (044). */
  awaiting_since: string | null;
  /** When a staff reply to the current wait was delivered; null while the customer waits (044). */
  answered_at: string | null;
  /** The order the request is about, when its number matched the customer's email (044). */
  order_id: number | null;
  /** Where the request came from: widget (stylist form), chat (a management trigger), contact (the store's form). */
  channel: Generated<string>;
  created_at: string;
  updated_at: string;
  /** Bumped by each change of assignee or status (050): a change made from an older version is a 409. */
  version: Generated<number>;
}

/** Who has a ticket open in the dashboard (050): one row a browser tab, kept fresh by its heartbeat. */
export interface TicketPresenceTable {
  ticket_id: number;
  staff_id: number;
  client_id: string;
  /** viewing | replying */
  state: string;
  /** When this tab took its current state. */
  since: string;
  seen_at: string;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  /** The staff member; null for the customer or the system. */
  actor_id: number | null;
  /** created, assigned, status, priority, note, reply, ... */
  type: string;
  body: string | null;
  data: string;
  created_at: string;
}

/** One email that came in (issue 12): threaded into a ticket, held for review, opened a ticket, or ignored. */
export interface InboundEmailsTable {
  id: Generated<number>;
  message_id: string;
  ticket_id: number | null;
  status: 'threaded' | 'held' | 'new_ticket' | 'ignored';
  /** Why it was held or ignored (auto_reply, bounce, loop, duplicate, sender_mismatch). */
  reason: string | null;
  from_address: string;
  subject: string;
  /** The reply as text, quotes and signature stripped; null when ignored. */
  body: string | null;
  /** JSON [{ name, size }]: listed, never stored. */
  attachments: string;
  /** 'smtp' (the built-in listener) or 'imap' (the poller). */
  via: string;
  received_at: string;
}

/** A named lease: one instance at a time runs the job (the IMAP poller). */
export interface JobLeasesTable {
  name: string;
  holder: string;
  locked_until: string;
}

export interface CsatRatingsTable {
  id: Generated<number>;
  conversation_id: string;
  rating: number;
  comment: string | null;
  /** What prompted it: flow_completed or widget_closed. */
  trigger: string | null;
  created_at: string;
  updated_at: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  /** A worker's claim; another instance skips the row until then. */
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  ticket_id: number | null;
  created_at: string;
  sent_at: string | null;
  /** How it went out: 'smtp', or 'mailbox' (demo: kept readable on the local mailbox page). */
  transport: string | null;
  /** The SMTP Message-ID, for finding it in the mail server's logs. */
  message_id: string | null;
}

export interface AlertsTable {
  id: Generated<number>;
  kind: string;
  dedupe_key: string;
  message: string;
  data: string;
  status: OutboxStatus | 'grouped';
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** 'webhook', or 'log' when no webhook is configured. */
  transport: string | null;
  /** Set on an alert folded into a pending one of its kind (status 'grouped'): that one's id (044). */
  group_id: number | null;
}

export type StaffRole = 'agent' | 'admin';

export interface StaffUsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: StaffRole;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionsTable {
  /** SHA-256 of the session cookie's token: a leaked table gives no usable cookie. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface StaffLoginThrottleTable {
  /** Lower-cased email as typed, whether or not an account has it. */
  email: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

/** Daily totals of the concierge analytics (dashboard D5), written once a day is complete. */
export interface AnalyticsDailyTable {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** loaded, opened, messages, errors, interacting, converted, intent, or rolled_up (the day is complete). */
  metric: string;
  /** The intent for metric 'intent'; '' otherwise. */
  key: string;
  value: number;
}

/** A reply text staff insert on a ticket; admins manage them (054). Variables like {{customer.first_name}} are filled from the ticket. */
export interface CannedRepliesTable {
  id: Generated<number>;
  title: string;
  body: string;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A tag on a ticket (054): lower-case words staff add to sort work. */
export interface TicketTagsTable {
  ticket_id: number;
  tag: string;
  created_at: string;
}

/** A chat turn while LLM mode is on (046): the engine that answered, the fallback's reason, latency, tokens, cost. */
export interface LlmTurnsTable {
  id: Generated<number>;
  conversation_id: string;
  /** 'llm' or 'builtin'. */
  engine: string;
  /** Why the built-in engine answered instead: timeout, http_error, rate_limited, broken_tool_call, budget, circuit_open. */
  fallback_reason: string | null;
  latency_ms: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** Millionths of SHOP_CURRENCY. */
  cost_micros: number;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  target: string | null;
  data: string;
  created_at: string;
}

export interface Database {
  products: ProductsTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_events: OrderEventsTable;
  carts: CartsTable;
  cart_items: CartItemsTable;
  contact_messages: ContactMessagesTable;
  feature_flags: FeatureFlagsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  shortlist_items: ShortlistItemsTable;
  analytics_events: AnalyticsEventsTable;
  limit_attempts: LimitAttemptsTable;
  rmas: RmasTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_presence: TicketPresenceTable;
  canned_replies: CannedRepliesTable;
  ticket_tags: TicketTagsTable;
  csat_ratings: CsatRatingsTable;
  outbox: OutboxTable;
  alerts: AlertsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  audit_log: AuditLogTable;
  staff_login_throttle: StaffLoginThrottleTable;
  analytics_daily: AnalyticsDailyTable;
  webhook_deliveries: WebhookDeliveriesTable;
  inbound_emails: InboundEmailsTable;
  job_leases: JobLeasesTable;
  llm_turns: LlmTurnsTable;
}

export type ProductRow = Selectable<ProductsTable>;
export type NewProduct = Insertable<ProductsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderUpdate = Updateable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
export type OrderEventRow = Selectable<OrderEventsTable>;
export type CustomerRow = Selectable<CustomersTable>;
