// The few emoji of the brand voice (✨ 💖) drawn as inline SVG: without an emoji font they would show as boxes.
// They are decoration (aria-hidden): the words around them carry the meaning.
import type { ComponentChildren } from 'preact';

const SPARKLES = 'M12 2l1.9 5.6L19.5 9.5l-5.6 1.9L12 17l-1.9-5.6L4.5 9.5l5.6-1.9z M19 14l.9 2.1L22 17l-2.1.9L19 20l-.9-2.1L16 17l2.1-.9z M5 2.5l.6 1.4 1.4.6-1.4.6L5 6.5l-.6-1.4L3 4.5l1.4-.6z';
const HEART = 'M12 21s-7.5-4.6-9.6-9.3C.9 8.2 3 4.5 6.6 4.5c2.1 0 3.9 1.1 5.4 3 1.5-1.9 3.3-3 5.4-3 3.6 0 5.7 3.7 4.2 7.2C19.5 16.4 12 21 12 21z';

const GLYPHS: Record<string, { path: string; name: string }> = {
  '\u2728': { path: SPARKLES, name: 'sparkles' },
  '\u{1F496}': { path: HEART, name: 'heart' },
};
/** The emoji, with or without the emoji-style variation selector. */
const EMOJI = /(\u2728|\u{1F496})\uFE0F?/u;

export function Glyph({ name }: { name: 'sparkles' | 'heart' }) {
  const glyph = Object.values(GLYPHS).find((candidate) => candidate.name === name)!;
  return (
    <svg class={`glyph glyph-${name}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={glyph.path} />
    </svg>
  );
}

/** The words alone, for the live region: a screen reader would read "sparkles" out loud. */
export const withoutGlyphs = (text: string): string => text.split(EMOJI).filter((_, index) => index % 2 === 0).join('').replace(/ {2,}/g, ' ');

/** Text with the brand's emoji swapped for their SVG; everything else stays text (never HTML). */
export function withGlyphs(text: string): ComponentChildren[] {
  return text.split(EMOJI).map((part, index) => (index % 2 === 1 ? <Glyph key={index} name={GLYPHS[part]!.name as 'sparkles' | 'heart'} /> : part));
}
