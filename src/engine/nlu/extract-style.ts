// Reads the design style a customer names ("engagement rings", "mens wedding bands", "stackable", "hoops").
import type { Entities, Style } from '../types';

// Checked in order: a named design ("signet", "hoops") wins; then "mens wedding band" is the men's style, not any wedding band.
const STYLE_WORDS: [Style, RegExp][] = [
  ['three_stone', /\b(?:three|3)[ -]stone\b|\btrilogy\b/],
  ['signet', /\bsignets?\b/],
  ['solitaire', /\bsolitaires?\b/],
  ['halo', /\bhalos?\b/],
  ['cocktail', /\bcocktail\b|\bstatement rings?\b/],
  ['eternity', /\beternity\b/],
  ['huggies', /\bhuggies?\b/],
  ['hoops', /\bhoops?\b/],
  ['studs', /\bstuds?\b/],
  ['tennis', /\btennis\b/],
  ['bangle', /\bbangles?\b/],
  ['cuff', /\bcuffs?\b/],
  ['charm', /\bcharm bracelets?\b|\bcharms\b/],
  ['locket', /\blockets?\b/],
  ['choker', /\bchokers?\b/],
  ['lariat', /\blariats?\b/],
  ['mens', /\b(?:mens|men|male|gents?|masculine|unisex|for (?:him|a (?:man|guy)|my (?:husband|boyfriend|fiance|dad|father|brother|son|groom)))\b/],
  ['engagement', /\b(?:engagement|engaged|propos(?:e|al|ing))\b/],
  ['wedding', /\bwedding\b|\bbridal\b/],
  ['stacking', /\bstack(?:ing|able|ers?|ed|s)?\b/],
];

// "I'm not engaged", "no hoops": a ruled-out style is not a filter.
const NEGATED = /\b(?:not|no|without|except|hate|dislike|avoid)\s+(?:\w+\s+)?$/;

/** `text` is the normalised message (lower case); returns `{ style }` when one is named. */
export function extractStyle(text: string): Pick<Entities, 'style'> {
  for (const [style, pattern] of STYLE_WORDS) {
    const match = pattern.exec(text);
    if (match && !NEGATED.test(text.slice(0, match.index))) return { style };
  }
  return {};
}
