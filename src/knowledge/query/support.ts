import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, MatrixSnapshot, OtherOs, ReleaseColumn } from '../schema/index.ts';
import {
  compareVersions,
  matchRank,
  matchVersionItems,
  parseVersion,
  versionBounds,
  type ParsedVersion,
  type VersionMatch,
} from '../version.ts';

export interface ColumnMatch {
  readonly snapshot: MatrixSnapshot;
  readonly column: ReleaseColumn;
  readonly match: VersionMatch;
}

export type SupportStatus = 'listed' | 'listed-earlier' | 'not-listed' | 'does-not-run' | 'emulated-only' | 'no-data';

export interface SupportQuery {
  readonly family: DistroId;
  readonly version?: string;
  readonly kernel?: 'rhck' | 'uek';
  /** Only columns that get integration services this way, when any such column holds the version. */
  readonly integration?: 'built-in' | 'download';
  /** Answer as the KB stood on this date (YYYY-MM-DD). */
  readonly asOf?: string;
}

export interface SupportAnswer {
  readonly query: SupportQuery;
  readonly status: SupportStatus;
  /** The columns that hold the version, in the newest snapshot that lists it. */
  readonly matches: readonly ColumnMatch[];
  /** The family's newest snapshot at asOf. */
  readonly current: MatrixSnapshot | undefined;
  /** When the version is no longer listed: the newer snapshot that first left it out. */
  readonly droppedIn?: MatrixSnapshot;
  /** When the version is not listed anywhere: the closest listed columns, clearly not the answer. */
  readonly nearest: readonly ColumnMatch[];
  readonly otherOs?: OtherOs;
}

const columnsByFamily = new WeakMap<MatrixSnapshot, Map<DistroId, readonly ReleaseColumn[]>>();

/** A page's columns for one family, sorted out once per page: every support question asks for them. */
function familyColumns(snapshot: MatrixSnapshot, family: DistroId): readonly ReleaseColumn[] {
  let byFamily = columnsByFamily.get(snapshot);
  if (!byFamily) {
    byFamily = new Map();
    for (const column of snapshot.columns) for (const f of new Set(column.families)) byFamily.set(f, [...(byFamily.get(f) ?? []), column]);
    columnsByFamily.set(snapshot, byFamily);
  }
  return byFamily.get(family) ?? [];
}

export function matchColumns(
  snapshot: MatrixSnapshot,
  family: DistroId,
  version: ParsedVersion | undefined,
  kernel?: string,
): ColumnMatch[] {
  const columns = familyColumns(snapshot, family).filter((c) => !kernel || (c.kernel?.flavor ?? 'rhck') === kernel);
  if (!version) return columns.map((column) => ({ snapshot, column, match: 'series' as const }));
  const matches = columns
    .map((column) => ({ snapshot, column, match: matchVersionItems(version, column.versions) }))
    .filter((m) => m.match !== 'none');
  const best = Math.max(0, ...matches.map((m) => matchRank(m.match)));
  // A point release found exactly or inside a range makes looser series matches noise.
  return matches.filter((m) => matchRank(m.match) >= Math.min(best, matchRank('within')));
}

const isSeriesOnly = (column: ReleaseColumn) => column.versions.every((item) => item.kind === 'series');

/**
 * "Oracle Linux 7.9": a column that lists a whole series ("7.x" with UEK R5 on the 2020 page) does not list a point
 * release above every explicit range a newer page gives the same major ("7.5-7.8"): the newer page shows where the
 * listed releases end. Releases below them (6.4 when a newer page starts at 6.8) were dropped, not outgrown.
 */
export function seriesListingOutgrown(
  history: readonly MatrixSnapshot[],
  index: number,
  family: DistroId,
  version: ParsedVersion | undefined,
  columns: readonly ReleaseColumn[],
): boolean {
  if (!version || version.parts.length < 2 || columns.length === 0) return false;
  if (!columns.every(isSeriesOnly)) return false;
  const major = version.parts[0]!;
  for (const newer of history.slice(0, index)) {
    const explicit = familyColumns(newer, family).filter((column) =>
      column.versions.some((item) => item.kind !== 'series' && versionBounds([item])?.low.parts[0] === major),
    );
    if (explicit.length === 0) continue;
    const highest = explicit
      .flatMap((column) => column.versions.filter((item) => item.kind !== 'series').map((item) => versionBounds([item])!.high))
      .filter((high) => high.parts[0] === major);
    return highest.every((high) => compareVersions(version, high) > 0);
  }
  return false;
}

function distance(version: ParsedVersion, column: ReleaseColumn): number {
  const bounds = versionBounds(column.versions);
  if (!bounds) return Number.POSITIVE_INFINITY;
  const toNumber = (v: ParsedVersion) => (v.parts[0] ?? 0) * 1000 + Math.min(v.parts[1] ?? v.servicePack ?? 0, 999);
  const target = toNumber(version);
  if (compareVersions(version, bounds.low) < 0) return toNumber(bounds.low) - target;
  if (compareVersions(version, bounds.high) > 0) return target - toNumber(bounds.high);
  return 0;
}

/** The closest listed columns over the family's whole history; among equally close ones, the newest snapshot's. */
export function nearestColumns(history: readonly MatrixSnapshot[], family: DistroId, version: ParsedVersion): ColumnMatch[] {
  const scored = history.flatMap((snapshot, age) =>
    snapshot.columns
      // A whole series that holds the version only because a newer page's ranges stop short of it is no "nearest".
      .filter((c) => c.families.includes(family) && !(isSeriesOnly(c) && matchVersionItems(version, c.versions) !== 'none'))
      .map((column) => ({ snapshot, column, age, distance: distance(version, column) })),
  );
  const best = Math.min(...scored.map((s) => s.distance));
  const closest = scored.filter((s) => s.distance === best);
  const newest = Math.min(...closest.map((s) => s.age));
  return closest.filter((s) => s.age === newest).map(({ snapshot, column }) => ({ snapshot, column, match: 'none' as const }));
}

/** Is this OS (and version) listed, in which columns, and since or until when. */
export function querySupport(kb: KnowledgeBase, query: SupportQuery): SupportAnswer {
  const otherOs = kb.otherOs.get(query.family);
  const current = kb.snapshotAt(query.family, query.asOf);
  if (otherOs) {
    return {
      query,
      status: otherOs.outcome === 'does-not-run' ? 'does-not-run' : 'emulated-only',
      matches: [],
      current,
      nearest: [],
      otherOs,
    };
  }
  if (!current) return { query, status: 'no-data', matches: [], current, nearest: [] };
  const version = query.version === undefined ? undefined : parseVersion(query.version);
  const history = kb.history(query.family).filter((s) => query.asOf === undefined || s.era <= query.asOf);
  for (const [index, snapshot] of history.entries()) {
    const all = matchColumns(snapshot, query.family, version, query.kernel);
    if (all.length === 0) continue;
    const preferred = all.filter((m) => m.column.integration.kind === query.integration);
    const matches = preferred.length > 0 ? preferred : all;
    if (index === 0) return { query, status: 'listed', matches, current, nearest: [] };
    return { query, status: 'listed-earlier', matches, current, droppedIn: history[index - 1], nearest: [] };
  }
  return { query, status: 'not-listed', matches: [], current, nearest: version ? nearestColumns(history, query.family, version) : [] };
}
