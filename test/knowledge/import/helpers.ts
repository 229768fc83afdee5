// Shared helpers for the importer tests: fixture pages and Source records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPage, type ImportOptions, type ImportResult } from '../../../src/knowledge/import/import-page.ts';
import type { FeatureId } from '../../../src/knowledge/schema/ids.ts';
import type { FeatureCell, MatrixSnapshot, ReleaseColumn } from '../../../src/knowledge/schema/matrix.ts';
import type { Source } from '../../../src/knowledge/schema/source.ts';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'matrix');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function source(id: string, page: string, era = '2020-01-01', order = 0): Source {
  return { id, kind: 'matrix-page', title: id, page, era, order };
}

export function importFixture(name: string, id: string, page: string, options: ImportOptions = {}, era = '2020-01-01'): ImportResult {
  return importPage(fixture(name), source(id, page, era), options);
}

export function column(snapshot: MatrixSnapshot, key: string): ReleaseColumn {
  const found = snapshot.columns.find((c) => c.key === key);
  if (!found) throw new Error(`${snapshot.id} has no column ${key}; it has ${snapshot.columns.map((c) => c.key).join(', ')}`);
  return found;
}

export function cell(snapshot: MatrixSnapshot, key: string, feature: FeatureId): FeatureCell {
  const found = column(snapshot, key).features[feature];
  if (!found) throw new Error(`${snapshot.id} ${key} has no ${feature} cell`);
  return found;
}
