import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/index.ts';

export const FIXTURE_KB_DIR = join(import.meta.dirname, '..', 'fixtures', 'kb');

/** The small hand-written KB the query tests run on. */
export function fixtureKb(): KnowledgeBase {
  return loadKnowledgeBase({ dataDir: FIXTURE_KB_DIR, userDir: null });
}

/** A writable copy of the fixture KB, for tests that break or extend it. */
export function copyOfFixtureKb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lisbot-kb-'));
  cpSync(FIXTURE_KB_DIR, dir, { recursive: true });
  return dir;
}
