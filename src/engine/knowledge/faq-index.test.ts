// FAQ retrieval picks the right article, or none, and the knowledge base agrees with the guide.
import { describe, expect, it } from 'vitest';
import knowledgeBase from '../../../data/knowledge-base.json' with { type: 'json' };
import type { FaqArticle } from '../types';
import { createFaqIndex } from './faq-index';

const index = createFaqIndex(knowledgeBase as FaqArticle[]);

describe('FAQ retrieval', () => {
  it.each([
    ['how long does shipping take', 'shipping'],
    ['do you ship to canada', 'international-shipping'],
    ['can i pay with apple pay', 'payment-methods'],
    ["what's your return policy", 'returns-policy'],
    ['is there a warranty on rings', 'warranty'],
    ['how do i measure my ring size', 'ring-sizing'],
    ['how do i clean silver', 'jewelry-care'],
    ['what does ready to ship mean', 'ready-to-ship'],
    ['where is your showroom', 'showroom'],
    ['are your diamonds conflict free', 'conflict-free'],
    ['do you offer gift wrapping', 'gift-wrapping'],
    ['is it solid gold or plated', 'materials'],
    ['how long is my shortlist kept', 'shortlist-and-cart'],
    ['warrenty info', 'warranty'],
    ['what are your prices like', 'prices'],
    ['i lost my order number', 'order-number'],
    ['how do i check out', 'buying'],
  ])('%s → %s', (question, articleId) => {
    expect(index.bestMatch(question)?.article.id).toBe(articleId);
  });

  it('answers nothing rather than something unrelated', () => {
    expect(index.bestMatch('what is the meaning of life')).toBeUndefined();
    expect(index.bestMatch('')).toBeUndefined();
  });

  it('the knowledge base matches the guide: 14 days to ship a return, 30-minute cart, 30-day shortlist', () => {
    const text = JSON.stringify(knowledgeBase);
    expect(text).toContain('within 14 days');
    expect(text).toContain('30 minutes');
    expect(text).toContain('30 days');
  });

  it('every article has an id, a title and a body', () => {
    for (const article of knowledgeBase as FaqArticle[]) {
      expect(article.id).toMatch(/^[a-z0-9-]+$/);
      expect(article.title.length).toBeGreaterThan(0);
      expect(article.body.length).toBeGreaterThan(0);
    }
  });
});
