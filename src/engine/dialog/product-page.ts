// Questions about the piece on the page (issue 11 item 6): answered from the catalog facts the server passes
// in `context.product`, never from a search or a generic FAQ article. Returns undefined when the message
// is not about this piece, so the rest of the dialog handles it.
import type { FaqIndex } from '../knowledge/faq-index';
import { articleBlocks } from '../replies/common';
import { formatMoney } from '../replies/format';
import * as productReplies from '../replies/product';
import type { Action, ConversationState, CurrentProduct, Decision, EngineContext, Intent, ReplyBlock, SearchFilters, Understanding } from '../types';
import { search } from './search';

export interface ProductPageDependencies {
  faq: FaqIndex;
  currency: string;
}

// A question on a product page can come classified as any of these; other intents (returns, orders) are flows.
const PAGE_INTENTS: ReadonlySet<Intent> = new Set(['product_search', 'faq', 'out_of_scope', 'customization', 'reservation', 'shortlist']);

const SIMILAR = /\b(?:similar|like (?:this|it|that)|alternatives?|something else like|same style|comparable|along those lines)\b/;
const CHEAPER = /\b(?:cheaper|less expensive|lower price[sd]?|more affordable|lower budget|costs? less|for less|too (?:expensive|pricey|much))\b/;
const AVAILABILITY = /\b(?:ready to ship|ready-to-ship|in stock|out of stock|sold out|made to order|lead time|back in stock|restock\w*|available (?:now|to (?:buy|order))|(?:is|are) (?:it|this|they|these) available\??$|can i (?:buy|order|get) (?:it|this|one)(?: now| today)?\??$)/;
const SHIPPING_OF_THIS = /\b(?:ship|ships|shipped|arrive|deliver\w*|how long|how soon|when (?:can|will|would|could))\b/;
const SIZES = /\bsizes?\b|\bsized\b/;
const SIZE_QUESTION = /\b(?:what|which|available|offer\w*|come|comes|have|has|got|make|made|stock|does|do)\b/;
const METALS = /\b(?:metals?|colou?rs?|other (?:golds?|versions?|options)|(?:gold|silver|platinum) (?:version|option))\b/;
const METAL_QUESTION = /\b(?:come|comes|available|have|has|make|made|version|option|offer\w*|is there|does|do|get)\b/;
const MATERIAL_STONE = /\b(?:moissanite|diamonds?|lab[- ]grown|natural stone|real stone|gem ?stones?|stones?|cz|cubic zirconia)\b/;
const MATERIAL_METAL = /\b(?:solid|plated|plating|vermeil|filled|real gold|fake|genuine|karats?|1[048] ?k|925|nickel|allerg\w*|sensitive skin|tarnish\w*|turn (?:my )?(?:skin|finger) green)\b/;
const CARE = /\b(?:care|clean\w*|polish\w*|store|storing|shower|swim\w*|water ?proof|wear (?:it|this) every ?day)\b/;
const MATERIAL_QUESTION = /\b(?:is|are|it|this|does|do|can|how|what|real|or)\b/;

type Topic = 'similar_cheaper' | 'similar' | 'price' | 'size' | 'sizes' | 'availability' | 'metal' | 'metals' | 'stone_material' | 'metal_material' | 'care';

