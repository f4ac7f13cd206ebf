// Generates the demo catalog: rings, necklaces, pendants, earrings and bracelets in five metals.
import type { Category, Metal, NewProduct } from '../schema';
import type { Random } from './random';

const COLLECTIONS = ['Aurora', 'Luna', 'Celeste', 'Soleil', 'Vesper', 'Iris', 'Nova', 'Seraphine', 'Elara', 'Odette', 'Juniper', 'Marisol', 'Wren', 'Solene'];

const STYLES: Record<Category, readonly (readonly [string, number])[]> = {
  ring: [['Solitaire Ring', 900], ['Eternity Band', 1100], ['Halo Ring', 1300], ['Stacking Ring', 180], ['Signet Ring', 420], ['Three-Stone Ring', 1600], ['Cocktail Ring', 950]],
  necklace: [['Tennis Necklace', 3200], ['Chain Necklace', 260], ['Choker', 340], ['Lariat Necklace', 520], ['Station Necklace', 680]],
  pendant: [['Drop Pendant', 380], ['Locket Pendant', 300], ['Halo Pendant', 720], ['Bar Pendant', 210], ['Solitaire Pendant', 640]],
  earrings: [['Hoop Earrings', 240], ['Stud Earrings', 160], ['Drop Earrings', 460], ['Huggie Earrings', 220], ['Climber Earrings', 300]],
  bracelet: [['Tennis Bracelet', 2600], ['Bangle', 380], ['Cuff Bracelet', 520], ['Chain Bracelet', 230], ['Charm Bracelet', 310]],
};

const METALS: readonly (readonly [Metal, number])[] = [['yellow_gold', 3], ['white_gold', 2.5], ['rose_gold', 2.5], ['platinum', 1.2], ['silver', 2]];
const METAL_PRICE: Record<Metal, number> = { yellow_gold: 1, white_gold: 1.05, rose_gold: 1, platinum: 1.6, silver: 0.35 };
export const METAL_LABEL: Record<Metal, string> = { yellow_gold: 'Yellow Gold', white_gold: 'White Gold', rose_gold: 'Rose Gold', platinum: 'Platinum', silver: 'Sterling Silver' };

const STONES: readonly (readonly [string | null, number])[] = [
  [null, 4], ['diamond', 3], ['sapphire', 1.2], ['emerald', 1], ['ruby', 0.8], ['pearl', 1], ['moissanite', 1], ['opal', 0.7], ['amethyst', 0.7], ['topaz', 0.6], ['morganite', 0.6],
];
const STONE_PRICE: Record<string, number> = { diamond: 3, sapphire: 2.2, emerald: 2.3, ruby: 2.2, pearl: 1.1, moissanite: 1.6, opal: 1.4, amethyst: 1.2, topaz: 1.2, morganite: 1.4 };

const CATEGORY_ORDER: readonly Category[] = ['ring', 'necklace', 'pendant', 'earrings', 'bracelet'];
export const RING_SIZES = [4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10];

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function describe(category: Category, style: string, metal: Metal, stone: string | null, random: Random): string {
  const metalText = METAL_LABEL[metal].toLowerCase();
  const opening = random.pick([
    `A ${style.toLowerCase()} in polished ${metalText}`,
    `Hand-finished in ${metalText}, this ${style.toLowerCase()}`,
    `Our ${style.toLowerCase()} in ${metalText}`,
  ]);
  const stoneText = stone
    ? random.pick([` set with a conflict-free ${stone}`, ` featuring an ethically sourced ${stone}`, ` with a hand-set ${stone}`])
    : random.pick([' with a clean, minimal silhouette', ' with a softly brushed finish', ' designed to be worn every day']);
  const closing = random.pick([
    'Made to be layered, stacked and loved for years.',
    'Arrives in our signature blush gift box.',
    'Crafted in our studio and inspected by hand before it ships.',
    category === 'ring' ? 'Available in whole and half sizes.' : 'Lightweight and comfortable from morning to night.',
  ]);
  return `${opening}${stoneText}. ${closing}`;
}

/**
 * One name per design and metal: the same name in another metal is the same piece in that metal (a variant), so a
 * second draw of a taken name and metal moves on to the next collection (no extra random draw, the rest stays put).
 */
function uniqueName(collection: string, stone: string | null, style: string, metal: Metal, taken: Set<string>): string {
  const start = COLLECTIONS.indexOf(collection);
  for (let step = 0; step < COLLECTIONS.length; step++) {
    const name = [COLLECTIONS[(start + step) % COLLECTIONS.length], stone ? capitalize(stone) : null, style].filter(Boolean).join(' ');
    if (!taken.has(`${name}|${metal}`)) {
      taken.add(`${name}|${metal}`);
      return name;
    }
  }
  throw new Error(`Every collection already has a ${style} in ${metal}: the demo catalog is too large for its names.`);
}

export function generateProducts(random: Random, count: number, currency: string, createdAt: string): NewProduct[] {
  const products: NewProduct[] = [];
  const slugs = new Set<string>();
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const category = CATEGORY_ORDER[i % CATEGORY_ORDER.length]!;
    const [style, basePrice] = random.pick(STYLES[category]);
    const metal = random.weighted(METALS);
    const stone = style === 'Chain Necklace' || style === 'Chain Bracelet' ? null : random.weighted(STONES);
    const name = uniqueName(random.pick(COLLECTIONS), stone, style, metal, names);
    let slug = slugify(`${name} ${METAL_LABEL[metal]}`);
    for (let n = 2; slugs.has(slug); n++) slug = slugify(`${name} ${METAL_LABEL[metal]} ${n}`);
    slugs.add(slug);
    const raw = basePrice * METAL_PRICE[metal] * (stone ? STONE_PRICE[stone]! : 1) * (0.8 + random.next() * 0.5);
    const price = Math.min(12000, Math.max(80, Math.round(raw / 5) * 5));
    const readyToShip = random.chance(0.86);
    const stock = readyToShip ? (random.chance(0.08) ? 0 : random.int(1, 25)) : 0;
    const sizes = category === 'ring' ? RING_SIZES.filter(() => random.chance(0.85)) : [];
    products.push({
      sku: `GG-${category.slice(0, 2).toUpperCase()}-${String(1001 + i)}`,
      slug,
      name,
      description: describe(category, style, metal, stone, random),
      category,
      metal,
      stone,
      price_cents: price * 100,
      currency,
      ready_to_ship: readyToShip ? 1 : 0,
      stock,
      image_url: `/images/products/${slug}.svg`,
      sizes: JSON.stringify(sizes),
      featured: 0,
      created_at: createdAt,
    });
  }
  // Feature a handful of ready-to-ship pieces across categories for the home page.
  for (const category of CATEGORY_ORDER) {
    products.filter((p) => p.category === category && p.ready_to_ship && p.stock > 0).slice(0, 2).forEach((p) => (p.featured = 1));
  }
  return products;
}
