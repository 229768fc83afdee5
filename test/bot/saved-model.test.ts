import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractEntities } from '../../src/bot/entities/extract.ts';
import { EXAMPLES_DIR } from '../../src/bot/intent/examples.ts';
import { allExamples, buildModel, intentModelFor, intentModelFromJSON } from '../../src/bot/intent/model.ts';
import { lookForSavedModelsIn, readSavedModel, saveModel, trainingKey } from '../../src/bot/intent/saved-model.ts';
import { weightsOf } from '../../src/bot/intent/logistic.ts';
import { SCOPE_TERMS_FILE } from '../../src/bot/intent/scope-terms.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { fixtureKb } from '../helpers/fixture-kb.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();
const QUESTIONS = [
  'is rhel 7 supported',
  'what is kvp',
  'my vm hangs at boot',
  'tell me a joke',
  'lis 4.3 vs 4.2',
  'subscribe us to the digest',
];

describe('the saved intent model', () => {
  const trained = buildModel(kb, allExamples(kb));
  const saved = trained.toJSON!();

  test('restored from JSON, it guesses exactly as the model it was saved from', () => {
    const restored = intentModelFromJSON(JSON.parse(JSON.stringify(saved)) as typeof saved);
    assert.equal(restored.examples, trained.examples);
    for (const q of [
      ...QUESTIONS,
      ...allExamples(kb)
        .slice(0, 200)
        .map((e) => e.text),
    ]) {
      const shape = extractEntities(kb, q).shape;
      assert.deepEqual(restored.guess(shape), trained.guess(shape), q);
    }
  });

  test('a saved model is used only for the KB and example files it was trained on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lisbot-model-'));
    const file = join(dir, 'intent-model.bin');
    const examples = join(dir, 'examples');
    cpSync(EXAMPLES_DIR, examples, { recursive: true });
    saveModel(kb, saved, file, examples);
    // The file holds the weights as float64s; the JSON form holds them as base64 of the same bytes.
    const asFloats = (model: typeof saved) => ({ ...model, model: { ...model.model, weights: weightsOf(model.model) } });
    const read = readSavedModel(kb, [file], examples);
    assert.ok(read, 'the saved model is read back');
    assert.deepEqual(asFloats(read), asFloats(saved));
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 8));
    assert.equal(readSavedModel(kb, [file], examples), undefined, 'a file cut short');
    writeFileSync(file, whole);
    assert.equal(readSavedModel(fixtureKb(), [file], examples), undefined, 'another KB version');
    appendFileSync(join(examples, 'help.yaml'), '\n# an edit\n');
    assert.equal(readSavedModel(kb, [file], examples), undefined, 'an example file changed');
    writeFileSync(file, '{"key": truncated');
    assert.equal(readSavedModel(kb, [file], examples), undefined, 'unreadable');
  });

  test('the training key changes with the scope vocabulary, which every question is featurised with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lisbot-scope-'));
    const scopeTerms = join(dir, 'scope-terms.yaml');
    cpSync(SCOPE_TERMS_FILE, scopeTerms);
    const before = trainingKey(kb, EXAMPLES_DIR, scopeTerms);
    assert.equal(before, trainingKey(kb, EXAMPLES_DIR, SCOPE_TERMS_FILE), 'a byte-identical copy keeps the key');
    appendFileSync(scopeTerms, '\n# an edit\n');
    assert.notEqual(trainingKey(kb, EXAMPLES_DIR, scopeTerms), before);
  });

  test('intentModelFor restores a current saved model and trains when the saved one is not for its KB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lisbot-model-'));
    saveModel(kb, saved, join(dir, 'intent-model.bin'));
    lookForSavedModelsIn(dir);
    const restored = intentModelFor(loadKnowledgeBase({ userDir: null }));
    assert.equal(restored.trainedMs, 0, 'restored, not trained');
    const other = fixtureKb();
    const own = intentModelFor(other);
    assert.ok(own.trainedMs > 0, 'trained for a KB no model was saved for');
    const expected = buildModel(other, allExamples(other));
    for (const q of QUESTIONS) {
      const shape = extractEntities(other, q).shape;
      assert.deepEqual(own.guess(shape), expected.guess(shape), q);
    }
  });
});
