// Replies about the piece on the page (W4, issue 11 item 6): price, availability, metals, sizes, materials.
// Every fact comes from the catalog (the engine's CurrentProduct); nothing here guesses.
import type { Availability, CurrentProduct, Metal, ProductSummary, ProductVariant, ReplyBlock } from '../types';
import { quickReplies, text } from './common';
import { formatMoney, joinWords, METAL_NAME, pluralCategory } from './format';

const availabilityOf = (product: CurrentProduct): Availability => product.availability ?? 'ready_to_ship';

/** What the piece's availability is, after "the X" or "it": "is in stock and ready to ship", "is made to order: it ships in 3–4 weeks". */
export function availabilityClause(product: CurrentProduct): string {
  switch (availabilityOf(product)) {
    case 'ready_to_ship':
      return 'is in stock and ready to ship';
    case 'made_to_order':
      return product.leadTime ? `is made to order: it ships in ${product.leadTime}` : 'is made to order';
    case 'sold_out':
      return 'is sold out right now: save it to your shortlist and check back, or ask a stylist about ordering one';
  }
}

/** Every metal the design comes in: this piece's first, then its variants'. */
export function metalsOf(product: CurrentProduct): Metal[] {
  return [...new Set([product.metal, ...(product.variants ?? []).map((variant) => variant.metal), ...(product.availableMetals ?? [])])];
}

const matchesMetal = (metal: Metal, wanted: Metal) => (wanted === 'gold' ? metal.endsWith('gold') : metal === wanted);

function variantSummary(product: CurrentProduct, variant: ProductVariant, currency: string): ProductSummary {
  const { id, slug, metal, price, url, imageUrl } = variant;
  return { id, slug, name: product.name, price, currency, category: product.category, metal, stone: product.stone ?? null, url, imageUrl };
}

const VARIANT_STATE: Record<Availability, string> = { ready_to_ship: 'ready to ship', made_to_order: 'made to order', sold_out: 'sold out' };

function variantLine(variant: ProductVariant, currency: string): string {
  return `${METAL_NAME[variant.metal]} (${formatMoney(variant.price, currency)}, ${VARIANT_STATE[variant.availability]})`;
}

function variantsBlock(product: CurrentProduct, variants: ProductVariant[], currency: string): ReplyBlock[] {
  return variants.length > 0 ? [{ type: 'products', items: variants.map((variant) => variantSummary(product, variant, currency)) }] : [];
}

/** When this piece cannot ship now, the same design in a metal that can. */
function readyVariants(product: CurrentProduct, currency: string): ReplyBlock[] {
  if (availabilityOf(product) === 'ready_to_ship') return [];
  const ready = (product.variants ?? []).filter((variant) => variant.availability === 'ready_to_ship');
  if (ready.length === 0) return [];
  return [text(`The same design is ready to ship in ${joinWords(ready.map((variant) => variantLine(variant, currency)))}:`), ...variantsBlock(product, ready, currency)];
}

export function price(product: CurrentProduct, currency: string): ReplyBlock[] {
  const next = availabilityOf(product) === 'ready_to_ship' ? ' Add it to your bag to check out, or tell me "save this" to keep it on your shortlist.' : '';
  return [text(`The ${product.name} is ${formatMoney(product.price, currency)}. It ${availabilityClause(product)}.${next}`), ...readyVariants(product, currency)];
}

const AVAILABILITY_OPENING: Record<Availability, string> = { ready_to_ship: 'Yes! The', made_to_order: 'Not ready to ship: the', sold_out: 'Sorry, the' };

export function availability(product: CurrentProduct, currency: string): ReplyBlock[] {
  return [text(`${AVAILABILITY_OPENING[availabilityOf(product)]} ${product.name} ${availabilityClause(product)}.`), ...readyVariants(product, currency)];
}

export function metals(product: CurrentProduct, currency: string): ReplyBlock[] {
  const all = metalsOf(product);
  if (all.length === 1) return [text(`The ${product.name} is made in ${METAL_NAME[product.metal]} only; this design doesn't come in other metals.`)];
  const others = product.variants ?? [];
  return [
    text(`The ${product.name} comes in ${joinWords(all.map((metal) => METAL_NAME[metal]))}. This one is ${METAL_NAME[product.metal]}; the others are ${joinWords(others.map((variant) => variantLine(variant, currency)))}:`),
    ...variantsBlock(product, others, currency),
  ];
}

