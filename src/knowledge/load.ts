import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { KbValidationError } from './errors.ts';
import { readValidatedCopy } from './validated-copy.ts';
import { Family, Feature, KnownIssue, LisRelease, MatrixSnapshot, NoteParaphrase, OtherOs, Source, Tip } from './schema/index.ts';

export const DEFAULT_DATA_DIR = join(import.meta.dirname, 'data');

/** Everything the KB data files hold, validated, before any index is built. */
export interface KbData {
  readonly sources: Source[];
  readonly families: Family[];
  readonly features: Feature[];
  readonly lisReleases: LisRelease[];
  readonly otherOs: OtherOs[];
  readonly knownIssues: KnownIssue[];
  readonly tips: Tip[];
  readonly notes: NoteParaphrase[];
  readonly snapshots: MatrixSnapshot[];
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KbValidationError(file, undefined, `cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new KbValidationError(file, undefined, `is not valid JSON: ${(error as Error).message}`);
  }
}

function recordIdOf(value: unknown, index: number): string {
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['id', 'fingerprint', 'key']) if (typeof record[key] === 'string') return record[key];
  }
  return `#${index}`;
}

/** Validates an array file record by record, so an error names the record that broke. */
function readRecords<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw = readJson(file);
  if (!Array.isArray(raw)) throw new KbValidationError(file, undefined, 'expected a JSON array of records');
  return raw.map((value, index) => {
    const result = schema.safeParse(value);
    if (!result.success) throw KbValidationError.fromZod(file, recordIdOf(value, index), result.error);
    return result.data;
  });
}

function readOptionalRecords<T>(file: string, schema: z.ZodType<T>): T[] {
  return existsSync(file) ? readRecords(file, schema) : [];
}

function readSnapshot(file: string): MatrixSnapshot {
  const raw = readJson(file);
  const result = MatrixSnapshot.safeParse(raw);
  if (!result.success) throw KbValidationError.fromZod(file, recordIdOf(raw, 0), result.error);
  return result.data;
}

function jsonFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** The data files of one data directory, each record validated against its schema. */
export function readDataDir(dataDir: string): KbData {
  const file = (name: string) => join(dataDir, name);
  return {
    sources: jsonFilesIn(file('sources')).flatMap((path) => readRecords(path, Source)),
    families: readRecords(file('families.json'), Family),
    features: readRecords(file('features.json'), Feature),
    lisReleases: readOptionalRecords(file('lis-releases.json'), LisRelease),
    otherOs: readOptionalRecords(file('other-os.json'), OtherOs),
    knownIssues: readOptionalRecords(file('known-issues.json'), KnownIssue),
    tips: readOptionalRecords(file('tips.json'), Tip),
    notes: readOptionalRecords(file('notes.json'), NoteParaphrase),
    snapshots: jsonFilesIn(file('snapshots')).map(readSnapshot),
  };
}

/**
 * Reads the committed KB (the copy the build validated when it is current, else every file validated now), then
 * any user layers (snapshots the user imported, then the synced version) on top of it, in order. A layer's snapshot
 * replaces an earlier one with the same id.
 */
export function loadKbData(dataDir = DEFAULT_DATA_DIR, userDir?: string | readonly string[]): KbData {
  const committed = readValidatedCopy(dataDir) ?? readDataDir(dataDir);
  const sources = [...committed.sources];
  const snapshots = new Map<string, MatrixSnapshot>();
  for (const snapshot of committed.snapshots) snapshots.set(snapshot.id, snapshot);
  const layers = userDir === undefined ? [] : typeof userDir === 'string' ? [userDir] : userDir;
  for (const layer of layers) {
    sources.push(...jsonFilesIn(join(layer, 'sources')).flatMap((path) => readRecords(path, Source)));
    for (const path of jsonFilesIn(join(layer, 'snapshots'))) {
      const snapshot = readSnapshot(path);
      snapshots.set(snapshot.id, snapshot);
    }
  }
  const data: KbData = { ...committed, sources: dedupeById(sources), snapshots: [...snapshots.values()] };
  checkCrossReferences(data, dataDir);
  return data;
}

