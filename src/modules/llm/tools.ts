// The concierge's own tools, offered to the model (a public contract: /work/shared/DESIGN.md "LLM tools"). Each one
// runs the service code the built-in engine runs (the widget's action runner, the catalog, order tracking with its
// pair check and lookup limits, the shortlist, the knowledge base); the blocks the customer sees are built here from
// the results, never from the model's words. start_return and request_stylist only show the prefilled form.
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { CATEGORIES, METALS, maskCardNumbers, type Action, type Category, type Metal, type Engine, type ReplyBlock } from '../../engine/index';
import { AppError } from '../../errors';
import type { CatalogService } from '../catalog/service';
import type { Product } from '../catalog/types';
import type { ActionRunner, TurnOutcome, TurnParties } from '../widget/actions';
import { currentProduct, productSummary } from '../widget/products';
import type { EmailMask } from './prompt';
import { LlmFailure, type ToolDefinition } from './protocol';

const Text = (description: string, maxLength = 200) => Type.String({ maxLength, description });
const Price = (description: string) => Type.Number({ minimum: 0, maximum: 1_000_000, description });
const Email = Text('The email the customer typed, exactly as it appears in the conversation (a placeholder such as [email 1])', 254);
const OrderNumber = Text('The order number the customer gave, e.g. GG-104233', 40);

