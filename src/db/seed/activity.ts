// Demo concierge activity for the dashboard: four weeks of widget conversations, analytics events,
// stylist tickets and CSAT ratings, so a fresh `npm start` shows a support team's working day.
// Deterministic for a given clock; kept inside the 30-day retention window.
import { createHash } from 'node:crypto';
import type { Db } from '../connection';
import type { TicketPriority, TicketStatus } from '../schema';
import { computeAnswerBy, type BusinessHours } from '../../modules/tickets/business-hours';
import { createRandom, type Random } from './random';
import { stylistReplyEmail } from '../../modules/mail/templates';
import { LEAD_TIMES } from '../../modules/catalog/types';

const DAY = 86_400_000;
const MINUTE = 60_000;

type Block = Record<string, unknown>;
interface Exchange {
  intent: string;
  customer: string[];
  reply: (products: Block[]) => Block[];
}

const text = (t: string): Block => ({ type: 'text', text: t });

const EXCHANGES: Exchange[] = [
  { intent: 'product_search', customer: ['rose gold earrings under 500', 'show me rings', 'gold necklaces', 'something with sapphires?', 'bracelets for my mom under $300'], reply: (p) => [text('Here are a few ready-to-ship pieces I think you will love:'), { type: 'products', items: p }] },
  { intent: 'order_tracking', customer: ['where is my order?', 'has my order shipped yet', 'tracking for my necklace pls'], reply: () => [text('Happy to check. What is your order number and the email you used?'), { type: 'form', form: 'order_lookup', prefill: {} }] },
  { intent: 'faq', customer: ['how long does shipping take?', 'do you ship to canada', 'what is your return policy', 'is the gold real?'], reply: () => [text(`Ready-to-ship pieces leave our studio within ${LEAD_TIMES.readyToShip}; standard insured shipping is free over $500.`)] },
  { intent: 'return_request', customer: ['I want to return my earrings', 'the ring is too small, can I resize it?'], reply: () => [text("I'm sorry it didn't work out. Fill in this form and I'll check your order against our returns policy."), { type: 'form', form: 'return', prefill: {} }] },
  { intent: 'stylist_escalation', customer: ['can I talk to a stylist about an engagement ring?', 'I need help choosing a gift', 'i want to speak to a human'], reply: () => [text("I'd be happy to connect you with one of our stylists. Leave your name, email and a short message."), { type: 'form', form: 'stylist', prefill: {} }] },
  { intent: 'customization', customer: ['can you engrave initials?', 'can I get this in platinum instead'], reply: () => [text(`Engravings and custom designs are made with our stylists: one designs the piece with you and sends a 3D preview with a firm quote; custom pieces take ${LEAD_TIMES.madeToOrder}.`), { type: 'links', links: [{ label: 'See how custom design works', href: '/customizer' }] }] },
  { intent: 'greeting', customer: ['hi!', 'hello there'], reply: () => [text('Hi! How can I help you today?')] },
  { intent: 'out_of_scope', customer: ["what's the weather like", 'can you book me a flight'], reply: () => [text("That's outside what I can help with: I'm GlowGlitch's jewelry concierge.")] },
];

const TICKET_MESSAGES = [
  'I am looking for an engagement ring around $3,000 in platinum, can a stylist help me choose?',
  'Could you hold the Luna pendant until my wedding date on the 14th?',
  'I need 12 matching bracelets for my bridesmaids, is there a bulk price?',
  'Can you engrave our anniversary date inside my band?',
  'I was charged twice for my last order, please check.',
  'Is rush shipping possible? I need the earrings by Friday.',
  'Do you offer payment plans for the tennis necklace?',
  'My ring needs resizing by three sizes and it has a pavé band.',
  'Can I get an appraisal certificate for insurance?',
  'Gift wrapping and a handwritten note for my mother, please.',
  'Looking for a custom pendant with my daughter’s birthstone.',
  'I am a VIP client and still waiting on my custom order update.',
];
// The stylist's first answer to each request above, by index: the reply that moved the ticket on.
const TICKET_REPLIES = [
  'Hi! I have picked three platinum settings near $3,000 for you; they are in your shortlist.',
  'Yes, we can hold the Luna pendant for you until the 14th.',
  'Yes: twelve bracelets come with 15% off. I have sent you the options.',
  'We can engrave the date inside your band; tell me the exact wording.',
  'I see the duplicate charge and have refunded it; it shows within 3 business days.',
  'Rush shipping gets the earrings to you by Thursday; I have upgraded your order.',
  'Yes, the tennis necklace can be paid in four instalments.',
  'A pavé band can be resized by three sizes; it takes about two weeks.',
  'Your appraisal certificate is attached to your order page.',
  'Gift wrap and your note are added to the order.',
  'I have sketched two birthstone pendants for your daughter; have a look.',
  'Your custom order is in polishing and ships next week.',
];
const CSAT_COMMENTS = ['Found the perfect gift in two minutes!', 'Quick and easy, thank you.', 'The stylist hand-off was great.', 'Wish there were more rose gold options.', 'Order tracking worked instantly.', 'Could not find what I wanted under $200.', null, null, null];

