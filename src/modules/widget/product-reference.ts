// Which piece a chat message is about when the customer is not on its page: one they name ("how much is the Luna
// Diamond Halo Ring?"), one of the last results by position ("the second one: what metal?"), or the piece the last
// turn was about ("what sizes does it come in?"). The engine then answers from that piece's catalog facts exactly
// as on its product page (price, availability and lead time, sizes, metals), never from a search or a policy text.
import type { ConversationState, Understanding } from '../../engine/index';
import type { CatalogService } from '../catalog/service';
import type { Product } from '../catalog/types';
import { escapeRegExp, normalizeText } from '../../engine/nlu/normalize';

/** How long the names are kept before they are read again (a catalog import in this instance reads them at once). */
const NAMES_TTL_MS = 60_000;

/** The engine's normalizing, then punctuation gone: "Lúna  Diamond-Halo" → "luna diamond halo". */
export function normalizeName(text: string): string {
  return normalizeText(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

interface NameEntry {
  /** The normalized name, and the same without its last word ("luna diamond halo") when that still names it. */
  phrases: string[];
  products: Product[];
}

export type ProductReference =
  /** `asThis`: the message with the name said as "this ring", so the engine reads the question, not the name's words. */
  | { product: Product; how: 'named'; asThis: string }
  | { product: Product; how: 'ordinal' | 'earlier' };

/** "…is the Luna Diamond Halo Ring?" → "…is this ring?" (any case, any punctuation between the words). */
function sayAsThis(text: string, phrase: string, noun: string): string {
  const words = phrase.split(' ').map(escapeRegExp).join('[^a-z0-9]+');
  return text.replace(new RegExp(`(?:\\b(?:the|a|an|your)\\s+)?\\b${words}\\b`, 'i'), `this ${noun}`);
}

export function createProductReferences(catalog: Pick<CatalogService, 'browse' | 'findByIds'>, now: () => number = Date.now) {
  let names: { entries: NameEntry[]; at: number } | undefined;

  async function entries(): Promise<NameEntry[]> {
    if (names && now() - names.at < NAMES_TTL_MS) return names.entries;
    const all = (await catalog.browse({}, 'featured', 1, 10_000)).items;
    const byName = new Map<string, Product[]>();
    for (const product of all) {
      const key = normalizeName(product.name);
      if (key) byName.set(key, [...(byName.get(key) ?? []), product]);
    }
    const shortCounts = new Map<string, number>();
    const shortOf = (key: string) => key.split(' ').slice(0, -1).join(' ');
    for (const key of byName.keys()) shortCounts.set(shortOf(key), (shortCounts.get(shortOf(key)) ?? 0) + 1);
    const list = [...byName].map(([key, products]) => {
      const short = shortOf(key);
      // "Luna Diamond Halo" names the ring only if no other design shares those words, and it is more than one word.
      const phrases = short.includes(' ') && shortCounts.get(short) === 1 ? [key, short] : [key];
      return { phrases, products };
    });
    // Longest names first: "Luna Diamond Halo Ring" before "Luna Ring".
    list.sort((a, b) => b.phrases[0]!.length - a.phrases[0]!.length);
    names = { entries: list, at: now() };
    return list;
  }

  /** The variant the message means: the metal it names, else one ready to ship, else the first. */
  function pick(products: Product[], understanding: Understanding): Product {
    const metal = understanding.entities.metal;
    const inMetal = metal ? products.find((p) => p.metal === metal || (metal === 'gold' && p.metal.endsWith('gold'))) : undefined;
    return inMetal ?? products.find((p) => p.readyToShip && p.stock > 0) ?? products[0]!;
  }

  return {
    /** The catalog changed in this instance: read the names again on the next message. */
    forget(): void {
      names = undefined;
    },

    async resolve(understanding: Understanding, state: ConversationState): Promise<ProductReference | undefined> {
      const text = ` ${normalizeName(understanding.text)} `;
      for (const entry of await entries()) {
        const phrase = entry.phrases.find((candidate) => text.includes(` ${candidate} `));
        if (!phrase) continue;
        const product = pick(entry.products, understanding);
        // Its kind, not the name's own last word: "bangle" or "huggies" would read as a style to search for.
        const noun = product.category;
        return { product, how: 'named', asThis: sayAsThis(understanding.text, phrase, noun) };
      }
      const { ordinal, refersToCurrent, shortlistOp } = understanding.cues;
      // "Save the second one" is shortlist work, which resolves its own ordinal.
      if (ordinal !== undefined && shortlistOp !== 'add' && shortlistOp !== 'remove') {
        const shown = ordinal < 0 ? state.shown.at(ordinal) : state.shown[ordinal];
        const product = shown && typeof shown.id === 'number' ? (await catalog.findByIds([shown.id]))[0] : undefined;
        if (product) return { product, how: 'ordinal' };
      }
      if (refersToCurrent && typeof state.talkedAbout === 'number') {
        const product = (await catalog.findByIds([state.talkedAbout]))[0];
        if (product) return { product, how: 'earlier' };
      }
      return undefined;
    },
  };
}

export type ProductReferences = ReturnType<typeof createProductReferences>;
