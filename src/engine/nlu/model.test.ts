// The shipped model is the one the corpus trains, and survives its JSON round trip.
import { describe, expect, it } from 'vitest';
import shippedModel from '../../../data/nlu/model.json' with { type: 'json' };
import { DEFAULT_TRAINING_EXAMPLES } from './corpus';
import { loadIntentModel, serializeIntentModel, type SerializedIntentModel } from './model';
import { createUnderstander, trainUnderstanding } from './understand';

const shipped = shippedModel as unknown as SerializedIntentModel;

describe('data/nlu/model.json', () => {
  const retrained = serializeIntentModel(trainUnderstanding(DEFAULT_TRAINING_EXAMPLES));

  it('is the model the current corpus and code train (run `npx aurora nlu train` after changing either)', () => {
    expect(shipped.features).toEqual(retrained.features);
    expect(shipped.vocabulary).toEqual(retrained.vocabulary);
    const a = loadIntentModel(shipped).classifier.weights;
    const b = loadIntentModel(retrained).classifier.weights;
    let largestGap = 0;
    for (let i = 0; i < a.length; i++) largestGap = Math.max(largestGap, Math.abs(a[i]! - b[i]!));
    expect(largestGap).toBeLessThan(1e-3);
  });

  it('round-trips through its JSON form without changing a prediction', () => {
    const model = trainUnderstanding(DEFAULT_TRAINING_EXAMPLES.slice(0, 600));
    const original = createUnderstander(model);
    const reloaded = createUnderstander(loadIntentModel(JSON.parse(JSON.stringify(serializeIntentModel(model))) as SerializedIntentModel));
    for (const text of ['show me rings', 'where is my order', 'what is the weather', 'can u hold it', 'bye']) {
      expect(reloaded(text).intent).toBe(original(text).intent);
      expect(reloaded(text).confidence).toBeCloseTo(original(text).confidence, 2);
    }
  });

  it('refuses a model trained for other intents', () => {
    expect(() => loadIntentModel({ ...shipped, intents: ['a', 'b'] })).toThrow(/aurora nlu train/);
  });
});
