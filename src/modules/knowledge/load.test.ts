import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, LEAD_TIMES } from '../../engine/index';
import { loadKnowledgeBase } from './load';

const write = (content: unknown) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-')), 'kb.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('the shop-edited knowledge base', () => {
  it('answers from the shop’s own articles', () => {
    const file = write([{ id: 'gift-wrap', title: 'Gift wrapping', body: 'Every order ships in our lilac gift box with a handwritten card, free.', keywords: ['gift', 'wrap', 'box'] }]);
    const engine = createEngine({ knowledgeBase: loadKnowledgeBase(file) });
    const understanding = engine.understand('do you gift wrap?');
    const decision = engine.decide(engine.initialState(), understanding);
    const text = JSON.stringify(decision.actions);
    expect(text).toContain('lilac gift box');
  });

  it.each([
    ['not json', /could not be read as JSON/],
    [[], /JSON array/],
    [[{ id: 'Bad Id', title: 't', body: 'b' }], /"id"/],
    [[{ id: 'a', title: 't', body: 'b' }, { id: 'a', title: 't', body: 'b' }], /twice/],
    [[{ id: 'a', title: '', body: 'b' }], /"title"/],
    [[{ id: 'a', title: 't', body: 'b', links: [{ label: 'x', href: 'javascript:alert(1)' }] }], /"links"/],
    [[{ id: 'a', title: 't', body: 'b', opens: ['checkout'] }], /"opens"/],
    [[{ id: 'a', title: 't', body: 'b', opens: 'order' }], /"opens"/],
    [[{ id: 'a', title: 't', body: 'Custom pieces take {madeToOrderTime}.' }], /names \{madeToOrderTime\}/],
  ])('refuses a bad file with a message naming KNOWLEDGE_BASE_FILE (%#)', (content, message) => {
    expect(() => loadKnowledgeBase(write(content))).toThrow(/KNOWLEDGE_BASE_FILE/);
    expect(() => loadKnowledgeBase(write(content))).toThrow(message);
  });

  it('offers an article’s widget flows as buttons that open them in the chat, not as a page link', () => {
    const file = write([{ id: 'delivery', title: 'Delivery', body: 'Parcels leave within two days and are tracked.', keywords: ['delivery', 'shipping'], opens: ['order', 'stylist'] }]);
    const engine = createEngine({ knowledgeBase: loadKnowledgeBase(file) });
    const decision = engine.decide(engine.initialState(), engine.understand('how long does delivery take?'));
    const blocks = decision.actions.flatMap((action) => (action.type === 'reply' ? action.blocks : []));
    expect(blocks).toContainEqual({ type: 'quick_replies', options: [{ label: 'Track my order', text: 'Track my order' }, { label: 'Talk to a stylist', text: 'Talk to a stylist' }] });
    expect(blocks.some((block) => block.type === 'links')).toBe(false);
  });

  it('states lead times from data/lead-times.json, the one source the store pages use too', () => {
    const file = write([{ id: 'timing', title: 'How long pieces take', body: 'Ready-to-ship pieces leave within {readyToShip}; made-to-order pieces take {madeToOrder}.', keywords: ['delivery', 'shipping'] }]);
    const engine = createEngine({ knowledgeBase: loadKnowledgeBase(file) });
    const decision = engine.decide(engine.initialState(), engine.understand('how long does delivery take?'));
    const text = JSON.stringify(decision.actions);
    expect(text).toContain(`Ready-to-ship pieces leave within ${LEAD_TIMES.readyToShip}; made-to-order pieces take ${LEAD_TIMES.madeToOrder}.`);
    expect(text).not.toMatch(/\{(readyToShip|madeToOrder)\}/);
  });

  it('the shipped knowledge base passes its own checks', () => {
    expect(loadKnowledgeBase(path.join('data', 'knowledge-base.json')).length).toBeGreaterThanOrEqual(8);
  });
});
