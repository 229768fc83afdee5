/**
 * Multinomial logistic regression over sparse binary features, trained with seeded SGD: the same examples
 * always give the same model. Small enough to train at start-up.
 */
import { FeatureIndex } from './feature-index.ts';
import { IdBuffer } from './id-buffer.ts';

export interface TrainingRow<L extends string> {
  /** A feature named more than once counts once. */
  readonly features: readonly string[];
  readonly label: L;
}

/** A training row as ids of a FeatureIndex, distinct and ascending. */
export interface EncodedRow<L extends string> {
  readonly ids: Int32Array;
  readonly label: L;
}

/** Rows of named features as ids of one index. */
export function encodeRows<L extends string>(rows: readonly TrainingRow<L>[]): { index: FeatureIndex; rows: EncodedRow<L>[] } {
  const index = new FeatureIndex();
  const encoded = rows.map((row) => ({
    ids: FeatureIndex.distinct(Int32Array.from(row.features, (f) => index.idOf(f))),
    label: row.label,
  }));
  return { index, rows: encoded };
}

export interface TextModel<L extends string> {
  readonly labels: readonly L[];
  /** Probability of each label, in the order of `labels`. */
  predict(features: readonly string[]): number[];
  /**
   * The probabilities for the features `emit` hands to its visitor (a repeated feature counts once), as predict gives
   * them for the distinct features in order; in a buffer the model reuses, so read it before the next call.
   */
  predictEach?(emit: (visit: (feature: string) => void) => void): Float64Array;
  /** What restores the model without training (`textModelFromJSON`); absent when a model cannot be saved. */
  toJSON?(): SavedTextModel;
}

/**
 * A trained logistic model as JSON: its features in id order and its weights as base64 of little-endian float64s, or
 * as the float64s themselves (as a saved model file holds them).
 */
export interface SavedTextModel {
  readonly kind: 'logistic';
  readonly labels: readonly string[];
  readonly features: readonly string[];
  readonly weights: string | Float64Array;
  readonly bias: string;
}

/** A saved model's weights as float64s. */
export function weightsOf(saved: SavedTextModel): Float64Array {
  return typeof saved.weights === 'string' ? float64sOf(saved.weights) : saved.weights;
}

export interface LogisticOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly seed?: number;
}

/** mulberry32: a tiny seeded generator, so training is deterministic. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** The probability of a row's own label above which training leaves the row be (every gradient is below 1e-3). */
const SETTLED = 0.999;
/** Above this a row skips the next epoch altogether. */
const RESTED = 0.9999;

export function trainLogistic<L extends string>(
  labels: readonly L[],
  rows: readonly TrainingRow<L>[],
  options: LogisticOptions = {},
): TextModel<L> {
  const { index, rows: encoded } = encodeRows(rows);
  return trainLogisticOnIds(labels, index, encoded, options);
}

/** trainLogistic for rows already encoded with `index`. */
export function trainLogisticOnIds<L extends string>(
  labels: readonly L[],
  index: FeatureIndex,
  rows: readonly EncodedRow<L>[],
  options: LogisticOptions = {},
): TextModel<L> {
  const { epochs = 5, learningRate = 0.9, l2 = 1e-5, seed = 12 } = options;
  const encoded = rows.map((row) => ({ ids: row.ids, label: labels.indexOf(row.label) }));
  const k = labels.length;
  const weights = new Float64Array(index.size * k);
  const bias = new Float64Array(k);
  const probs = new Float64Array(k);
  const steps = new Float64Array(k);
  const random = seeded(seed);
  const order = encoded.map((_, i) => i);
  const restUntil = new Uint8Array(encoded.length);
  const predictInto = predictor(weights, bias, probs);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swapped = order[i]!;
      order[i] = order[j]!;
      order[j] = swapped;
    }
    // A fast-falling rate: the last epochs refine rather than move the weights, so the model hardly depends on the
    // shuffle's seed (on dev, six seeds spread 0.3 points instead of 0.6 with a slow fall, at the same mean).
    const rate = learningRate / (1 + epoch * 1.5);
    const decay = 1 - rate * l2;
    const last = epoch === epochs - 1;
    for (const at of order) {
      const { ids, label } = encoded[at]!;
      if (ids.length === 0) continue;
      // A row settled far beyond doubt in the epoch before sits this one out (every row is seen in the last epoch).
      if (!last && restUntil[at]! > epoch) continue;
      predictInto(ids, ids.length);
      // A row the model already gets right with near certainty would move no weight by much: skip its update.
      if (probs[label]! > SETTLED) {
        if (probs[label]! > RESTED) restUntil[at] = epoch + 2;
        continue;
      }
      const scale = rate / Math.sqrt(ids.length);
      for (let c = 0; c < k; c++) {
        const gradient = probs[c]! - (c === label ? 1 : 0);
        bias[c] = bias[c]! - rate * gradient * 0.1;
        steps[c] = scale * gradient;
      }
      // Feature-major, so each feature's k weights are updated side by side in memory.
      for (let j = 0; j < ids.length; j++) {
        const row = ids[j]! * k;
        for (let c = 0; c < k; c++) weights[row + c] = weights[row + c]! * decay - steps[c]!;
      }
    }
  }
  withoutNegligibleFeatures(weights, k);
  return logisticModel(labels, index, weights, bias);
}

/**
 * A feature none of whose weights reaches this moves no probability by more than a rounding: on train and dev, dropping
 * the third of the features below it left every label the same and moved no probability by more than 0.0014.
 */
