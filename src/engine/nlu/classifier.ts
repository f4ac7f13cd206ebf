// Multinomial logistic regression over sparse binary features, trained with AdaGrad in a few hundred ms.

export interface LabelledFeatures {
  features: string[];
  label: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Per-class multiplier on the loss, e.g. to keep a large out-of-scope class from drowning the others. */
  classWeights?: number[];
  /** Features seen in fewer examples than this are dropped: they memorise rather than generalise. */
  minFeatureCount: number;
  /** An example whose error for a class is below this teaches it nothing worth the time. */
  minError: number;
  /** Independent runs (different shuffles) whose weights are averaged. */
  runs: number;
}

export interface LinearClassifier {
  readonly classCount: number;
  /** Feature names, in weight-row order. */
  readonly features: readonly string[];
  /** Feature-major weights (`features.length + 1` rows of `classCount`); the last row is the bias. */
  readonly weights: Float64Array;
  /** Class probabilities (softmax), in label order. */
  probabilities(features: readonly string[]): Float64Array;
}

const DEFAULTS: TrainingOptions = { epochs: 6, learningRate: 0.7, l2: 1e-6, seed: 7, minFeatureCount: 2, minError: 0.01, runs: 5 };

// A small seeded generator so training, and so every prediction, is the same on every start.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmaxInto(scores: Float64Array): void {
  let max = -Infinity;
  for (const score of scores) max = Math.max(max, score);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k]! - max);
    sum += scores[k]!;
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
}

interface EncodedExample {
  ids: Int32Array;
  scale: number;
  label: number;
}

export function trainLinearClassifier(examples: LabelledFeatures[], classCount: number, options: Partial<TrainingOptions> = {}): LinearClassifier {
  const settings = { ...DEFAULTS, ...options };
  const counts = new Map<string, number>();
  for (const { features } of examples) for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const featureIndex = new Map<string, number>();
  for (const [feature, count] of counts) if (count >= settings.minFeatureCount) featureIndex.set(feature, featureIndex.size);
  const encoded = examples.map(({ features, label }) => ({
    ids: Int32Array.from(features.flatMap((feature) => featureIndex.get(feature) ?? [])),
    // Scale by all the example's features, as at prediction time, where unknown features also count.
    scale: 1 / Math.sqrt(Math.max(1, features.length)),
    label,
  }));
  // Several runs over differently shuffled data, averaged: the model depends less on one shuffle's luck.
  const weights = new Float64Array((featureIndex.size + 1) * classCount);
  for (let run = 0; run < settings.runs; run++) {
    const runWeights = trainOneRun(encoded, featureIndex.size, classCount, { ...settings, seed: settings.seed + run });
    for (let i = 0; i < weights.length; i++) weights[i]! += runWeights[i]! / settings.runs;
  }
  return linearClassifierFromWeights([...featureIndex.keys()], weights, classCount);
}

function trainOneRun(encoded: EncodedExample[], featureCount: number, classCount: number, options: TrainingOptions): Float64Array {
  const { epochs, learningRate, l2, seed, classWeights, minError } = options;
  // Weights are feature-major; the last row is the bias.
  const bias = featureCount;
  const weights = new Float64Array((bias + 1) * classCount);
  const gradientSquares = new Float64Array(weights.length).fill(1e-8);
  const scores = new Float64Array(classCount);
  const random = seededRandom(seed);
  const order = encoded.map((_, i) => i);

  // The run's weights are the average of its later epochs': steadier than the last epoch alone.
  const averaged = new Float64Array(weights.length);
  let snapshots = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { ids, scale, label } = encoded[index]!;
      score(weights, ids, scale, bias, scores);
      softmaxInto(scores);
      const weight = classWeights?.[label] ?? 1;
      for (let k = 0; k < classCount; k++) {
        const error = (scores[k]! - (k === label ? 1 : 0)) * weight;
        // Classes the example already scores right teach nothing: skipping them makes training several times faster.
        if (Math.abs(error) < minError) continue;
        for (let f = 0; f <= ids.length; f++) {
          const row = f < ids.length ? ids[f]! : bias;
          const value = f < ids.length ? scale : 1;
          const slot = row * classCount + k;
          const gradient = error * value + l2 * weights[slot]!;
          gradientSquares[slot]! += gradient * gradient;
          weights[slot]! -= (learningRate * gradient) / Math.sqrt(gradientSquares[slot]!);
        }
      }
    }
    if (epoch >= Math.floor(epochs / 2)) {
      for (let i = 0; i < weights.length; i++) averaged[i]! += weights[i]!;
      snapshots++;
    }
  }
  for (let i = 0; i < averaged.length; i++) averaged[i]! /= snapshots;
  return averaged;
}

/** Rebuilds a trained classifier from its features and weights (e.g. loaded from a model file). */
export function linearClassifierFromWeights(features: readonly string[], weights: Float64Array, classCount: number): LinearClassifier {
  if (weights.length !== (features.length + 1) * classCount) throw new Error('weights do not match the features and classes');
  const featureIndex = new Map(features.map((feature, index) => [feature, index]));
  const bias = features.length;
  return {
    classCount,
    features,
    weights,
    probabilities(messageFeatures) {
      const ids: number[] = [];
      for (const feature of messageFeatures) {
        const id = featureIndex.get(feature);
        if (id !== undefined) ids.push(id);
      }
      const result = new Float64Array(classCount);
      score(weights, ids, ids.length > 0 ? 1 / Math.sqrt(messageFeatures.length) : 0, bias, result);
      softmaxInto(result);
      return result;
    },
  };
}

function score(weights: Float64Array, ids: ArrayLike<number>, scale: number, bias: number, into: Float64Array): void {
  const classCount = into.length;
  for (let k = 0; k < classCount; k++) into[k] = weights[bias * classCount + k]!;
  for (let f = 0; f < ids.length; f++) {
    const base = ids[f]! * classCount;
    for (let k = 0; k < classCount; k++) into[k]! += weights[base + k]! * scale;
  }
}