function productBlocks(products: { id: number; slug: string; name: string; price_cents: number; currency: string; category: string; metal: string; stone: string | null; image_url: string }[], random: Random): Block[] {
  const start = random.int(0, Math.max(0, products.length - 4));
  return products.slice(start, start + 4).map((p) => ({ id: p.id, slug: p.slug, name: p.name, price: p.price_cents / 100, currency: p.currency, category: p.category, metal: p.metal, stone: p.stone, url: `/products/${p.slug}`, imageUrl: p.image_url }));
}

export interface ActivitySummary {
  conversations: number;
  tickets: number;
  ratings: number;
}

export async function seedDemoActivity(db: Db, options: { now: Date; businessHours: BusinessHours; standardHours: number; vipHours: number; shopName?: string }): Promise<ActivitySummary> {
  const { now } = options;
  const random = createRandom(20251119);
  const k = db.kysely;
  const products = await k.selectFrom('products').select(['id', 'slug', 'name', 'price_cents', 'currency', 'category', 'metal', 'stone', 'image_url']).where('ready_to_ship', '=', 1).where('stock', '>', 0).orderBy('id').execute();
  const customers = await k.selectFrom('customers').select(['name', 'email', 'tier']).orderBy('id').execute();
  const orders = await k.selectFrom('orders').select(['id', 'placed_at']).where('concierge_session_id', 'is', null).where('placed_at', '>', new Date(now.getTime() - 27 * DAY).toISOString()).orderBy('id').execute();
  const staff = await k.selectFrom('staff_users').select(['id', 'name']).orderBy('id').execute();
  const iso = (ms: number) => new Date(ms).toISOString();
  const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);

  const conversations: string[] = [];
  const candidates: { id: string; i: number; at: number; messages: { role: 'customer' | 'concierge'; text: string | null; blocks: string | null; at: number }[] }[] = [];
  let tickets = 0;
  let ratings = 0;
  await k.transaction().execute(async (trx) => {
    for (let i = 0; i < 140; i++) {
      const startedAt = now.getTime() - random.int(30, 27 * 24 * 60) * MINUTE;
      const visitor = `demo-visitor-${String(i).padStart(4, '0')}`;
      // A real session id's shape (cs_ + 22 characters), so the dashboard's transcript links work.
      const id = `cs_demo${String(i).padStart(4, '0')}${hash(visitor).slice(0, 14)}`;
      const events: { type: string; data: Record<string, unknown>; at: number }[] = [];
      // Most page views never open the widget: a few loads per conversation.
      for (let l = random.int(2, 5); l > 0; l--) events.push({ type: 'widget_loaded', data: {}, at: startedAt - random.int(1, 600) * 1000 });
      events.push({ type: 'widget_opened', data: {}, at: startedAt });
      const turns = random.weighted([[1, 3], [2, 4], [3, 2]] as const);
      const messages: { role: 'customer' | 'concierge'; text: string | null; blocks: string | null; intent: string | null; at: number }[] = [];
      let at = startedAt;
      let lastIntent = 'greeting';
      for (let t = 0; t < turns; t++) {
        const exchange = random.weighted(EXCHANGES.map((e) => [e, e.intent === 'product_search' ? 5 : e.intent === 'out_of_scope' ? 0.6 : 1.5] as const));
        at += random.int(20, 180) * 1000;
        const blocks = exchange.reply(productBlocks(products, random));
        messages.push({ role: 'customer', text: random.pick(exchange.customer), blocks: null, intent: exchange.intent, at });
        messages.push({ role: 'concierge', text: null, blocks: JSON.stringify(blocks), intent: exchange.intent, at: at + 400 });
        events.push({ type: 'message', data: { intent: exchange.intent }, at });
        if (exchange.intent === 'product_search') events.push({ type: 'product_shown', data: { count: 4 }, at: at + 400 });
        if (random.chance(0.03)) events.push({ type: 'error', data: { status: 503 }, at: at + 500 });
        lastIntent = exchange.intent;
      }
      await trx
        .insertInto('conversations')
        .values({ id, visitor_id: visitor, page_url: '/', product_id: null, state: 'null', customer_email: null, message_count: messages.length, created_at: iso(startedAt), last_activity_at: iso(at), expires_at: iso(at + DAY), anonymized_at: null })
        .execute();
      await trx.insertInto('messages').values(messages.map((m) => ({ conversation_id: id, role: m.role, text: m.text, blocks: m.blocks, intent: m.role === 'concierge' ? m.intent : null, confidence: m.role === 'concierge' ? 0.9 : null, idempotency_key: null, created_at: iso(m.at) }))).execute();
      // An attributed order is placed after its conversation (past the form exchange a hand-off adds below).
      const next = random.chance(0.12) ? orders.findIndex((o) => Date.parse(o.placed_at) > at + 2 * MINUTE) : -1;
      if (next >= 0) {
        const [order] = orders.splice(next, 1);
        await trx.updateTable('orders').set({ concierge_session_id: id }).where('id', '=', order!.id).execute();
        events.push({ type: 'purchase', data: {}, at: Date.parse(order!.placed_at) });
      }
      await trx.insertInto('analytics_events').values(events.map((e) => ({ type: e.type, session_id: id, visitor_hash: hash(visitor), data: JSON.stringify(e.data), created_at: iso(e.at) }))).execute();
      if (random.chance(0.35)) {
        const rating = random.weighted([[5, 6], [4, 3], [3, 1], [2, 0.5], [1, 0.3]] as const);
        await trx.insertInto('csat_ratings').values({ conversation_id: id, rating, comment: random.pick(CSAT_COMMENTS), trigger: random.pick(['widget_closed', 'flow_completed']), created_at: iso(at + 60_000), updated_at: iso(at + 60_000) }).execute();
        ratings++;
      }
      conversations.push(id);
      if (lastIntent === 'stylist_escalation') candidates.push({ id, i, at, messages });
    }
    // The most recent hand-offs are still being worked on; older ones are resolved.
    candidates.sort((a, b) => b.at - a.at);
    for (const [n, c] of candidates.slice(0, TICKET_MESSAGES.length).entries()) {
      const customer = customers[(c.i * 7) % customers.length]!;
      const message = TICKET_MESSAGES[n]!;
      // The customer asked for this in the chat before the stylist form was offered: the request is their words.
      const asked = c.messages.filter((m) => m.role === 'customer').at(-1)!;
      asked.text = message;
      await trx.updateTable('messages').set({ text: message }).where('conversation_id', '=', c.id).where('role', '=', 'customer').where('created_at', '=', iso(asked.at)).execute();
      const urgent = /charged twice|rush/i.test(message);
      // Only a stylist's reply moves a ticket past open: without staff every demo ticket waits.
      const status: TicketStatus = n < 3 || staff.length === 0 ? 'open' : n < 6 ? 'in_progress' : 'resolved';
      const priority: TicketPriority = urgent ? 'urgent' : customer.tier === 'vip' ? 'high' : 'normal';
      const createdAt = new Date(c.at + 30_000);
      const repliedAt = status === 'open' ? null : Math.min(createdAt.getTime() + (20 + n * 7) * MINUTE, now.getTime() - MINUTE);
      const answerBy = computeAnswerBy(createdAt, urgent ? 0 : customer.tier === 'vip' ? options.vipHours : options.standardHours, options.businessHours);
      const assignee = status === 'open' || staff.length === 0 ? null : staff[n % staff.length]!.id;
      const transcript = c.messages.map((m, k) => ({ id: k + 1, role: m.role, ...(m.text ? { text: m.text } : {}), ...(m.blocks ? { blocks: JSON.parse(m.blocks) } : {}), createdAt: iso(m.at) }));
      const ticket = await trx
        .insertInto('tickets')
        .values({ conversation_id: c.id, customer_name: customer.name, email: customer.email, message, urgent: urgent ? 1 : 0, tier: customer.tier, priority, status, assignee_id: assignee, answer_by: answerBy.toISOString(), reasons: '[]', management: /charged twice/.test(message) ? 1 : 0, transcript: JSON.stringify(transcript), shortlist: '[]', idempotency_key: null, first_response_at: repliedAt === null ? null : iso(repliedAt + 5_000), answered_at: repliedAt === null ? null : iso(repliedAt + 5_000), awaiting_since: createdAt.toISOString(), overdue_alerted_at: null, created_at: createdAt.toISOString(), updated_at: createdAt.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('ticket_events').values({ ticket_id: ticket.id, actor_id: null, type: 'created', body: message, data: JSON.stringify({ priority, tier: customer.tier, answerBy: answerBy.toISOString() }), created_at: createdAt.toISOString() }).execute();
      // The form the customer sent, in their conversation as the widget records it.
      const formAt = createdAt.getTime() + 1_000;
      await trx
        .insertInto('messages')
        .values([
          { conversation_id: c.id, role: 'customer', text: `Stylist request: ${message}`, blocks: null, intent: null, confidence: null, idempotency_key: `ticket-${ticket.id}`, created_at: iso(formAt) },
          { conversation_id: c.id, role: 'concierge', text: null, blocks: JSON.stringify([text(`Thank you. Your request is ticket #${ticket.id}. We sent a confirmation to ${customer.email}.`)]), intent: 'stylist_escalation', confidence: 0.9, idempotency_key: null, created_at: iso(formAt + 400) },
        ])
        .execute();
      await trx.updateTable('conversations').set({ message_count: c.messages.length + 2, last_activity_at: iso(formAt + 400), customer_email: customer.email }).where('id', '=', c.id).execute();
      // A ticket past open was answered: the stylist's reply, its delivered email, and (resolved) the status change.
      if (repliedAt !== null && assignee !== null) {
        const stylist = staff.find((s) => s.id === assignee)!;
        const body = TICKET_REPLIES[n]!;
        const content = stylistReplyEmail({ shopName: options.shopName ?? 'GlowGlitch', customerName: customer.name, ticketId: ticket.id, stylistName: stylist.name, body });
        const outbox = await trx
          .insertInto('outbox')
          .values({ kind: 'stylist_reply', to_address: customer.email, subject: content.subject, text_body: content.text, html_body: content.html, status: 'sent', attempts: 1, next_attempt_at: iso(repliedAt), locked_until: null, last_error: null, dedupe_key: null, ticket_id: ticket.id, created_at: iso(repliedAt), sent_at: iso(repliedAt + 5_000), transport: 'mailbox', message_id: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('ticket_events').values({ ticket_id: ticket.id, actor_id: assignee, type: 'reply', body, data: JSON.stringify({ outboxId: outbox.id, to: customer.email }), created_at: iso(repliedAt) }).execute();
        await trx.insertInto('ticket_events').values({ ticket_id: ticket.id, actor_id: assignee, type: 'status', body: null, data: JSON.stringify({ from: 'open', to: 'in_progress' }), created_at: iso(repliedAt) }).execute();
        if (status === 'resolved') await trx.insertInto('ticket_events').values({ ticket_id: ticket.id, actor_id: assignee, type: 'status', body: null, data: JSON.stringify({ from: 'in_progress', to: 'resolved' }), created_at: iso(repliedAt + MINUTE) }).execute();
      }
      tickets++;
    }
  });
  return { conversations: conversations.length, tickets, ratings };
}
