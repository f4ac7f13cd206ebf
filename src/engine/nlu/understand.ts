// understand(text): intent (learned classifier with an out-of-scope class and threshold), entities, triggers, cues.
import { INTENTS, type EngineContext, type Intent, type Understanding } from '../types';
import { trainLinearClassifier, type LinearClassifier, type TrainingOptions } from './classifier';
import { detectCues } from './cues';
import { featuresOf } from './features';
import { keywordHints } from './intent-keywords';
import { DOMAIN_WORDS } from './lexicon';
import { prepareMessage, type PreparedMessage } from './prepare';
import { createSpellingCorrector, type SpellingCorrector } from './spelling';
import { detectTriggers } from './triggers';

export interface TrainingExample {
  text: string;
  intent: Intent;
}

export interface UnderstanderOptions {
  /** Below this probability the top in-scope intent is not acted on: the answer is `out_of_scope`. */
  threshold?: number;
  training?: Partial<TrainingOptions>;
}

export type Understand = (text: string, context?: EngineContext) => Understanding;

const OUT_OF_SCOPE = INTENTS.indexOf('out_of_scope');
const DEFAULT_THRESHOLD = 0.45;

function buildSpeller(examples: TrainingExample[]): SpellingCorrector {
  const counts = new Map<string, number>();
  for (const { text } of examples) {
    for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Typos are corrected only towards words seen a few times, and towards the shop's own vocabulary.
  // A word seen once may itself be a typo written into the corpus on purpose, so it is not "known".
  const targets = new Map([...counts].filter(([, count]) => count >= 3));
  for (const word of DOMAIN_WORDS) targets.set(word, (targets.get(word) ?? 0) + 100);
  const known = [...counts].filter(([, count]) => count >= 2).map(([word]) => word);
  return createSpellingCorrector(known, targets);
}

function classifierFeatures(message: PreparedMessage): string[] {
  return featuresOf(message.rest, [...message.signals, ...keywordHints(message.clean)]);
}

// Class weights: the out-of-scope class is large and varied; weighting it down keeps shop intents sharp.
function classWeights(examples: TrainingExample[]): number[] {
  const counts = INTENTS.map((intent) => examples.filter((example) => example.intent === intent).length);
  const typical = [...counts].sort((a, b) => a - b)[Math.floor(counts.length / 2)]!;
  return counts.map((count) => (count === 0 ? 1 : Math.sqrt(typical / count)));
}

export function createUnderstander(examples: TrainingExample[], options: UnderstanderOptions = {}): Understand {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const speller = buildSpeller(examples);
  const model: LinearClassifier = trainLinearClassifier(
    examples.map(({ text, intent }) => ({ features: classifierFeatures(prepareMessage(text, speller)), label: INTENTS.indexOf(intent) })),
    INTENTS.length,
    { classWeights: classWeights(examples), ...options.training },
  );

  return (text, context = {}) => {
    const message = prepareMessage(text, speller);
    const probabilities = model.probabilities(classifierFeatures(message));
    let best = 0;
    for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[best]!) best = k;
    const topIntent = INTENTS[best]!;
    const topConfidence = probabilities[best]!;
    const cues = detectCues(message.clean);
    const triggers = detectTriggers(message.clean, context.customerTier);
    if (isComplexResize(message, topIntent) && !triggers.stylist.includes('complex_resizing')) triggers.stylist.push('complex_resizing');
    const base = { text: message.masked, entities: message.entities, triggers, cues };
    // An order number on its own is unmistakable, whatever the classifier thinks of so few words.
    if (message.entities.orderNumber && message.rest.replace(/__\w+__|\W|order|number|my|is|it/g, '').length === 0) {
      return { ...base, intent: 'order_tracking', confidence: 0.99 };
    }
    if (best !== OUT_OF_SCOPE && topConfidence < threshold) {
      return { ...base, intent: 'out_of_scope', confidence: round(1 - topConfidence), guess: { intent: topIntent, confidence: round(topConfidence) } };
    }
    return { ...base, intent: topIntent, confidence: round(topConfidence) };
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

const RESIZE_WORDS = /\bresiz|\bsize (?:up|down)|\btoo (?:big|small|tight|loose)\b/;
// The guide's "complex resizing": several sizes at once, or a jump of more than two sizes.
const MAX_SIMPLE_SIZE_STEP = 2;

function isComplexResize(message: PreparedMessage, intent: Intent): boolean {
  if (intent !== 'resize_request' && !RESIZE_WORDS.test(message.clean)) return false;
  const { sizes, from, ringSize } = message.sizes;
  if (from !== undefined && ringSize !== undefined) return Math.abs(ringSize - from) > MAX_SIMPLE_SIZE_STEP;
  return new Set(sizes).size >= 2;
}
