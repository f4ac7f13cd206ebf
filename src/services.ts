// Builds every service once over one database; routes receive them from here.
import type { Config } from './config';
import type { Db } from './db/connection';
import { createCatalogRepo } from './modules/catalog/repo';
import { createCatalogService } from './modules/catalog/service';
import { createCartService } from './modules/cart/service';
import { createOrderService } from './modules/orders/service';
import { createContactService } from './modules/contact/service';
import { createFlagService } from './modules/flags/service';
import { createConversationService } from './modules/conversations/service';
import { createAnalyticsService } from './modules/analytics/service';
import { createEngine } from './engine/index';
import { createShortlistService } from './modules/shortlist/service';
import { createOrderTracking } from './modules/orders/tracking';
import { createAttemptLimits } from './modules/limits/attempts';
import { createVisitorEmailLimits } from './modules/limits/visitor-emails';
import { createOrderSync } from './modules/integrations/order-sync';
import { createStaffService } from './modules/staff/service';
import { createAuthService } from './modules/auth/service';
import { createDashboardService } from './modules/dashboard/service';
import { createCannedReplyService } from './modules/canned-replies/service';
import { createMailService } from './modules/mail/service';
import { orderConfirmationEmail, orderConfirmationKey } from './modules/orders/email';
import { createAlertService } from './modules/alerts/service';
import { createErrorRateCheck } from './modules/alerts/error-rate';
import { createTicketService } from './modules/tickets/service';
import { createInboundService } from './modules/inbound/service';
import { createImapPoller } from './modules/inbound/imap-poller';
import { createLeases } from './modules/jobs/lease';
import { createStylistForm } from './modules/tickets/stylist-form';
import { createReturnService } from './modules/returns/service';
import { createCsatService } from './modules/csat/service';
import { createRetentionService } from './modules/retention/service';
import { loadKnowledgeBase } from './modules/knowledge/load';
import { createMetrics } from './modules/metrics/metrics';
import { createLlmMode } from './modules/llm/index';
import { createLiveBus } from './modules/live/bus';
import { createPresence } from './modules/live/presence';

export interface ServiceOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

export function createServices(db: Db, config: Config, options: ServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const catalog = createCatalogService(createCatalogRepo(db.kysely), { snapshotMs: config.catalog.snapshotMs, now });
  const cart = createCartService(db.kysely, catalog, now);
  const analytics = createAnalyticsService(db.kysely, config.sessionSecret, now, { flushMs: config.analytics.flushMs });
  // Flows (W6, W7, W10, P3, P4): email through the outbox, alerts, stylist tickets.
  const mail = createMailService(db, config, { now });
  // Purchase attribution (P5): an order placed with a concierge session id counts for that conversation.
  // The confirmation the store promises is queued with the order, once per order.
  const orders = createOrderService(db.kysely, now, {
    // A visitor types the address: the confirmation counts against the visitor-email caps (the order is placed anyway).
    mayConfirm: async (email, { clientAddress }) => (await visitorEmails.reserveIfAllowed(email, { sessionId: `checkout:${clientAddress}`, clientAddress })) !== undefined,
    placing: async (trx, order, items, { confirm }) => {
      if (!confirm) return;
      const content = orderConfirmationEmail({ shopName: config.shop.name, customerName: order.customer_name, orderNumber: order.number, items: items.map((i) => ({ name: i.name, size: i.size, quantity: i.quantity, unitPriceCents: i.unit_price_cents })), totalCents: order.total_cents, currency: order.currency, estimatedDelivery: order.estimated_delivery });
      await mail.enqueue({ kind: 'order_confirmation', to: order.email, ...content, dedupeKey: orderConfirmationKey(order.number) }, trx);
    },
    onPlaced: (order) => {
      catalog.productsChanged(); // the order took stock
      return order.concierge_session_id ? analytics.track('purchase', { sessionId: order.concierge_session_id, data: { totalCents: order.total_cents, currency: order.currency } }) : Promise.resolve();
    },
  });
  const flags = createFlagService(db.kysely, now);
  const conversations = createConversationService(db.kysely, now, { dialect: db.dialect });
  const engine = createEngine({ currency: config.currency, now, knowledgeBase: config.knowledgeBaseFile ? loadKnowledgeBase(config.knowledgeBaseFile) : undefined });
  const shortlist = createShortlistService(db.kysely, catalog, now);
  // Limits held in the database (order lookups, emails a visitor can trigger), so they hold across instances.
  const attempts = createAttemptLimits(db, config.sessionSecret, now);
  const orderTracking = createOrderTracking(attempts, orders);
  const visitorEmails = createVisitorEmailLimits(attempts, config.widget.visitorEmails);
  const orderSync = createOrderSync(db.kysely, now);
  const staff = createStaffService(db.kysely, now);
  const auth = createAuthService(db.kysely, now);
  const dashboard = createDashboardService(db.kysely, { orders, conversations }, now);
  const cannedReplies = createCannedReplyService(db.kysely, config, now);
  const alerts = createAlertService(db, config, now);
  // Live dashboard updates (issue 12): NOTIFY/LISTEN across instances on PostgreSQL, in memory on SQLite.
  const live = createLiveBus(db, { now });
  const presence = createPresence(db.kysely, live, now);
  const errorRate = createErrorRateCheck(db, config, alerts, now, analytics.flush);
  const tickets = createTicketService({ db, config, now, mail, visitorEmails, alerts, conversations, shortlist, live, understand: (text, context) => engine.understand(text, context) });
  const stylistForm = createStylistForm({ config, conversations, tickets });
  // LLM mode (issue 13): null unless LLM_BASE_URL is set; its tools are the action runner's, over these same services.
  const llm = createLlmMode({ config, db, now, engine, catalog, orderTracking, shortlist, conversations, tickets });
  const returns = createReturnService({ db, config, now, orders, orderTracking, mail, visitorEmails, conversations, tickets, understand: (text) => engine.understand(text) });
  // Customers' emailed replies (issue 12): built only with SUPPORT_EMAIL; the SMTP listener and IMAP poller feed it.
  const inbound = config.inbound.supportEmail ? createInboundService({ db, config, now, customerEmails: tickets.customerEmails, customerReplied: tickets.customerReplied }) : null;
  const imapPoller = inbound && config.inbound.imapUrl ? createImapPoller({ url: config.inbound.imapUrl, inbound, leases: createLeases(db.kysely, now) }) : null;
  const contact = createContactService({ db, config, now, tickets, mail, visitorEmails });
  const csat = createCsatService(db.kysely, conversations, now, { alerts, publicUrl: config.publicUrl, live });
  const retention = createRetentionService(db.kysely, undefined, now);
  // Prometheus metrics (METRICS_TOKEN or METRICS_PORT): this instance's own registry; off, nothing is counted.
  const metrics = config.metrics.token !== null || config.metrics.port !== null ? createMetrics({ db, now }) : null;
  return { metrics, config, db, now, catalog, cart, orders, contact, flags, conversations, engine, analytics, shortlist, orderTracking, orderSync, staff, auth, dashboard, cannedReplies, mail, alerts, errorRate, tickets, stylistForm, returns, csat, retention, inbound, imapPoller, live, presence, llm };
}

export type Services = ReturnType<typeof createServices>;
