import type { KnowledgeBase } from '../../knowledge/index.ts';
import { extractShape } from '../entities/extract.ts';
import { loadExampleFiles, type Example } from './examples.ts';
import { FeatureIndex } from './feature-index.ts';
import { IdBuffer } from './id-buffer.ts';
import { featuresOf, forEachFeature, forEachFeatureId } from './featurize.ts';
import { kbExamples } from './kb-examples.ts';
import { askedSentence } from './asked-sentence.ts';
import { questionText } from '../question-text.ts';
import { LABELS, type Label } from './labels.ts';
import { readSavedModel } from './saved-model.ts';
import {
  textModelFromJSON,
  trainLogisticOnIds,
  trainNaiveBayesOnIds,
  type EncodedRow,
  type LogisticOptions,
  type SavedTextModel,
  type TextModel,
} from './logistic.ts';

export interface IntentGuess {
  readonly label: Label;
  readonly probability: number;
  /** The runner-up, for asking "did you mean…" when the two are close. */
  readonly second: { label: Label; probability: number };
}

export interface IntentModel {
  /**
   * The likeliest labels for a question's shape (and its asked sentence's); with askedWeight > 0, mixed with what the
   * asked sentence alone reads as, in that share.
   */
  guess(shape: string, askedShape?: string, askedWeight?: number): IntentGuess;
  readonly examples: number;
  readonly trainedMs: number;
  /** What `intentModelFromJSON` restores without training; absent when the underlying model cannot be saved. */
  toJSON?(): SavedIntentModel;
}

export interface SavedIntentModel {
  readonly examples: number;
  readonly model: SavedTextModel;
}

export type Algorithm = 'logistic' | 'naive-bayes';

/**
 * Turns examples into training rows: each example's shape, one row per distinct shape and label, its features as ids
 * of one index.
 */
export function trainingRows(kb: KnowledgeBase, examples: readonly Example[]): { index: FeatureIndex; rows: EncodedRow<Label>[] } {
  const seen = new Set<string>();
  const index = new FeatureIndex();
  const rows: EncodedRow<Label>[] = [];
  const ids = new IdBuffer();
  const take = (id: number) => ids.push(id);
  for (const example of examples) {
    const text = questionText(kb, example.text);
    const shape = extractShape(kb, text);
    const asked = askedSentence(text);
    const askedShape = asked === undefined ? undefined : extractShape(kb, asked);
    const key = `${example.label}\u0000${shape}\u0000${askedShape ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ids.clear();
    forEachFeatureId(shape, index, take, askedShape);
    rows.push({ ids: FeatureIndex.distinct(ids.ids.slice(0, ids.count)), label: example.label });
  }
  return { index, rows };
}

export function buildModel(
  kb: KnowledgeBase,
  examples: readonly Example[],
  algorithm: Algorithm = 'logistic',
  options: LogisticOptions = {},
): IntentModel {
  const started = performance.now();
  const { index, rows } = trainingRows(kb, examples);
  const model: TextModel<Label> =
    algorithm === 'logistic' ? trainLogisticOnIds(LABELS, index, rows, options) : trainNaiveBayesOnIds(LABELS, index, rows);
  return intentModel(model, rows.length, performance.now() - started);
}

function intentModel(model: TextModel<Label>, examples: number, trainedMs: number): IntentModel {
  const save = model.toJSON?.bind(model);
  return {
    examples,
    trainedMs,
    guess(shape, askedShape, askedWeight = 0) {
      // predictEach scores into a buffer it reuses: copied only when a second reading is mixed in.
      const score = (s: string, a: string | undefined): ArrayLike<number> =>
        model.predictEach ? model.predictEach((visit) => forEachFeature(s, visit, a)) : model.predict(featuresOf(s, a));
      let probs = score(shape, askedShape);
      if (askedWeight > 0 && askedShape !== undefined) {
        const whole = Array.from(probs);
        const asked = score(askedShape, askedShape);
        probs = whole.map((p, i) => (1 - askedWeight) * p + askedWeight * asked[i]!);
      }
      // The two most likely labels, ties going to the earlier label (as a stable sort by probability would).
      let first = 0;
      for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[first]!) first = i;
      let second = first === 0 ? 1 : 0;
      for (let i = second + 1; i < probs.length; i++) if (i !== first && probs[i]! > probs[second]!) second = i;
      return {
        label: LABELS[first]!,
        probability: probs[first]!,
        second: { label: LABELS[second]!, probability: probs[second]! },
      };
    },
    ...(save ? { toJSON: () => ({ examples, model: save() }) } : {}),
  };
}

/** A saved model, ready to guess (trainedMs 0: nothing was trained). Throws when it was saved for other labels. */
export function intentModelFromJSON(saved: SavedIntentModel): IntentModel {
  return intentModel(textModelFromJSON(LABELS, saved.model), saved.examples, 0);
}

/** Every example the shipped classifier learns from: the data files and what the KB supplies. */
export function allExamples(kb: KnowledgeBase): Example[] {
  return [...loadExampleFiles(), ...kbExamples(kb)];
}

const models = new WeakMap<KnowledgeBase, IntentModel>();

/** Uses another model for a KB (cross-validation trains one per fold). */
export function useIntentModel(kb: KnowledgeBase, model: IntentModel): void {
  models.set(kb, model);
}

/** The model the build saved for this KB, when it is current and restores. */
function savedModelFor(kb: KnowledgeBase): IntentModel | undefined {
  const saved = readSavedModel(kb);
  try {
    return saved && intentModelFromJSON(saved);
  } catch {
    return undefined;
  }
}

/** The intent model of a KB: the one the build saved when it is current, else trained once per KB version on first use. */
export function intentModelFor(kb: KnowledgeBase): IntentModel {
  let model = models.get(kb);
  if (!model) {
    model = savedModelFor(kb) ?? buildModel(kb, allExamples(kb));
    models.set(kb, model);
  }
  return model;
}
