import type { KnowledgeBase } from '../knowledge/index.ts';
import { diffSnapshots, type KbChange } from '../knowledge/diff.ts';
import { cellStatus } from '../knowledge/query/feature.ts';
import type { DistroId, FeatureId, HostId, MatrixSnapshot, ReleaseColumn } from '../knowledge/schema/index.ts';
import type { DigestFilters, KbBaseline } from './subscription.ts';

/** The KB as it stands: each family's newest snapshot and every LIS release. */
export function baselineOf(kb: KnowledgeBase): KbBaseline {
  const snapshots: Partial<Record<DistroId, string>> = {};
  for (const family of kb.families.keys()) {
    const newest = kb.snapshotAt(family);
    if (newest) snapshots[family] = newest.id;
  }
  return { version: kb.version, era: kb.newestEra, snapshots, lisReleases: kb.lisReleases.map((r) => r.id) };
}

/** The KB as it stood on a date, from the dated history: the same cut `diffKb` makes. */
export function baselineAt(kb: KnowledgeBase, date: string): KbBaseline {
  const snapshots: Partial<Record<DistroId, string>> = {};
  for (const family of kb.families.keys()) {
    const then = kb.snapshotAt(family, date);
    if (then) snapshots[family] = then.id;
  }
  const lisReleases = kb.lisReleases.filter((r) => r.released === undefined || r.released <= date).map((r) => r.id);
  return { version: `date:${date}`, era: date, snapshots, lisReleases };
}

function resolve(kb: KnowledgeBase, baseline: KbBaseline, family: DistroId): MatrixSnapshot | undefined {
  const id = baseline.snapshots[family];
  const named = id === undefined ? undefined : kb.snapshots.get(id);
  if (named) return named;
  // A baseline that names no snapshot for the family knew none; one whose snapshot is gone falls back to its era.
  return id === undefined ? undefined : kb.snapshotAt(family, baseline.era);
}

function availableHosts(column: ReleaseColumn, feature: FeatureId): HostId[] {
  const { status, hosts } = cellStatus(column.features[feature], undefined);
  return status === 'available' ? hosts : [];
}

function columnOf(change: KbChange): ReleaseColumn | undefined {
  return change.kind === 'lis-release' ? undefined : change.column;
}

/**
 * Applies host and feature filters to changes whose own diff did not: a release column passes a host filter when its
 * Core row lists a wanted host (or lists none), and a feature filter when it offers a wanted feature; a LIS release
 * passes when it names a wanted host (or none) and, under a feature filter, adds a wanted feature.
 */
export function filterChanges(changes: readonly KbChange[], filters: DigestFilters): KbChange[] {
  const { hosts, features } = filters;
  return changes.filter((change) => {
    if (change.kind === 'lis-release') {
      const release = change.release;
      if (filters.families && !release.guests.some((g) => filters.families!.includes(g.family))) return false;
      if (hosts && release.hosts.length > 0 && !release.hosts.some((h) => hosts.includes(h))) return false;
      if (features && !release.featuresAdded.some((f) => features.includes(f))) return false;
      return true;
    }
    if (change.kind === 'feature-added' || change.kind === 'feature-removed') return !features || features.includes(change.feature);
    const column = columnOf(change)!;
    if (hosts && change.kind !== 'host-added' && change.kind !== 'host-removed') {
      const core = availableHosts(column, 'core');
      if (core.length > 0 && !core.some((h) => hosts.includes(h))) return false;
    }
    if (features) {
      const offered = features.some((f) => {
        const on = availableHosts(column, f);
        return on.length > 0 && (!hosts || on.some((h) => hosts.includes(h)));
      });
      if (!offered) return false;
    }
    return true;
  });
}

/**
 * What changed from one baseline to another, per family: `diffSnapshots` between the snapshot each baseline names
 * (families sharing a snapshot pair are compared once), plus the LIS releases the later baseline adds.
 */
export function changesBetween(kb: KnowledgeBase, from: KbBaseline, to: KbBaseline, filters: DigestFilters = {}): KbChange[] {
  const groups = new Map<string, { before: MatrixSnapshot | undefined; after: MatrixSnapshot; families: DistroId[] }>();
  for (const family of kb.families.keys()) {
    if (filters.families && !filters.families.includes(family)) continue;
    const before = resolve(kb, from, family);
    const after = resolve(kb, to, family);
    if (!after || before?.id === after.id) continue;
    const key = `${before?.id ?? '-'}>${after.id}`;
    const group = groups.get(key) ?? { before, after, families: [] };
    group.families.push(family);
    groups.set(key, group);
  }
  const diffFilter = { ...(filters.hosts ? { hosts: filters.hosts } : {}), ...(filters.features ? { features: filters.features } : {}) };
  const changes: KbChange[] = [...groups.values()].flatMap(({ before, after, families }) =>
    diffSnapshots(before, after, families, diffFilter),
  );
  const known = new Set(from.lisReleases);
  const wanted = new Set(to.lisReleases);
  const releases = kb.lisReleases
    .filter((r) => wanted.has(r.id) && !known.has(r.id))
    .sort((a, b) => (a.released ?? '').localeCompare(b.released ?? ''))
    .map((release) => ({ kind: 'lis-release' as const, release }));
  return filterChanges([...changes, ...releases], filters);
}
