// Draws a product's picture as SVG from its category, metal and stone: nothing is downloaded.
import type { Category, Metal } from '../../db/schema';

const METAL_GRADIENT: Record<Metal, [string, string, string]> = {
  yellow_gold: ['#f7e3a3', '#d4a73c', '#9c7420'],
  white_gold: ['#f4f5f7', '#c9ccd3', '#8f949e'],
  rose_gold: ['#f8d3c5', '#d99a82', '#a8654f'],
  platinum: ['#eef0f3', '#b9bec8', '#7d838f'],
  silver: ['#f7f7f7', '#c4c4c4', '#8a8a8a'],
};

const STONE_COLOR: Record<string, [string, string]> = {
  diamond: ['#ffffff', '#cfe6f5'],
  sapphire: ['#6f8fe8', '#1c3a9e'],
  emerald: ['#7fe0a8', '#137a4a'],
  ruby: ['#ff8aa0', '#a3122f'],
  pearl: ['#fffdf6', '#e6dccb'],
  moissanite: ['#fbfdff', '#d9e7ff'],
  opal: ['#e9f7ff', '#f3c6e8'],
  amethyst: ['#d7b3ff', '#6b2fa8'],
  topaz: ['#bfeeff', '#3a9fd0'],
  morganite: ['#ffd8df', '#e59aac'],
};

function stoneShape(stone: string | null, cx: number, cy: number, r: number): string {
  if (!stone) return '';
  const [light, dark] = STONE_COLOR[stone] ?? ['#ffffff', '#dddddd'];
  if (stone === 'pearl') return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="url(#stone)"/><circle cx="${cx - r / 3}" cy="${cy - r / 3}" r="${r / 4}" fill="#fff" opacity=".8"/>`;
  const pts = [0, 60, 120, 180, 240, 300].map((a) => `${(cx + r * Math.cos((a * Math.PI) / 180)).toFixed(1)},${(cy + r * Math.sin((a * Math.PI) / 180)).toFixed(1)}`).join(' ');
  return `<defs><linearGradient id="facet" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
<polygon points="${pts}" fill="url(#facet)" stroke="${dark}" stroke-width="1.5"/><polygon points="${cx},${cy - r * 0.55} ${cx + r * 0.5},${cy} ${cx},${cy + r * 0.55} ${cx - r * 0.5},${cy}" fill="#fff" opacity=".45"/>`;
}

function piece(category: Category, stone: string | null): string {
  switch (category) {
    case 'ring':
      return `<ellipse cx="200" cy="235" rx="92" ry="96" fill="none" stroke="url(#metal)" stroke-width="22"/>${stoneShape(stone, 200, 132, 30)}`;
    case 'necklace':
      return `<path d="M70 90 Q200 330 330 90" fill="none" stroke="url(#metal)" stroke-width="7" stroke-dasharray="2 7" stroke-linecap="round"/><path d="M70 90 Q200 330 330 90" fill="none" stroke="url(#metal)" stroke-width="3"/>${stoneShape(stone, 200, 222, 18)}`;
    case 'pendant':
      return `<path d="M90 70 Q200 230 310 70" fill="none" stroke="url(#metal)" stroke-width="3"/><path d="M200 185 L232 240 L200 310 L168 240 Z" fill="url(#metal)"/>${stoneShape(stone, 200, 245, 20)}`;
    case 'earrings':
      return `<circle cx="135" cy="200" r="58" fill="none" stroke="url(#metal)" stroke-width="14"/><circle cx="265" cy="200" r="58" fill="none" stroke="url(#metal)" stroke-width="14"/>${stoneShape(stone, 135, 258, 16)}${stoneShape(stone, 265, 258, 16)}`;
    case 'bracelet':
      return `<ellipse cx="200" cy="205" rx="135" ry="70" fill="none" stroke="url(#metal)" stroke-width="18"/>${stone ? [110, 155, 200, 245, 290].map((x) => stoneShape(stone, x, 205 + Math.round(70 * Math.sqrt(1 - ((x - 200) / 135) ** 2)), 11)).join('') : ''}`;
  }
}

/** The SVG picture of a product (400×400). */
export function renderProductImage(product: { category: Category; metal: Metal; stone: string | null; name: string }): string {
  const [light, mid, dark] = METAL_GRADIENT[product.metal];
  const [sLight, sDark] = product.stone ? (STONE_COLOR[product.stone] ?? ['#fff', '#ddd']) : ['#fff', '#ddd'];
  const title = product.name.replace(/[<>&"]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" role="img" aria-label="${title}">
<title>${title}</title>
<defs>
<radialGradient id="bg" cx="50%" cy="40%" r="75%"><stop offset="0" stop-color="#fffaf8"/><stop offset="1" stop-color="#f6e4e8"/></radialGradient>
<linearGradient id="metal" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset=".5" stop-color="${mid}"/><stop offset="1" stop-color="${dark}"/></linearGradient>
<radialGradient id="stone" cx="40%" cy="35%" r="70%"><stop offset="0" stop-color="${sLight}"/><stop offset="1" stop-color="${sDark}"/></radialGradient>
</defs>
<rect width="400" height="400" fill="url(#bg)"/>
<ellipse cx="200" cy="350" rx="120" ry="12" fill="#e9cfd6" opacity=".6"/>
${piece(product.category, product.stone)}
</svg>`;
}
