// Intents on phrasings written for the tests (not in the corpus), and the cues beside them.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import type { Intent } from '../types';

const engine = createEngine();

// Phrasings written for these tests, not copied from the training corpus.
const EXAMPLES: Record<Intent, string[]> = {
  product_search: ['rose gold hoops under 300', 'show me rings', 'got any emerald pendants?', 'i need a present for my fiancee, maybe a bracelet'],
  order_tracking: ["where's my stuff", 'has my parcel been sent out yet', 'GG-104233', 'when does my necklace arrive'],
  return_request: ['i want to send these earrings back', 'the chain arrived broken, i want my money back', 'how do i return my order'],
  resize_request: ['my ring is too tight', 'can you resize my band to a 7', 'the ring keeps slipping off, need it smaller'],
  stylist_escalation: ['talk to a stylist', 'can i speak to a real person please', 'get me a human'],
  customization: ['can i get this ring in platinum with a bigger stone', 'i want to design my own engagement ring', 'can you engrave our wedding date'],
  reservation: ['can u hold this till friday', 'please reserve this necklace for me', 'can you keep it aside until payday'],
  order_change: ['i need to change the shipping address on my order', 'cancel my order please', 'when will my refund come through'],
  shortlist: ['save the second one', 'add this to my shortlist', "what's on my wishlist"],
  faq: ['what is your return policy', 'do you ship to canada', 'how do i clean my silver ring', 'are your diamonds conflict free'],
  greeting: ['hi', 'hello there', 'good morning!'],
  thanks: ['thanks so much', 'thank you, that helped', 'cheers'],
  goodbye: ['bye', "that's all, see you", 'have a nice day'],
  out_of_scope: ["what's the weather tomorrow", 'tell me a joke', 'book me a flight to rome', 'how do i fix my car', 'what is the capital of peru'],
};

describe('understand: intents', () => {
  for (const [intent, texts] of Object.entries(EXAMPLES)) {
    it.each(texts)(`${intent}: %s`, (text) => {
      expect(engine.understand(text).intent).toBe(intent);
    });
  }

  it('answers out_of_scope, with its best guess, when it is unsure', () => {
    const unsure = engine.understand('purple elephant grammar');
    expect(unsure.intent).toBe('out_of_scope');
  });

  it('reports a confidence between 0 and 1 and the masked text', () => {
    const result = engine.understand('my card is 4242 4242 4242 4242, can i pay here');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.text).toBe('my card is **** **** **** 4242, can i pay here');
  });

  it('is deterministic across engines', () => {
    const other = createEngine();
    for (const text of ['show me rings', 'where is my order', 'hello']) {
      expect(other.understand(text)).toEqual(engine.understand(text));
    }
  });
});

describe('understand: cues', () => {
  it.each([
    ['cheaper', { refinement: 'cheaper' }],
    ['show more', { refinement: 'more' }],
    ['something fancier', { refinement: 'pricier' }],
    ['save the second one', { ordinal: 1, shortlistOp: 'add' }],
    ['remove the last one from my shortlist', { ordinal: -1, shortlistOp: 'remove' }],
    ['what did i save', { shortlistOp: 'list' }],
    ['does this come in white gold', { refersToCurrent: true }],
    ['i need to talk to someone urgently', { urgent: true }],
    ['can i upload a photo of a ring i like', { limitation: 'image_upload' }],
  ])('%s', (text, cues) => {
    expect(engine.understand(text).cues).toMatchObject(cues);
  });
});