/** Arguments of each tool, as JSON Schema (TypeBox): what the model is told and what its call is checked against. */
export const TOOL_PARAMETERS = {
  search_products: Type.Object({
    query: Type.Optional(Text('What the customer is looking for, in their words (e.g. "rose gold hoops")')),
    category: Type.Optional(Type.Union(CATEGORIES.map((c) => Type.Literal(c)))),
    metal: Type.Optional(Type.Union(METALS.map((m) => Type.Literal(m)))),
    stone: Type.Optional(Text('A gemstone, e.g. diamond, sapphire; "none" for plain pieces', 40)),
    min_price: Type.Optional(Price('Lowest price')),
    max_price: Type.Optional(Price('Highest price')),
    ring_size: Type.Optional(Type.Number({ minimum: 2, maximum: 16, description: 'Ring size (US), rings only' })),
  }),
  get_product: Type.Object({
    id: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The product id from a search result' })),
    slug: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,200}$', description: 'The product slug from its URL' })),
  }),
  track_order: Type.Object({ order_number: OrderNumber, email: Email }),
  start_return: Type.Object({
    kind: Type.Optional(Type.Union([Type.Literal('return'), Type.Literal('resize')])),
    order_number: Type.Optional(OrderNumber),
    email: Type.Optional(Email),
    new_size: Type.Optional(Type.Number({ minimum: 2, maximum: 16, description: 'The ring size wanted, for a resize' })),
  }),
  request_stylist: Type.Object({
    message: Type.Optional(Text('What the customer wants a stylist for, in their words', 1000)),
    urgent: Type.Optional(Type.Boolean()),
  }),
  search_help: Type.Object({ query: Text('The customer question, e.g. "how long does shipping take"', 500) }),
  save_to_shortlist: Type.Object({ product_id: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The product id from a search result' }) }),
} satisfies Record<string, TSchema>;

export type ToolName = keyof typeof TOOL_PARAMETERS;
type Args<N extends ToolName> = Static<(typeof TOOL_PARAMETERS)[N]>;

const DESCRIPTIONS: Record<ToolName, string> = {
  search_products: 'Find ready-to-ship, in-stock jewelry in the catalog. The customer sees the product cards; you get the same list.',
  get_product: 'The facts of one product (price, metal, stone, sizes, availability, other metals) by id or slug.',
  track_order: "Show an order's status. Needs both the order number and the email the customer gave; a wrong pair finds nothing.",
  start_return: 'Show the customer the return or resize form, prefilled. It does not create a return: the customer sends the form.',
  request_stylist: 'Show the customer the stylist request form, prefilled. It does not contact anyone: the customer sends the form.',
  search_help: "Find the shop's help article (shipping, payment, warranty, sizing, care, returns policy) that answers a question.",
  save_to_shortlist: "Save a product to the customer's shortlist (kept 30 days).",
};

export const TOOL_DEFINITIONS: ToolDefinition[] = (Object.keys(TOOL_PARAMETERS) as ToolName[]).map((name) => ({
  type: 'function',
  function: { name, description: DESCRIPTIONS[name], parameters: TOOL_PARAMETERS[name] as unknown as Record<string, unknown> },
}));

const isToolName = (name: string): name is ToolName => Object.hasOwn(TOOL_PARAMETERS, name);

/** The model's arguments, checked: unparsable JSON, an unknown tool or arguments outside the schema are a broken call. */
export function parseToolCall(name: string, rawArguments: string): { name: ToolName; args: Record<string, unknown> } {
  if (!isToolName(name)) throw new LlmFailure('broken_tool_call', `the model called an unknown tool "${name.slice(0, 60)}"`);
  let parsed: unknown;
  try {
    parsed = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
  } catch {
    throw new LlmFailure('broken_tool_call', `the model's arguments for ${name} are not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new LlmFailure('broken_tool_call', `the model's arguments for ${name} are not an object`);
  const schema = TOOL_PARAMETERS[name];
  // Servers often send null for an argument left out, and numbers as text: both are fine; anything else is not.
  const present = Object.fromEntries(Object.entries(parsed).filter(([key, value]) => value !== null && Object.hasOwn(schema.properties, key)));
  const args = Value.Convert(schema, present) as Record<string, unknown>;
  if (!Value.Check(schema, args)) throw new LlmFailure('broken_tool_call', `the model's arguments for ${name} do not fit its schema`);
  return { name, args };
}

export interface ToolDependencies {
  engine: Engine;
  catalog: CatalogService;
  runActions: ActionRunner;
}

/** What one tool call gives: the JSON the model reads, and the blocks the customer sees. */
export interface ToolResult {
  result: Record<string, unknown>;
  blocks: ReplyBlock[];
}

/** The blocks a tool shows from the engine's own reply to an action: cards, order status, forms, links (the model words the rest). */
const VISIBLE = new Set(['products', 'order_status', 'form', 'links']);
const visible = (blocks: ReplyBlock[]) => blocks.filter((block) => VISIBLE.has(block.type));

const facts = (p: ReturnType<typeof productSummary>) => ({ id: p.id, name: p.name, price: p.price, currency: p.currency, category: p.category, metal: p.metal, stone: p.stone ?? null, url: p.url });

export function createToolRunner({ engine, catalog, runActions }: ToolDependencies) {
  /** Runs engine actions through the widget's action runner and folds their effects into the turn's outcome. */
  async function act(actions: Action[], outcome: TurnOutcome, parties: TurnParties): Promise<TurnOutcome> {
    const step = await runActions(actions, outcome.state, parties);
    outcome.state = step.state;
    outcome.events.push(...step.events);
    Object.assign(outcome.messageData, step.messageData);
    if (step.customerEmail) outcome.customerEmail = step.customerEmail;
    return step;
  }

  async function findProduct(args: Args<'get_product'>): Promise<Product | undefined> {
    if (args.id !== undefined) return (await catalog.findByIds([args.id]))[0];
    if (args.slug === undefined) return undefined;
    return catalog.getBySlug(args.slug).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
  }

  const tools: { [N in ToolName]: (args: Args<N>, outcome: TurnOutcome, parties: TurnParties, mask: EmailMask) => Promise<ToolResult> } = {
    async search_products(args, outcome, parties) {
      // The customer's words read by the engine's own understanding; the model's explicit filters win over them.
      const understood = args.query ? engine.understand(args.query).entities : {};
      const filters = {
        ...(understood.category && { category: understood.category }),
        ...(understood.metal && { metal: understood.metal }),
        ...(understood.stone && { stone: understood.stone }),
        ...(understood.style && { style: understood.style }),
        ...(understood.priceMin !== undefined && { priceMin: understood.priceMin }),
        ...(understood.priceMax !== undefined && { priceMax: understood.priceMax }),
        ...(args.category !== undefined && { category: args.category as Category }),
        ...(args.metal !== undefined && { metal: args.metal as Metal }),
        ...(args.stone && { stone: args.stone.toLowerCase() }),
        ...(args.min_price !== undefined && { priceMin: args.min_price }),
        ...(args.max_price !== undefined && { priceMax: args.max_price }),
        ...(args.ring_size !== undefined && { ringSize: args.ring_size }),
      };
      const step = await act([{ type: 'search_products', filters, offset: 0, limit: 4 }], outcome, parties);
      const found = step.search ?? { items: [], total: 0, alternatives: [] };
      outcome.state = { ...outcome.state, lastIntent: 'product_search' };
      return {
        result: { total: found.total, shown: found.items.map(facts), ...(found.items.length === 0 && { no_exact_match: true, nearest: (found.alternatives ?? []).map(facts) }) },
        blocks: visible(step.blocks),
      };
    },

    async get_product(args, outcome) {
      const product = await findProduct(args);
      if (!product) return { result: { found: false }, blocks: [] };
      const summary = productSummary(product);
      outcome.state = engine.recordShownProducts(outcome.state, [summary]);
      const details = currentProduct(product, await catalog.variantsOf(product));
      const { imageUrl: _image, availableMetals: _metals, ...rest } = details;
      return { result: { found: true, ...rest, description: product.description }, blocks: [{ type: 'products', items: [summary] }] };
    },

    async track_order(args, outcome, parties, mask) {
      const email = mask.resolve(args.email);
      // No email the customer typed, no lookup: the form asks for it (nothing is counted, nothing revealed).
      if (!email) {
        return { result: { found: false, error: 'email_required', say: 'Ask the customer for the email used at checkout.' }, blocks: [{ type: 'form', form: 'order_lookup', prefill: { orderNumber: args.order_number } }] };
      }
      const step = await act([{ type: 'lookup_order', orderNumber: args.order_number, email }], outcome, parties);
      const status = step.blocks.find((block) => block.type === 'order_status');
      if (status?.type === 'order_status') {
        const { number, statusLabel, carrier, trackingNumber, estimatedDelivery, timeline } = status.order;
        return { result: { found: true, number, status: statusLabel, carrier, trackingNumber, estimatedDelivery, timeline: timeline.map((event) => `${event.at.slice(0, 10)} ${event.label}`) }, blocks: visible(step.blocks) };
      }
      const limited = step.events.some((event) => event.type === 'order_lookup' && event.data.rateLimited === true);
      return { result: { found: false, ...(limited && { error: 'too_many_lookups', say: 'Lookups are paused for a few minutes; the support team can help.' }) }, blocks: visible(step.blocks) };
    },

    async start_return(args, outcome, _parties, mask) {
      const email = args.email === undefined ? undefined : mask.resolve(args.email);
      const orderNumber = args.order_number ?? outcome.state.knownOrderNumber;
      const knownEmail = email ?? outcome.state.knownEmail;
      const prefill = {
        ...(args.kind && { kind: args.kind }),
        ...(orderNumber && { orderNumber }),
        ...(knownEmail && { email: knownEmail }),
        ...(args.kind === 'resize' && args.new_size !== undefined && { newSize: args.new_size }),
      };
      return { result: { shown: 'return_form', note: 'The customer fills in and sends the form; eligibility is checked then.' }, blocks: [{ type: 'form', form: 'return', prefill }] };
    },

    async request_stylist(args, outcome, parties) {
      const email = outcome.state.knownEmail ?? parties.customerEmail ?? undefined;
      const prefill = {
        ...(args.message && { message: maskCardNumbers(args.message) }),
        ...(email && { email }),
        ...(args.urgent && { urgent: true }),
      };
      outcome.messageData.stylistOffer = 'llm';
      return { result: { shown: 'stylist_form', note: 'The customer sends the form; standard requests are answered within 4 business hours.' }, blocks: [{ type: 'form', form: 'stylist', prefill }] };
    },

    async search_help(args, outcome) {
      const article = engine.searchHelp(args.query);
      if (!article) return { result: { found: false }, blocks: [] };
      outcome.messageData.faqArticle = article.id;
      return { result: { found: true, title: article.title, body: article.body }, blocks: article.links?.length ? [{ type: 'links', links: article.links }] : [] };
    },

    async save_to_shortlist(args, outcome, parties) {
      const [product] = await catalog.findByIds([args.product_id]);
      if (!product) return { result: { saved: false, error: 'unknown_product' }, blocks: [] };
      await act([{ type: 'shortlist_add', productId: product.id }], outcome, parties);
      return { result: { saved: true, name: product.name }, blocks: [] };
    },
  };

  return function runTool(name: ToolName, args: Record<string, unknown>, outcome: TurnOutcome, parties: TurnParties, mask: EmailMask): Promise<ToolResult> {
    return (tools[name] as (a: Record<string, unknown>, o: TurnOutcome, p: TurnParties, m: EmailMask) => Promise<ToolResult>)(args, outcome, parties, mask);
  };
}

export type ToolRunner = ReturnType<typeof createToolRunner>;
