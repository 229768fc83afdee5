import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { hashFiles } from '../../knowledge/file-digest.ts';
import { EXAMPLES_DIR } from './examples.ts';
import type { SavedIntentModel } from './model.ts';
import { SCOPE_TERMS_FILE } from './scope.ts';

/**
 * Where the build saves the model it trained, beside the bundle chunk holding this module, so a start-up restores it
 * instead of training. The sources have none: code can change under them, and the build's bundle cannot.
 */
export const SAVED_MODEL_FILE = join(import.meta.dirname, 'intent-model.json');

const FORMAT = 'lisbot-intent-model/2';

/**
 * What the model learnt from: the example files and the scope vocabulary (a feature of every question), byte for byte,
 * and the KB version (its records supply examples and the entities every example's shape is read with). A saved model
 * with another key is stale and never used.
 */
export function trainingKey(kb: KnowledgeBase, examplesDir = EXAMPLES_DIR, scopeTermsFile = SCOPE_TERMS_FILE): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${kb.version}\0`).update(readFileSync(scopeTermsFile)).update('\0');
  const examples = readdirSync(examplesDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  return hashFiles(hash, examplesDir, examples).digest('hex');
}

const elsewhere: string[] = [];

/** Also looks for a saved model in dir (the test runner saves one per run, trained with the sources it tests). */
export function lookForSavedModelsIn(dir: string): void {
  elsewhere.push(dir);
}

/** The model saved for this KB and these examples, or undefined when there is none or it is stale or unreadable. */
export function readSavedModel(
  kb: KnowledgeBase,
  files = [SAVED_MODEL_FILE, ...elsewhere.map((dir) => join(dir, basename(SAVED_MODEL_FILE)))],
  examplesDir = EXAMPLES_DIR,
): SavedIntentModel | undefined {
  let key: string | undefined;
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; model?: SavedIntentModel };
      if (saved.key === (key ??= trainingKey(kb, examplesDir))) return saved.model;
    } catch {
      // An unreadable model is no model: it is trained as usual.
    }
  }
  return undefined;
}

export function saveModel(kb: KnowledgeBase, model: SavedIntentModel, file = SAVED_MODEL_FILE, examplesDir = EXAMPLES_DIR): void {
  writeFileSync(file, `${JSON.stringify({ key: trainingKey(kb, examplesDir), model })}\n`);
}
