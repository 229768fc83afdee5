import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { hashFiles } from '../../knowledge/file-digest.ts';
import { EXAMPLES_DIR } from './examples.ts';
import type { SavedIntentModel } from './model.ts';
import { weightsOf, type SavedTextModel } from './logistic.ts';
import { SCOPE_TERMS_FILE } from './scope-terms.ts';

/**
 * Where the build saves the model it trained, beside the bundle chunk holding this module, so a start-up restores it
 * instead of training. The sources have none: code can change under them, and the build's bundle cannot.
 */
export const SAVED_MODEL_FILE = join(import.meta.dirname, 'intent-model.bin');

const FORMAT = 'lisbot-intent-model/3';

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

/**
 * The file: a 4-byte little-endian length, a JSON header of that many bytes (the key, the example count and the model
 * without its weights), zero bytes up to a multiple of 8, then the weights as little-endian float64s. Start-up reads
 * the weights where they lie instead of decoding 10 MB of base64 out of a 15 MB JSON string.
 */
interface Header {
  readonly key: string;
  readonly examples: number;
  readonly model: Omit<SavedTextModel, 'weights'> & { readonly weights: number };
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
      const bytes = readFileSync(file);
      const headerLength = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header;
      if (header.key !== (key ??= trainingKey(kb, examplesDir))) continue;
      const at = weightsOffset(headerLength);
      if (bytes.length !== at + header.model.weights * 8) continue;
      return { examples: header.examples, model: { ...header.model, weights: float64sAt(bytes, at, header.model.weights) } };
    } catch {
      // An unreadable model is no model: it is trained as usual.
    }
  }
  return undefined;
}

export function saveModel(kb: KnowledgeBase, model: SavedIntentModel, file = SAVED_MODEL_FILE, examplesDir = EXAMPLES_DIR): void {
  const weights = weightsOf(model.model);
  const header: Header = {
    key: trainingKey(kb, examplesDir),
    examples: model.examples,
    model: { ...model.model, weights: weights.length },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const at = weightsOffset(json.length);
  const bytes = Buffer.alloc(at + weights.length * 8);
  bytes.writeUInt32LE(json.length, 0);
  json.copy(bytes, 4);
  Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).copy(bytes, at);
  writeFileSync(file, bytes);
}

/** Where the weights start: after the length and the header, at a multiple of 8 so they can be read in place. */
function weightsOffset(headerLength: number): number {
  return Math.ceil((4 + headerLength) / 8) * 8;
}

/** The float64s at `at` (little-endian, as this machine and every Node platform lays them out). */
function float64sAt(bytes: Buffer, at: number, count: number): Float64Array {
  const start = bytes.byteOffset + at;
  // A Buffer may share a larger block at any offset; in place only when aligned, else copied.
  if (start % 8 === 0) return new Float64Array(bytes.buffer, start, count);
  return new Float64Array(bytes.buffer.slice(start, start + count * 8));
}
