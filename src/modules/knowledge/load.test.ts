import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index';
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
  ])('refuses a bad file with a message naming KNOWLEDGE_BASE_FILE (%#)', (content, message) => {
    expect(() => loadKnowledgeBase(write(content))).toThrow(/KNOWLEDGE_BASE_FILE/);
    expect(() => loadKnowledgeBase(write(content))).toThrow(message);
  });

  it('the shipped knowledge base passes its own checks', () => {
    expect(loadKnowledgeBase(path.join('data', 'knowledge-base.json')).length).toBeGreaterThanOrEqual(8);
  });
});
