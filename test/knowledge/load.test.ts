import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KbValidationError, loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { copyOfFixtureKb } from '../helpers/fixture-kb.ts';

function edit(dir: string, file: string, change: (data: unknown) => unknown): void {
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(change(JSON.parse(readFileSync(path, 'utf8')))));
}

function loadError(dir: string): KbValidationError {
  try {
    loadKnowledgeBase({ dataDir: dir, userDir: null });
  } catch (error) {
    assert.ok(error instanceof KbValidationError, `expected KbValidationError, got ${String(error)}`);
    return error;
  }
  assert.fail('the KB loaded although it is broken');
}

describe('loading the KB', () => {
  test('a record that breaks the schema names the file, the record and the field', () => {
    const dir = copyOfFixtureKb();
    edit(dir, 'features.json', (features) =>
      (features as Array<Record<string, unknown>>).map((f) => (f.id === 'trim' ? { ...f, category: 'disks' } : f)),
    );
    const error = loadError(dir);
    assert.match(error.message, /features\.json/);
    assert.match(error.message, /record trim/);
    assert.match(error.message, /category/);
  });
  test('an unknown key is refused (strict records)', () => {
    const dir = copyOfFixtureKb();
    edit(dir, 'tips.json', (tips) => (tips as object[]).map((t) => ({ ...t, advise: 'typo' })));
    assert.match(loadError(dir).message, /advise/);
  });
  test('a record citing an unknown source is refused', () => {
    const dir = copyOfFixtureKb();
    edit(dir, 'tips.json', (tips) => (tips as object[]).map((t) => ({ ...t, sources: [{ source: 'nowhere' }] })));
    assert.match(loadError(dir).message, /unknown source "nowhere"/);
  });
  test('a cell citing a note the snapshot lacks is refused', () => {
    const dir = copyOfFixtureKb();
    edit(dir, 'snapshots/ubuntu@2020.json', (s) => ({ ...(s as object), notes: [] }));
    assert.match(loadError(dir).message, /cites note 1/);
  });
  test('empty, truncated and binary files give a clear error, not a crash', () => {
    for (const content of ['', '[{"id": "io-sch', '\u0000\u0001\u00ff\u00fe']) {
      const dir = copyOfFixtureKb();
      writeFileSync(join(dir, 'tips.json'), content);
      const error = loadError(dir);
      assert.match(error.message, /tips\.json.*not valid JSON/s);
    }
  });
  test('a name two features claim is refused', () => {
    const dir = copyOfFixtureKb();
    edit(dir, 'features.json', (features) =>
      (features as Array<Record<string, unknown>>).map((f) => (f.id === 'hv-sockets' ? { ...f, synonyms: ['discard'] } : f)),
    );
    assert.match(loadError(dir).message, /"discard" is also claimed by trim/);
  });
  test("a feature's steps to turn it on are optional, and at most 400 characters", () => {
    const dir = copyOfFixtureKb();
    const withSteps = (enable: string) =>
      edit(dir, 'features.json', (features) =>
        (features as Array<Record<string, unknown>>).map((f) => (f.id === 'trim' ? { ...f, enable } : f)),
      );
    withSteps('Enable fstrim.timer in the guest.');
    const kb = loadKnowledgeBase({ dataDir: dir, userDir: null });
    assert.equal(kb.features.get('trim')?.enable, 'Enable fstrim.timer in the guest.');
    assert.equal(kb.features.get('core')?.enable, undefined);
    withSteps('x'.repeat(401));
    const error = loadError(dir);
    assert.match(error.message, /record trim/);
    assert.match(error.message, /enable/);
  });
  test('a bad signature regex is refused', () => {
    const dir = copyOfFixtureKb();
    edit(dir, 'known-issues.json', (issues) => (issues as object[]).map((i) => ({ ...i, signatures: ['hv_(balloon'] })));
    assert.match(loadError(dir).message, /not a valid regular expression/);
  });
  test('a user layer adds snapshots on top of the committed data', () => {
    const dir = copyOfFixtureKb();
    const user = copyOfFixtureKb();
    mkdirSync(join(user, 'sources'), { recursive: true });
    writeFileSync(
      join(user, 'sources', 'mine.json'),
      JSON.stringify([{ id: 'ubuntu@2030', kind: 'user-import', title: 'Imported', page: 'ubuntu', era: '2030-01-01' }]),
    );
    const newer = JSON.parse(readFileSync(join(dir, 'snapshots', 'ubuntu@2020.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(user, 'snapshots', 'ubuntu@2030.json'),
      JSON.stringify({ ...newer, id: 'ubuntu@2030', source: 'ubuntu@2030', era: '2030-01-01' }),
    );
    const kb = loadKnowledgeBase({ dataDir: dir, userDir: user });
    assert.equal(kb.snapshotAt('ubuntu')?.id, 'ubuntu@2030');
  });
  test('the KB version changes when the data changes', () => {
    const dir = copyOfFixtureKb();
    const before = loadKnowledgeBase({ dataDir: dir, userDir: null }).version;
    edit(dir, 'tips.json', (tips) => (tips as Array<Record<string, unknown>>).map((t) => ({ ...t, title: 'Use the none scheduler' })));
    assert.notEqual(loadKnowledgeBase({ dataDir: dir, userDir: null }).version, before);
  });
});
