// Preloaded by scripts/run-tests.ts into every test process: the KB copy validated and the intent model trained once
// for the run, with the sources under test (LISBOT_TEST_SAVED_DIR), are restored instead of redone in each file.
// Both are keyed by the data they came from, so a test with other data still validates and trains its own.
import { lookForSavedModelsIn } from '../../src/bot/intent/saved-model.ts';
import { lookForValidatedCopiesIn } from '../../src/knowledge/validated-copy.ts';

const dir = process.env.LISBOT_TEST_SAVED_DIR;
if (dir) {
  lookForValidatedCopiesIn(dir);
  lookForSavedModelsIn(dir);
}
