import { describe, expect, it } from 'vitest';
import { isComplaint } from '../nlu/complaint';
import { ratingThanks } from './csat';

const words = (blocks: ReturnType<typeof ratingThanks>) => blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join(' ');
const offersStylist = (blocks: ReturnType<typeof ratingThanks>) => blocks.some((block) => block.type === 'form' && block.form === 'stylist');

describe('the answer to a rating', () => {
  it.each(['could not find hoops', 'Couldn’t find any hoops under $200', 'the chat did not help', 'Useless, kept asking me the same thing', 'still no reply from anyone', 'took forever and gave me the wrong order'])(
    'hears a complaint in %j',
    (comment) => expect(isComplaint(comment)).toBe(true),
  );

  it.each(['Found the perfect ring!', 'Quick and easy.', 'Nothing wrong at all, thank you', 'Couldn’t be happier', 'not bad at all', ''])('hears no complaint in %j', (comment) =>
    expect(isComplaint(comment)).toBe(false),
  );

  it('is glad only when the stars are high and the comment happy', () => {
    const happy = ratingThanks({ rating: 5, comment: 'Found the perfect ring!', changed: false });
    expect(words(happy)).toBe('Thank you for rating us 5 of 5. We are glad we could help.');
    expect(offersStylist(happy)).toBe(false);
  });

  it('answers a complaint under four stars with an apology, what happens to it, and a stylist with the comment filled in', () => {
    const blocks = ratingThanks({ rating: 4, comment: 'could not find hoops', changed: false });
    expect(words(blocks)).not.toMatch(/glad/i);
    expect(words(blocks)).toMatch(/sorry/);
    expect(words(blocks)).toMatch(/Your comment goes to the GlowGlitch team/);
    expect(blocks).toContainEqual({ type: 'form', form: 'stylist', prefill: { message: 'could not find hoops' } });
  });

  it.each([1, 2])('answers %i stars, changed from a higher rating, with an apology and a stylist, never gladness', (rating) => {
    const blocks = ratingThanks({ rating, comment: null, changed: true });
    expect(words(blocks)).toMatch(new RegExp(`^Thank you, we updated your rating to ${rating} of 5\\. I'm sorry this chat let you down\\.`));
    expect(words(blocks)).not.toMatch(/glad|Your comment/);
    expect(offersStylist(blocks)).toBe(true);
  });
});
