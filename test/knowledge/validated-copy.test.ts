import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR, loadKbData, readDataDir } from '../../src/knowledge/load.ts';
import { readValidatedCopy, VALIDATED_COPY, writeValidatedCopy } from '../../src/knowledge/validated-copy.ts';
import { KbValidationError } from '../../src/knowledge/index.ts';

function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lisbot-data-'));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  // A file of its own, so no copy saved for the committed data (the test runner keeps one) fits this directory.
  writeFileSync(join(dir, 'NOTES.txt'), `copied for ${dir}\n`);
  return dir;
}

test('the validated copy loads the same KB data as validating every file', () => {
  const dir = copyOfData();
  const validated = loadKbData(dir);
  writeValidatedCopy(dir, readDataDir(dir));
  assert.ok(readValidatedCopy(dir), 'the copy is current');
  assert.deepEqual(loadKbData(dir), validated);
});

test('a data file changed after the copy was made is validated again, and its error is reported', () => {
  const dir = copyOfData();
  writeValidatedCopy(dir, readDataDir(dir));
  const file = join(dir, 'features.json');
  const features = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  features[0]!.name = 42;
  writeFileSync(file, JSON.stringify(features));
  assert.equal(readValidatedCopy(dir), undefined);
  assert.throws(() => loadKbData(dir), KbValidationError);
});

test('a copy that is not JSON is ignored', () => {
  const dir = copyOfData();
  writeFileSync(join(dir, VALIDATED_COPY), '{"digest":');
  assert.equal(readValidatedCopy(dir), undefined);
  assert.ok(loadKbData(dir).families.length > 0);
});
