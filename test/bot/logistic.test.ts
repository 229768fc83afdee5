import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeRows, textModelFromJSON, trainLogistic, trainLogisticOnIds, type TrainingRow } from '../../src/bot/intent/logistic.ts';

const LABELS = ['support', 'issue'] as const;
type Label = (typeof LABELS)[number];

/** Two labels told apart by one word each, padded with shared noise words, many times over. */
function toyRows(): TrainingRow<Label>[] {
  const rows: TrainingRow<Label>[] = [];
  for (let i = 0; i < 300; i++) {
    const noise = [`w:noise${i % 7}`, `w:filler${i % 3}`];
    rows.push({ features: ['w:supported', ...noise], label: 'support' });
    rows.push({ features: ['w:crashes', ...noise], label: 'issue' });
  }
  return rows;
}

describe('trainLogistic', () => {
  test('learns the word that tells the labels apart, and is sure of it', () => {
    const model = trainLogistic(LABELS, toyRows());
    const [support, issue] = model.predict(['w:supported', 'w:noise1']);
    assert.ok(support! > 0.95, `support ${support}`);
    assert.ok(issue! < 0.05);
    assert.ok(model.predict(['w:crashes', 'w:filler2'])[1]! > 0.95);
  });

  test('is deterministic: the same rows give the same weights', () => {
    const a = trainLogistic(LABELS, toyRows()).toJSON!();
    const b = trainLogistic(LABELS, toyRows()).toJSON!();
    assert.equal(a.weights, b.weights);
    assert.equal(a.bias, b.bias);
  });

  test('a feature that scores nothing is left out of the saved model, which still predicts as the trained one', () => {
    const { index, rows } = encodeRows(toyRows());
    index.idOf('w:never-in-a-row');
    const trained = trainLogisticOnIds(LABELS, index, rows);
    const saved = trained.toJSON!();
    assert.ok(!saved.features.includes('w:never-in-a-row'));
    assert.ok(saved.features.includes('w:supported') && saved.features.includes('w:crashes'));
    const restored = textModelFromJSON(LABELS, saved);
    for (const features of [
      ['w:supported', 'w:noise1'],
      ['w:crashes', 'w:filler2'],
      ['w:never-in-a-row', 'w:noise3'],
    ])
      assert.deepEqual(restored.predict(features), trained.predict(features), features.join(' '));
  });

  test('rows settled in one epoch still count in the last: a label learnt late is not lost', () => {
    // 'w:rare' appears in few rows; the many settled rows resting must not starve it of updates.
    const rows = [...toyRows(), ...Array.from({ length: 6 }, () => ({ features: ['w:rare', 'w:noise1'], label: 'issue' as const }))];
    const model = trainLogistic(LABELS, rows);
    assert.ok(model.predict(['w:rare'])[1]! > 0.7, `issue ${model.predict(['w:rare'])[1]}`);
  });
});
