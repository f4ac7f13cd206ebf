// How long pieces take, from one source (data/lead-times.json): the store's product and custom design pages, the FAQ
// articles (which name them as {readyToShip} and {madeToOrder}) and the concierge's answers all read it.
import leadTimes from '../../../data/lead-times.json' with { type: 'json' };
import type { FaqArticle } from '../types';

export interface LeadTimes {
  /** Ready-to-ship pieces leave the studio within this ("1–2 business days"). */
  readyToShip: string;
  /** Made-to-order and custom pieces take this ("3–4 weeks"). */
  madeToOrder: string;
}

export const LEAD_TIMES: LeadTimes = leadTimes;

const PLACEHOLDER = /\{(\w+)\}/g;
const isLeadTime = (name: string): name is keyof LeadTimes => Object.hasOwn(LEAD_TIMES, name);

/** The `{name}`s in a text that are not lead times (a shop's article with a typo must stop start-up, not reach a customer). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !isLeadTime(name));
}

/** The article with its {readyToShip} and {madeToOrder} replaced by the shop's lead times. */
export function fillLeadTimes(article: FaqArticle, times: LeadTimes = LEAD_TIMES): FaqArticle {
  return { ...article, body: article.body.replace(PLACEHOLDER, (whole, name: string) => (isLeadTime(name) ? times[name] : whole)) };
}
