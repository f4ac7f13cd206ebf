// The concierge's answer to a rating: thanks; and when the rating is low or the comment tells of a problem, an
// apology, what happens to the comment, and a stylist who can pick it up (never "glad we could help").
import { isComplaint } from '../nlu/complaint';
import type { ReplyBlock } from '../types';
import { text } from './common';

export interface RatingReceived {
  rating: number;
  /** As kept (trimmed, card numbers masked), or null. */
  comment: string | null;
  /** The session had a rating already and this one replaced it. */
  changed: boolean;
}

/** Ratings at or below this are unhappy whatever the comment says. */
export const LOW_RATING_MAX = 2;

export function ratingThanks({ rating, comment, changed }: RatingReceived): ReplyBlock[] {
  const lead = changed ? `Thank you, we updated your rating to ${rating} of 5.` : `Thank you for rating us ${rating} of 5.`;
  const complaint = isComplaint(comment);
  if (rating >= 4 && !complaint) return [text(`${lead} We are glad we could help.`)];
  const stylist: ReplyBlock = { type: 'form', form: 'stylist', prefill: comment ? { message: comment } : {} };
  if (rating > LOW_RATING_MAX && !complaint) return [text(`${lead} We are sorry it was not better. A stylist can pick this up with you personally.`), stylist];
  const sorry = rating <= LOW_RATING_MAX ? "I'm sorry this chat let you down." : "I'm sorry we fell short there.";
  const kept = comment ? ' Your comment goes to the GlowGlitch team with your rating.' : '';
  return [text(`${lead} ${sorry}${kept} If you would like a person to put it right, a stylist can pick this up with you: send the form below and they will reply by email.`), stylist];
}
