import type { KnowledgeBase } from '../../knowledge/index.ts';
import { extractEntities } from '../entities/extract.ts';
import { loadExampleFiles, type Example } from './examples.ts';
import { featuresOf } from './featurize.ts';
import { kbExamples } from './kb-examples.ts';
import { LABELS, type Label } from './labels.ts';
import { trainLogistic, trainNaiveBayes, type TextModel, type TrainingRow } from './logistic.ts';

export interface IntentGuess {
  readonly label: Label;
  readonly probability: number;
  /** The runner-up, for asking "did you mean…" when the two are close. */
  readonly second: { label: Label; probability: number };
}

export interface IntentModel {
  guess(shape: string): IntentGuess;
  readonly examples: number;
  readonly trainedMs: number;
}

export type Algorithm = 'logistic' | 'naive-bayes';

/** Turns examples into training rows: each example's shape, one row per distinct shape and label. */
export function trainingRows(kb: KnowledgeBase, examples: readonly Example[]): TrainingRow<Label>[] {
  const seen = new Set<string>();
  const rows: TrainingRow<Label>[] = [];
  for (const example of examples) {
    const shape = extractEntities(kb, example.text, { fuzzy: false }).shape;
    const key = `${example.label}\u0000${shape}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ features: featuresOf(shape), label: example.label });
  }
  return rows;
}

export function buildModel(kb: KnowledgeBase, examples: readonly Example[], algorithm: Algorithm = 'logistic'): IntentModel {
  const started = performance.now();
  const rows = trainingRows(kb, examples);
  const model: TextModel<Label> = algorithm === 'logistic' ? trainLogistic(LABELS, rows) : trainNaiveBayes(LABELS, rows);
  const trainedMs = performance.now() - started;
  return {
    examples: rows.length,
    trainedMs,
    guess(shape) {
      const probs = model.predict(featuresOf(shape));
      const ranked = probs.map((p, i) => ({ label: LABELS[i]!, probability: p })).sort((a, b) => b.probability - a.probability);
      return { label: ranked[0]!.label, probability: ranked[0]!.probability, second: ranked[1]! };
    },
  };
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

/** The intent model of a KB, trained once per KB version on first use. */
export function intentModelFor(kb: KnowledgeBase): IntentModel {
  let model = models.get(kb);
  if (!model) {
    model = buildModel(kb, allExamples(kb));
    models.set(kb, model);
  }
  return model;
}
