// Validates the committed KB and trains the intent classifier, then saves both for a later start-up to restore
// instead of redoing the work (knowledge/validated-copy.ts, bot/intent/saved-model.ts).
//   scripts/build.mjs runs dist/save-trained.js: the files land beside the chunks that read them, made with the
//   bundle's own code.
//   scripts/run-tests.ts runs it from the sources with a directory argument, once per test run.
import { basename, join } from 'node:path';
import { allExamples, buildModel } from '../bot/intent/model.ts';
import { saveModel, SAVED_MODEL_FILE } from '../bot/intent/saved-model.ts';
import { saveParsedScopeTerms } from '../bot/intent/scope-terms.ts';
import { KnowledgeBase } from '../knowledge/index.ts';
import { DEFAULT_DATA_DIR, loadKbData, readDataDir } from '../knowledge/load.ts';
import { writeValidatedCopy } from '../knowledge/validated-copy.ts';

//   With --timing it prints what training took as JSON (bench/train.ts reads it).
const args = process.argv.slice(2);
const toDir = args.find((arg) => !arg.startsWith('--'));
writeValidatedCopy(DEFAULT_DATA_DIR, readDataDir(DEFAULT_DATA_DIR), toDir);
const kb = new KnowledgeBase(loadKbData(DEFAULT_DATA_DIR));
const examples = allExamples(kb);
const cpuBefore = process.cpuUsage();
const model = buildModel(kb, examples);
const cpu = process.cpuUsage(cpuBefore);
if (args.includes('--timing'))
  console.log(JSON.stringify({ rows: model.examples, wallMs: model.trainedMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
const saved = model.toJSON?.();
if (!saved) throw new Error('the intent model cannot be saved');
saveModel(kb, saved, toDir ? join(toDir, basename(SAVED_MODEL_FILE)) : SAVED_MODEL_FILE);
if (!toDir) {
  // The build's start-ups read the scope vocabulary parsed (the test runner's read the sources' YAML).
  saveParsedScopeTerms();
  console.log(
    `lisbot build: validated the KB (version ${kb.version}) and saved the intent model (${model.examples} examples, trained in ${model.trainedMs.toFixed(0)} ms)`,
  );
}