const NEGLIGIBLE_WEIGHT = 1e-3;

/** Zeroes the rows of negligible features, so the saved model leaves them out (a smaller file, a faster start-up). */
function withoutNegligibleFeatures(weights: Float64Array, k: number): void {
  for (let row = 0; row < weights.length; row += k) {
    let largest = 0;
    for (let c = 0; c < k; c++) largest = Math.max(largest, Math.abs(weights[row + c]!));
    if (largest < NEGLIGIBLE_WEIGHT) weights.fill(0, row, row + k);
  }
}

/** Scores into `probs`, then softmax in place. */
function predictor(weights: Float64Array, bias: Float64Array, probs: Float64Array): (ids: Int32Array, count: number) => void {
  const k = bias.length;
  return (ids, count) => {
    for (let c = 0; c < k; c++) probs[c] = bias[c]!;
    for (let j = 0; j < count; j++) {
      const row = ids[j]! * k;
      for (let c = 0; c < k; c++) probs[c] = probs[c]! + weights[row + c]!;
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (probs[c]! > max) max = probs[c]!;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      probs[c] = Math.exp(probs[c]! - max);
      sum += probs[c]!;
    }
    for (let c = 0; c < k; c++) probs[c] = probs[c]! / sum;
  };
}

function logisticModel<L extends string>(
  labels: readonly L[],
  index: FeatureIndex,
  weights: Float64Array,
  bias: Float64Array,
): TextModel<L> {
  const probs = new Float64Array(labels.length);
  const predictInto = predictor(weights, bias, probs);
  // The ids of the features being scored, and for each feature id the call that last took it: no list per question.
  const ids = new IdBuffer();
  const takenIn = new Uint32Array(index.size);
  let call = 0;
  const visitOnce = (feature: string) => {
    const id = index.find(feature);
    if (id === undefined || takenIn[id] === call) return;
    takenIn[id] = call;
    ids.push(id);
  };
  return {
    labels,
    predict(features) {
      ids.clear();
      for (const feature of features) {
        const id = index.find(feature);
        if (id !== undefined) ids.push(id);
      }
      predictInto(ids.ids, ids.count);
      return Array.from(probs);
    },
    predictEach(emit) {
      if (call === 0xffffffff) {
        takenIn.fill(0);
        call = 0;
      }
      call++;
      ids.clear();
      emit(visitOnce);
      predictInto(ids.ids, ids.count);
      return probs;
    },
    toJSON: () => savedWithoutZeroFeatures(labels, index.names(), weights, bias),
  };
}

/** A feature whose weights are all zero scores nothing: it is left out of what is saved. */
function savedWithoutZeroFeatures(
  labels: readonly string[],
  names: readonly string[],
  weights: Float64Array,
  bias: Float64Array,
): SavedTextModel {
  const k = labels.length;
  const kept: number[] = [];
  for (let id = 0; id < names.length; id++) if (weights.subarray(id * k, id * k + k).some((w) => w !== 0)) kept.push(id);
  const keptWeights = new Float64Array(kept.length * k);
  kept.forEach((id, at) => keptWeights.set(weights.subarray(id * k, id * k + k), at * k));
  return { kind: 'logistic', labels, features: kept.map((id) => names[id]!), weights: base64Of(keptWeights), bias: base64Of(bias) };
}

function base64Of(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function float64sOf(base64: string): Float64Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Restores a saved model; throws when it does not fit the labels it is asked for. */
export function textModelFromJSON<L extends string>(labels: readonly L[], saved: SavedTextModel): TextModel<L> {
  const weights = weightsOf(saved);
  const bias = float64sOf(saved.bias);
  if (saved.kind !== 'logistic' || saved.labels.join() !== labels.join() || bias.length !== labels.length)
    throw new Error('the saved model was trained for other labels');
  if (weights.length !== saved.features.length * labels.length) throw new Error('the saved model has the wrong number of weights');
  return logisticModel(labels, FeatureIndex.of(saved.features), weights, bias);
}

/** Multinomial naive Bayes with add-one smoothing: the plain baseline the logistic model is measured against. */
export function trainNaiveBayes<L extends string>(labels: readonly L[], rows: readonly TrainingRow<L>[]): TextModel<L> {
  const { index, rows: encoded } = encodeRows(rows);
  return trainNaiveBayesOnIds(labels, index, encoded);
}

/** trainNaiveBayes for rows already encoded with `index`. */
export function trainNaiveBayesOnIds<L extends string>(
  labels: readonly L[],
  index: FeatureIndex,
  rows: readonly EncodedRow<L>[],
): TextModel<L> {
  const counts = labels.map(() => new Map<number, number>());
  const totals = labels.map(() => 0);
  const docs = labels.map(() => 0);
  for (const row of rows) {
    const c = labels.indexOf(row.label);
    docs[c]!++;
    for (const id of row.ids) {
      counts[c]!.set(id, (counts[c]!.get(id) ?? 0) + 1);
      totals[c]! += 1;
    }
  }
  return {
    labels,
    predict(features) {
      const known = features.map((f) => index.find(f)).filter((id) => id !== undefined);
      return softmax(
        labels.map(
          (_, c) =>
            Math.log((docs[c]! + 1) / (rows.length + labels.length)) +
            known.reduce((s, id) => s + Math.log(((counts[c]!.get(id) ?? 0) + 1) / (totals[c]! + index.size)), 0),
        ),
      );
    },
  };
}
