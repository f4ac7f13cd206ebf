// Shop vocabulary: how customers name categories, metals and stones, mapped to the canonical values.
import type { Category, Metal } from '../types';

/** Phrase → category; longer phrases are tried first, so "ring size" never reads as a ring search. */
export const CATEGORY_WORDS: Record<string, Category> = {
  ring: 'ring', rings: 'ring', band: 'ring', bands: 'ring', solitaire: 'ring', solitaires: 'ring',
  signet: 'ring', signets: 'ring', 'engagement ring': 'ring', 'wedding band': 'ring', 'eternity band': 'ring',
  'promise ring': 'ring', 'cocktail ring': 'ring', 'stacking ring': 'ring', 'stackable': 'ring',
  necklace: 'necklace', necklaces: 'necklace', chain: 'necklace', chains: 'necklace', choker: 'necklace',
  chokers: 'necklace', lariat: 'necklace', lariats: 'necklace', collar: 'necklace',
  pendant: 'pendant', pendants: 'pendant', locket: 'pendant', lockets: 'pendant',
  earring: 'earrings', earrings: 'earrings', 'ear rings': 'earrings', 'ear ring': 'earrings', hoops: 'earrings',
  hoop: 'earrings', studs: 'earrings', stud: 'earrings', huggies: 'earrings', huggie: 'earrings',
  danglers: 'earrings', dangles: 'earrings', 'drop earrings': 'earrings', climbers: 'earrings', 'ear cuff': 'earrings',
  bracelet: 'bracelet', bracelets: 'bracelet', bangle: 'bracelet', bangles: 'bracelet', cuff: 'bracelet',
  cuffs: 'bracelet', 'tennis bracelet': 'bracelet', 'charm bracelet': 'bracelet', anklet: 'bracelet',
};

/** Phrase → metal; "gold" alone means any gold. */
export const METAL_WORDS: Record<string, Metal> = {
  'yellow gold': 'yellow_gold',
  'white gold': 'white_gold',
  'rose gold': 'rose_gold', 'pink gold': 'rose_gold', 'red gold': 'rose_gold', rosegold: 'rose_gold', 'rose-gold': 'rose_gold',
  gold: 'gold', golden: 'gold',
  platinum: 'platinum', plat: 'platinum',
  silver: 'silver', sterling: 'silver', 'sterling silver': 'silver',
};

/** Stone word → canonical lower-case singular. */
export const STONE_WORDS: Record<string, string> = {
  diamond: 'diamond', diamonds: 'diamond', 'lab diamond': 'diamond', 'lab grown diamond': 'diamond',
  sapphire: 'sapphire', sapphires: 'sapphire', emerald: 'emerald', emeralds: 'emerald',
  ruby: 'ruby', rubies: 'ruby', pearl: 'pearl', pearls: 'pearl', moissanite: 'moissanite',
  opal: 'opal', opals: 'opal', amethyst: 'amethyst', amethysts: 'amethyst', topaz: 'topaz',
  morganite: 'morganite', aquamarine: 'aquamarine', aquamarines: 'aquamarine', garnet: 'garnet', garnets: 'garnet',
  tanzanite: 'tanzanite', tourmaline: 'tourmaline', peridot: 'peridot', citrine: 'citrine', onyx: 'onyx',
  turquoise: 'turquoise', spinel: 'spinel', alexandrite: 'alexandrite', 'cubic zirconia': 'cubic zirconia',
};

/** Words the spelling corrector may fix typos towards, beside the training vocabulary. */
export const DOMAIN_WORDS: string[] = [
  ...Object.keys(CATEGORY_WORDS), ...Object.keys(METAL_WORDS), ...Object.keys(STONE_WORDS),
].flatMap((phrase) => phrase.split(' ')).filter((word) => /^[a-z]{4,}$/.test(word));

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number word → value, for "size six" and "five hundred". */
export const NUMBER_WORDS = new Map<string, number>([
  ...SMALL_NUMBERS.map((word, value) => [word, value] as const),
  ...TENS.flatMap((word, index) => (word ? [[word, index * 10] as const] : [])),
]);