function dedupeById(sources: Source[]): Source[] {
  const byId = new Map<string, Source>();
  for (const source of sources) byId.set(source.id, source);
  return [...byId.values()];
}

function ensureUnique(file: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new KbValidationError(file, id, 'duplicate id');
    seen.add(id);
  }
}

function checkCrossReferences(data: KbData, dataDir: string): void {
  const where = (name: string) => join(dataDir, name);
  ensureUnique(
    where('families.json'),
    data.families.map((f) => f.id),
  );
  ensureUnique(
    where('features.json'),
    data.features.map((f) => f.id),
  );
  ensureUnique(
    where('known-issues.json'),
    data.knownIssues.map((r) => r.id),
  );
  ensureUnique(
    where('tips.json'),
    data.tips.map((r) => r.id),
  );
  ensureUnique(
    where('lis-releases.json'),
    data.lisReleases.map((r) => r.id),
  );
  ensureUnique(
    where('notes.json'),
    data.notes.map((r) => r.fingerprint),
  );

  // A name two features claim ("dynamic memory" under both hot-add and ballooning) would read as whichever comes first.
  const claimed = new Map<string, string>();
  for (const feature of data.features) {
    for (const name of new Set([feature.name, ...feature.matrixNames, ...feature.synonyms].map((n) => n.toLowerCase()))) {
      const other = claimed.get(name);
      if (other && other !== feature.id)
        throw new KbValidationError(where('features.json'), feature.id, `the name "${name}" is also claimed by ${other}`);
      claimed.set(name, feature.id);
    }
  }

  const sourceIds = new Set(data.sources.map((s) => s.id));
  const cited: Array<[string, string, { source: string }[]]> = [
    ...data.families.map((r) => ['families.json', r.id, r.sources] as [string, string, { source: string }[]]),
    ...data.features.map((r) => ['features.json', r.id, r.sources] as [string, string, { source: string }[]]),
    ...data.lisReleases.map((r) => ['lis-releases.json', r.id, r.sources] as [string, string, { source: string }[]]),
    ...data.otherOs.map((r) => ['other-os.json', r.id, r.sources] as [string, string, { source: string }[]]),
    ...data.knownIssues.map((r) => ['known-issues.json', r.id, r.sources] as [string, string, { source: string }[]]),
    ...data.tips.map((r) => ['tips.json', r.id, r.sources] as [string, string, { source: string }[]]),
  ];
  for (const [file, id, refs] of cited) {
    for (const ref of refs) {
      if (!sourceIds.has(ref.source)) throw new KbValidationError(where(file), id, `cites unknown source "${ref.source}"`);
    }
  }
  for (const snapshot of data.snapshots) {
    const file = where(join('snapshots', `${snapshot.id}.json`));
    if (!sourceIds.has(snapshot.source)) throw new KbValidationError(file, snapshot.id, `cites unknown source "${snapshot.source}"`);
    const positions = new Set(snapshot.notes.map((n) => n.position));
    for (const column of snapshot.columns) {
      const refs = [...column.integration.notes, ...Object.values(column.features).flatMap((cell) => cell.flatMap((e) => e.notes))];
      for (const ref of refs) {
        if (!ref.resolvedFrom && !positions.has(ref.position)) {
          throw new KbValidationError(file, column.key, `cites note ${ref.position}, which the snapshot does not have`);
        }
      }
    }
  }
  for (const issue of data.knownIssues) {
    for (const signature of issue.signatures) {
      try {
        new RegExp(signature, 'i');
      } catch (error) {
        throw new KbValidationError(
          where('known-issues.json'),
          issue.id,
          `signature ${signature} is not a valid regular expression: ${(error as Error).message}`,
        );
      }
    }
  }
}
