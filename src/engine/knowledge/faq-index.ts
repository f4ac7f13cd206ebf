// Picks the knowledge-base article that answers a question, with MiniSearch (BM25, fuzzy and prefix matching).
import MiniSearch from 'minisearch';
import type { FaqArticle } from '../types';

export interface FaqMatch {
  article: FaqArticle;
  score: number;
}

export interface FaqIndex {
  /** The best article for the question, or undefined when nothing answers it well enough. */
  bestMatch(question: string): FaqMatch | undefined;
}

// Words that carry no topic: matching on them would answer "how do I ..." with any article.
const STOP_WORDS = new Set(
  'a an and are as at be by can could do does for from have how i if in is it its me my of on or our so that the their there this to was we what when where which who why will with would you your about any get find know tell need want please just us am'.split(' '),
);

// Below this BM25 score the best article shares too little with the question to be the answer...
const MIN_SCORE = 8;
// ...unless it matches most of the question's topic words (BM25 scores stay low in a small knowledge base).
const MIN_TERM_COVERAGE = 2 / 3;

// "returning", "returned", "returns" all find the returns article (indexed and searched alike).
const stem = (word: string) => (word.length > 5 ? word.replace(/(?:ing|ed|s)$/, '') : word);

function topicWords(question: string): string[] {
  return (question.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => !STOP_WORDS.has(word));
}

export function createFaqIndex(articles: FaqArticle[]): FaqIndex {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const search = new MiniSearch<FaqArticle>({
    fields: ['title', 'keywords', 'body'],
    extractField: (article, field) => {
      const value = article[field as keyof FaqArticle];
      return Array.isArray(value) ? value.join(' ') : value;
    },
    processTerm: (term) => {
      const word = term.toLowerCase();
      return STOP_WORDS.has(word) ? null : stem(word);
    },
    searchOptions: { boost: { title: 2, keywords: 3 }, fuzzy: 0.2, prefix: (term) => term.length > 3 },
  });
  search.addAll(articles);

  return {
    bestMatch(question) {
      const [best] = search.search(question);
      const article = best && byId.get(best.id as string);
      if (!article) return undefined;
      const coverage = best.queryTerms.length / Math.max(1, topicWords(question).length);
      return best.score >= MIN_SCORE || coverage >= MIN_TERM_COVERAGE ? { article, score: best.score } : undefined;
    },
  };
}
