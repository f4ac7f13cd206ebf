// Scores an understander on labelled examples: accuracy, macro-F1, per-intent precision/recall, confusions.
import { INTENTS, type Intent } from '../types';

export interface IntentScore {
  intent: Intent;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  total: number;
  accuracy: number;
  macroF1: number;
  outOfScopeRecall: number | undefined;
  perIntent: IntentScore[];
  /** Most frequent (expected → predicted) mistakes, with one example text each. */
  confusions: { expected: Intent; predicted: Intent; count: number; example: string }[];
}

export function evaluate(examples: { text: string; intent: Intent }[], predict: (text: string) => Intent): EvaluationReport {
  const stats = new Map(INTENTS.map((intent) => [intent, { truePositive: 0, predicted: 0, actual: 0 }]));
  const confusions = new Map<string, { expected: Intent; predicted: Intent; count: number; example: string }>();
  let correct = 0;
  for (const { text, intent } of examples) {
    const predicted = predict(text);
    stats.get(intent)!.actual++;
    stats.get(predicted)!.predicted++;
    if (predicted === intent) {
      correct++;
      stats.get(intent)!.truePositive++;
      continue;
    }
    const key = `${intent}>${predicted}`;
    const entry = confusions.get(key) ?? { expected: intent, predicted, count: 0, example: text };
    entry.count++;
    confusions.set(key, entry);
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const perIntent = INTENTS.filter((intent) => stats.get(intent)!.actual > 0).map((intent) => {
    const { truePositive, predicted, actual } = stats.get(intent)!;
    const precision = ratio(truePositive, predicted);
    const recall = ratio(truePositive, actual);
    return { intent, support: actual, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  });
  const outOfScope = perIntent.find((score) => score.intent === 'out_of_scope');
  return {
    total: examples.length,
    accuracy: ratio(correct, examples.length),
    macroF1: ratio(perIntent.reduce((sum, score) => sum + score.f1, 0), perIntent.length),
    outOfScopeRecall: outOfScope?.recall,
    perIntent,
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count),
  };
}