/** "Does this come in white gold?": yes with the matching variants, or undefined when the design doesn't. */
export function metalYes(product: CurrentProduct, wanted: Metal, currency: string): ReplyBlock[] | undefined {
  if (matchesMetal(product.metal, wanted)) return [text(`Yes: this ${product.name} is ${METAL_NAME[product.metal]}, and it ${availabilityClause(product)}.`)];
  const variants = (product.variants ?? []).filter((variant) => matchesMetal(variant.metal, wanted));
  if (variants.length === 0) {
    const listed = (product.availableMetals ?? []).filter((metal) => matchesMetal(metal, wanted));
    return listed.length > 0 ? [text(`Yes! The ${product.name} comes in ${joinWords(listed.map((metal) => METAL_NAME[metal]))}.`)] : undefined;
  }
  return [text(`Yes! The ${product.name} also comes in ${joinWords(variants.map((variant) => variantLine(variant, currency)))}:`), ...variantsBlock(product, variants, currency)];
}

export function metalNo(product: CurrentProduct, wanted: Metal): ReplyBlock[] {
  return [text(`The ${product.name} isn't made in ${METAL_NAME[wanted]}: it comes in ${joinWords(metalsOf(product).map((metal) => METAL_NAME[metal]))} only. Here are similar ${pluralCategory(product.category)} in ${METAL_NAME[wanted]}:`)];
}

const formatSize = (size: number) => String(size);
// "US size 7" for one, "US sizes 6, 7 and 8" for several.
const usSizes = (offered: number[]) => `US size${offered.length === 1 ? '' : 's'} ${joinWords(offered.map(formatSize))}`;

export function sizes(product: CurrentProduct): ReplyBlock[] {
  const offered = product.sizes ?? [];
  if (product.category !== 'ring') return [text(`The ${product.name} is ${aCategory(product.category)}, so it has no ring sizes: one size fits.`)];
  if (offered.length === 0) return [text(`The ${product.name} has no standard sizes listed online. A stylist can tell you which sizes it can be made in.`), quickReplies({ label: 'Talk to a stylist', text: 'Talk to a stylist' })];
  return [text(`The ${product.name} comes in ${usSizes(offered)}. Not sure of yours? Ask me how to find your ring size.`)];
}

export function size(product: CurrentProduct, wanted: number): ReplyBlock[] {
  const offered = product.sizes ?? [];
  if (product.category !== 'ring') return [text(`The ${product.name} is ${aCategory(product.category)}, so it doesn't come in ring sizes (no size ${formatSize(wanted)}): one size fits.`)];
  if (offered.includes(wanted)) return [text(`Yes, the ${product.name} comes in size ${formatSize(wanted)}, and it ${availabilityClause(product)}.`)];
  const list = offered.length > 0 ? ` It comes in ${usSizes(offered)}.` : '';
  return [text(`No, the ${product.name} doesn't come in size ${formatSize(wanted)}.${list} A stylist can tell you whether it can be made in your size.`), quickReplies({ label: 'Talk to a stylist', text: 'Talk to a stylist' })];
}

/** Materials questions: the piece's own metal and stone first, then the shop's general answer. */
export function materials(product: CurrentProduct, topic: 'stone' | 'metal' | 'care'): string {
  const stone = product.stone;
  const made = `The ${product.name} is made in ${METAL_NAME[product.metal]}`;
  if (topic === 'stone') {
    if (!stone) return `${made} and has no stone.`;
    if (stone === 'moissanite') return `${made} and set with a moissanite, not a diamond.`;
    if (stone === 'diamond') return `${made} and set with a diamond.`;
    return `${made} and set with ${article(stone)} ${stone}, neither a diamond nor a moissanite.`;
  }
  const set = stone ? ` set with ${article(stone)} ${stone}` : '';
  return topic === 'metal' ? `${made}${set}: solid metal, never plated.` : `${made}${set}.`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
const aCategory = (category: CurrentProduct['category']) => (category === 'earrings' ? 'a pair of earrings' : `${article(category)} ${category}`);
