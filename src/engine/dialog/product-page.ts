// Questions about the piece on the page (issue 11 item 6): answered from the catalog facts the server passes
// in `context.product`, never from a search or a generic FAQ article. Returns undefined when the message
// is not about this piece, so the rest of the dialog handles it.
import type { FaqIndex } from '../knowledge/faq-index';
import { articleBlocks } from '../replies/common';
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
function topicOf(understanding: Understanding, product: CurrentProduct): Topic | undefined {
  const { entities, cues } = understanding;
  const text = understanding.text.toLowerCase().replace(/[’']/g, '');
  const current = cues.refersToCurrent === true;
  const otherKind = entities.category !== undefined && entities.category !== product.category;
  if (otherKind || entities.orderNumber || entities.style) return undefined;
  if ((cues.refinement === 'cheaper' || CHEAPER.test(text)) && (SIMILAR.test(text) || current)) return 'similar_cheaper';
  if (SIMILAR.test(text) && !entities.metal && entities.priceMin === undefined && entities.priceMax === undefined) return 'similar';
  if (entities.ringSize !== undefined && (current || entities.category === undefined || SIZE_QUESTION.test(text))) return 'size';
  if (SIZES.test(text) && SIZE_QUESTION.test(text) && (current || /\bsizes\b/.test(text))) return 'sizes';
  if (METALS.test(text) && (current || METAL_QUESTION.test(text)) && !entities.metal) return 'metals';
  if (MATERIAL_METAL.test(text) && MATERIAL_QUESTION.test(text)) return 'metal_material';
  if (entities.metal && (current || METAL_QUESTION.test(text))) return 'metal';
  if (MATERIAL_STONE.test(text) && (current || /\bor\b|\breal\b/.test(text)) && MATERIAL_QUESTION.test(text)) return 'stone_material';
  if (CARE.test(text) && current) return 'care';
  if (AVAILABILITY.test(text) && (current || !entities.category)) return 'availability';
  if (current && SHIPPING_OF_THIS.test(text) && !/\b(?:my order|order (?:number|#)|gg-)/.test(text)) return 'availability';
  if (cues.asksPrice && (current || Object.keys(entities).length === 0)) return 'price';
  return undefined;
}

const reply = (blocks: ReplyBlock[]): Action => ({ type: 'reply', blocks });

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
  if (!product || !PAGE_INTENTS.has(understanding.intent) || shortlistWork) return undefined;
  const topic = topicOf(understanding, product);
  if (!topic) return undefined;
  const decision = answerTopic(deps, state, understanding, product, topic);
  // A question about this piece is product discovery (W4); materials and care are answered with the FAQ.
  return { ...decision, intent: topic === 'stone_material' || topic === 'metal_material' || topic === 'care' ? 'faq' : 'product_search' };
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