/** What the message asks about this piece; undefined when it is about something else. */
function topicOf(understanding: Understanding, product: CurrentProduct, fromChat: boolean): Topic | undefined {
  const { entities, cues } = understanding;
  const text = understanding.text.toLowerCase().replace(/[’']/g, '');
  // A piece named or pointed to in the chat is what the message is about, as "this" is on its page.
  const current = cues.refersToCurrent === true || fromChat;
  const otherKind = entities.category !== undefined && entities.category !== product.category;
  if (otherKind || entities.orderNumber || entities.style) return undefined;
  if ((cues.refinement === 'cheaper' || CHEAPER.test(text)) && (SIMILAR.test(text) || current)) return 'similar_cheaper';
  if (SIMILAR.test(text) && !entities.metal && entities.priceMin === undefined && entities.priceMax === undefined) return 'similar';
  if (entities.ringSize !== undefined && (current || entities.category === undefined || SIZE_QUESTION.test(text))) return 'size';
  if (SIZES.test(text) && (SIZE_QUESTION.test(text) || (current && /\bsizes? (?:for|of|on|in)\b|^\W*sizes?\b/.test(text))) && (current || /\bsizes\b/.test(text))) return 'sizes';
  if (METALS.test(text) && (current || METAL_QUESTION.test(text)) && !entities.metal) return 'metals';
  if (MATERIAL_METAL.test(text) && MATERIAL_QUESTION.test(text)) return 'metal_material';
  if (entities.metal && (current || METAL_QUESTION.test(text))) return 'metal';
  if (MATERIAL_STONE.test(text) && (current || /\bor\b|\breal\b/.test(text)) && MATERIAL_QUESTION.test(text)) return 'stone_material';
  if (CARE.test(text) && current) return 'care';
  if (AVAILABILITY.test(text) && (current || !entities.category)) return 'availability';
  if (current && SHIPPING_OF_THIS.test(text) && !/\b(?:my order|order (?:number|#)|gg-)/.test(text)) return 'availability';
  if (cues.asksPrice && (current || Object.keys(entities).length === 0)) return 'price';
  // "Do you have the Nova Diamond Cocktail Ring?": whether it can be had, and how soon.
  if (fromChat && /\b(?:do|does) (?:you|glowglitch|the shop) (?:have|sell|carry|stock|still have)\b|\b(?:you|u) (?:have|got) (?:the|a|an)\b|\bis (?:the|there an?) .*\b(?:available|still available|for sale)\b/.test(text)) return 'availability';
  return undefined;
}

const reply = (blocks: ReplyBlock[]): Action => ({ type: 'reply', blocks });

/**
 * Adds the piece after the answer's text, when no reply of the answer shows pieces yet: its card when it is ready to
 * ship (cards are what can be bought now), else a link to its page (made to order, or sold out for now).
 */
function withCard(actions: Action[], product: CurrentProduct, currency: string): Action[] {
  const showsPieces = actions.some((action) => action.type === 'search_products' || (action.type === 'reply' && action.blocks.some((block) => block.type === 'products')));
  if (showsPieces) return actions;
  const { id, slug, name, price, category, metal, stone, url, imageUrl } = product;
  if ((product.availability ?? 'ready_to_ship') !== 'ready_to_ship') return url ? [...actions, reply([{ type: 'links', links: [{ label: `See the ${name}`, href: url }] }])] : actions;
  return [...actions, reply([{ type: 'products', items: [{ id, slug, name, price, currency, category, metal, stone: stone ?? null, url, imageUrl }] }])];
}

/** A search that starts from this piece (not from the running search): its kind, without the piece itself. */
function fromProduct(product: CurrentProduct, understanding: Understanding, cheaper: boolean): SearchFilters {
  const { metal, stone } = understanding.entities;
  return {
    category: product.category,
    ...(metal && { metal }),
    ...(stone && { stone }),
    // A cent below its price, the nearest first.
    ...(cheaper && { priceMax: Math.round((product.price - 0.01) * 100) / 100, sort: 'price_desc' as const }),
    similarTo: product.id,
  };
}

function materialAnswer(deps: ProductPageDependencies, state: ConversationState, understanding: Understanding, product: CurrentProduct, topic: 'stone' | 'metal' | 'care'): Decision {
  const fact = productReplies.materials(product, topic);
  const match = deps.faq.bestMatch(understanding.text);
  if (!match) return { state, actions: [reply([{ type: 'text', text: fact }])] };
  const { article } = match;
  return {
    state: { ...state, resolvedFlow: true },
    actions: [{ type: 'answer_faq', articleId: article.id }, reply(articleBlocks(article, fact))],
  };
}

export function decideProductPage(deps: ProductPageDependencies, state: ConversationState, understanding: Understanding, context: EngineContext): Decision | undefined {
  const product = context.product;
  // "Save this" and "remove it" are shortlist work; "what sizes…" only looks like "what did I save".
  const shortlistWork = understanding.cues.shortlistOp === 'add' || understanding.cues.shortlistOp === 'remove';
  const fromChat = context.productFromChat === true;
  // "Sizes for the Iris ring?" reads like a resize; about a piece named in the chat, with no order, it asks what it comes in.
  const sizesOfNamed = fromChat && understanding.intent === 'resize_request' && !understanding.entities.orderNumber && /\bsizes\b/i.test(understanding.text) && !/resiz/i.test(understanding.text);
  if (!product || (!PAGE_INTENTS.has(understanding.intent) && !sizesOfNamed) || shortlistWork) return undefined;
  const topic = topicOf(understanding, product, fromChat);
  if (!topic) return undefined;
  const answered = answerTopic(deps, state, understanding, product, topic);
  // "How much, and what metal?": the price comes first, then the rest of the answer.
  const alsoPrice = understanding.cues.asksPrice === true && (topic === 'metals' || topic === 'metal' || topic === 'sizes' || topic === 'availability');
  const decision = alsoPrice ? { ...answered, actions: [reply([{ type: 'text', text: `The ${product.name} is ${formatMoney(product.price, deps.currency)}.` }]), ...answered.actions] } : answered;
  // Away from its page, the answer shows the piece itself (its card links the page), unless it already shows pieces.
  const actions = fromChat && topic !== 'similar' && topic !== 'similar_cheaper' ? withCard(decision.actions, product, deps.currency) : decision.actions;
  const about = topic === 'similar' || topic === 'similar_cheaper' ? {} : { talkedAbout: product.id };
  // A question about this piece is product discovery (W4); materials and care are answered with the FAQ.
  return { ...decision, actions, state: { ...decision.state, ...about }, intent: topic === 'stone_material' || topic === 'metal_material' || topic === 'care' ? 'faq' : 'product_search' };
}

function answerTopic(deps: ProductPageDependencies, state: ConversationState, understanding: Understanding, product: CurrentProduct, topic: Topic): Decision {
  const { currency } = deps;
  switch (topic) {
    case 'similar_cheaper':
    case 'similar':
      return search(state, fromProduct(product, understanding, topic === 'similar_cheaper'), 0);
    case 'price':
      return { state, actions: [reply(productReplies.price(product, currency))] };
    case 'availability':
      return { state, actions: [reply(productReplies.availability(product, currency))] };
    case 'sizes':
      return { state, actions: [reply(productReplies.sizes(product))] };
    case 'size':
      return { state, actions: [reply(productReplies.size(product, understanding.entities.ringSize!))] };
    case 'metals':
      return { state, actions: [reply(productReplies.metals(product, currency))] };
    case 'metal': {
      const metal = understanding.entities.metal!;
      const yes = productReplies.metalYes(product, metal, currency);
      if (yes) return { state, actions: [reply(yes)] };
      return search(state, { category: product.category, metal, similarTo: product.id }, 0, [reply(productReplies.metalNo(product, metal))]);
    }
    case 'stone_material':
      return materialAnswer(deps, state, understanding, product, 'stone');
    case 'metal_material':
      return materialAnswer(deps, state, understanding, product, 'metal');
    case 'care':
      return materialAnswer(deps, state, understanding, product, 'care');
  }
}
