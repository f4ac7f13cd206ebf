import { describe, expect, it } from 'vitest';
import knowledgeBase from '../../../data/knowledge-base.json';
import { createEngine } from '../index';
import type { FaqArticle, ReplyBlock } from '../types';
import { articleBlocks } from './common';

// What the widget does itself (track an order, return or resize, a stylist) opens there, never the contact page.
const WIDGET_FLOW = /track|order status|return|resize|stylist/i;
const pageLinks = (blocks: ReplyBlock[]) => blocks.flatMap((block) => (block.type === 'links' ? block.links : []));

describe('links to what the widget does itself', () => {
  const engine = createEngine();

  it.each((knowledgeBase as FaqArticle[]).map((article) => [article.id, article] as const))('the %s answer sends no widget flow to a page', (_id, article) => {
    expect(pageLinks(articleBlocks(article)).filter((link) => WIDGET_FLOW.test(link.label))).toEqual([]);
  });

  it('the shipping answer offers order tracking as a button that asks for it in the chat', () => {
    const decision = engine.decide(engine.initialState(), engine.understand('how long does shipping take?'));
    const blocks = decision.actions.flatMap((action) => (action.type === 'reply' ? action.blocks : []));
    expect(blocks).toContainEqual({ type: 'quick_replies', options: [{ label: 'Track my order', text: 'Track my order' }] });
    const asked = engine.decide(decision.state, engine.understand('Track my order'));
    expect(asked.actions.flatMap((action) => (action.type === 'reply' ? action.blocks : []))).toContainEqual(expect.objectContaining({ type: 'form', form: 'order_lookup' }));
  });

  it('the something-went-wrong reply tracks orders in the chat and keeps the contact page for contact', () => {
    const blocks = engine.replies.somethingWentWrong();
    expect(blocks).toContainEqual({ type: 'quick_replies', options: [{ label: 'Track my order', text: 'Track my order' }] });
    expect(pageLinks(blocks)).toEqual([
      { label: 'Browse the catalog', href: '/catalog' },
      { label: 'Contact our support team', href: '/contact' },
    ]);
  });
});
