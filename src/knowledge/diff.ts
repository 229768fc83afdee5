import type { KnowledgeBase } from './knowledge-base.ts';
import type { DistroId, FeatureId, HostId, Integration, LisRelease, MatrixSnapshot, ReleaseColumn } from './schema/index.ts';
import { cellStatus } from './query/feature.ts';
import { describeVersionItems, matchVersionItems, versionBounds } from './version.ts';

export type KbChange =
  | { kind: 'added'; families: DistroId[]; column: ReleaseColumn; to: MatrixSnapshot }
  | { kind: 'dropped'; families: DistroId[]; column: ReleaseColumn; from: MatrixSnapshot }
  | {
      kind: 'versions-changed';
      families: DistroId[];
      before: ReleaseColumn;
      column: ReleaseColumn;
      from: MatrixSnapshot;
      to: MatrixSnapshot;
    }
  | {
      kind: 'feature-added' | 'feature-removed';
      families: DistroId[];
      column: ReleaseColumn;
      feature: FeatureId;
      hosts: HostId[];
      from: MatrixSnapshot;
      to: MatrixSnapshot;
    }
  /** A host joined or left the release's Core row: the whole release, not one feature. */
  | {
      kind: 'host-added' | 'host-removed';
      families: DistroId[];
      column: ReleaseColumn;
      hosts: HostId[];
      from: MatrixSnapshot;
      to: MatrixSnapshot;
    }
  | { kind: 'lis-release'; release: LisRelease };

export interface DiffFilter {
  readonly families?: readonly DistroId[];
  readonly hosts?: readonly HostId[];
  readonly features?: readonly FeatureId[];
}

function sameIntegration(a: Integration, b: Integration): boolean {
  return a.kind === b.kind && a.package === b.package;
}

/** Either column's lowest or highest version falls inside the other. */
function overlaps(a: ReleaseColumn, b: ReleaseColumn): boolean {
  const touches = (x: ReleaseColumn, y: ReleaseColumn) => {
    const bounds = versionBounds(x.versions);
    return bounds !== undefined && [bounds.low, bounds.high].some((v) => matchVersionItems(v, y.versions) !== 'none');
  };
  return touches(a, b) || touches(b, a);
}

/** Pairs each old column with its successor: the same key, or else the same integration and kernel over overlapping versions. */
function pairColumns(before: readonly ReleaseColumn[], after: readonly ReleaseColumn[]) {
  const pairs: Array<[ReleaseColumn, ReleaseColumn]> = [];
  const unpairedBefore = new Set(before);
  const unpairedAfter = new Set(after);
  for (const old of before) {
    const successor = after.find((c) => c.key === old.key && unpairedAfter.has(c));
    if (successor) {
      pairs.push([old, successor]);
      unpairedBefore.delete(old);
      unpairedAfter.delete(successor);
    }
  }
  for (const old of [...unpairedBefore]) {
    const successor = [...unpairedAfter].find(
      (c) =>
        sameIntegration(c.integration, old.integration) &&
        c.kernel?.flavor === old.kernel?.flavor &&
        c.kernel?.label === old.kernel?.label &&
        overlaps(old, c),
    );
    if (successor) {
      pairs.push([old, successor]);
      unpairedBefore.delete(old);
      unpairedAfter.delete(successor);
    }
  }
  // A column whose versions moved into a merged successor ("8.4" into "9.1-9.3, 8.4") was not dropped.
  const merged = (old: ReleaseColumn) =>
    after.some(
      (c) =>
        sameIntegration(c.integration, old.integration) &&
        c.kernel?.flavor === old.kernel?.flavor &&
        old.versions.every((item) => {
          const bounds = versionBounds([item]);
          return bounds !== undefined && [bounds.low, bounds.high].every((v) => matchVersionItems(v, c.versions) !== 'none');
        }),
    );
  return { pairs, dropped: [...unpairedBefore].filter((c) => !merged(c)), added: [...unpairedAfter] };
}

/** The new versions of a column all come from other old columns it absorbed: a merge, not a change of support. */
function onlyMerged(old: ReleaseColumn, column: ReleaseColumn, beforeColumns: readonly ReleaseColumn[]): boolean {
  const others = beforeColumns.filter((c) => c !== old && sameIntegration(c.integration, old.integration));
  const lost = old.versions.some((item) => {
    const bounds = versionBounds([item]);
    return bounds !== undefined && matchVersionItems(bounds.high, column.versions) === 'none';
  });
  if (lost) return false;
  return (
    column.versions.every((item) => {
      const bounds = versionBounds([item]);
      if (!bounds) return false;
      const points = [bounds.low, bounds.high];
      return (
        points.every((v) => matchVersionItems(v, old.versions) !== 'none') ||
        others.some((c) => points.every((v) => matchVersionItems(v, c.versions) !== 'none'))
      );
    }) && others.length > 0
  );
}

/** Whether a column's new header names a version its old header did not: newly supported, not just relabelled. */
export function versionsGrew(before: ReleaseColumn, after: ReleaseColumn): boolean {
  const bounds = versionBounds(after.versions);
  return bounds !== undefined && [bounds.low, bounds.high].some((v) => matchVersionItems(v, before.versions) === 'none');
}

function availableHosts(column: ReleaseColumn, feature: FeatureId): Set<HostId> {
  const { status, hosts } = cellStatus(column.features[feature], undefined);
  return new Set(status === 'available' ? hosts : []);
}

/** What changed between two snapshots listing the same families. */
export function diffSnapshots(
  before: MatrixSnapshot | undefined,
  after: MatrixSnapshot,
  families: readonly DistroId[],
  filter: DiffFilter = {},
): KbChange[] {
  const inScope = (c: ReleaseColumn) => c.families.some((f) => families.includes(f));
  const { pairs, dropped, added } = pairColumns(before?.columns.filter(inScope) ?? [], after.columns.filter(inScope));
  const changes: KbChange[] = [];
  const familiesOf = (c: ReleaseColumn) => c.families.filter((f) => families.includes(f));
  for (const column of added) changes.push({ kind: 'added', families: familiesOf(column), column, to: after });
  if (before) for (const column of dropped) changes.push({ kind: 'dropped', families: familiesOf(column), column, from: before });
  if (!before) return changes;
  for (const [old, column] of pairs) {
    // A header reworded without a change of versions ("16.04" → "16.04 LTS") is no change.
    if (
      describeVersionItems(old.versions) !== describeVersionItems(column.versions) &&
      !onlyMerged(old, column, before.columns.filter(inScope))
    ) {
      changes.push({ kind: 'versions-changed', families: familiesOf(column), before: old, column, from: before, to: after });
    }
    const wanted = (h: HostId) => !filter.hosts || filter.hosts.includes(h);
    const coreBefore = availableHosts(old, 'core');
    const coreAfter = availableHosts(column, 'core');
    const hostsAdded = [...coreAfter].filter((h) => !coreBefore.has(h) && wanted(h));
    const hostsRemoved = [...coreBefore].filter((h) => !coreAfter.has(h) && wanted(h));
    if (hostsAdded.length)
      changes.push({ kind: 'host-added', families: familiesOf(column), column, hosts: hostsAdded, from: before, to: after });
    if (hostsRemoved.length)
      changes.push({ kind: 'host-removed', families: familiesOf(column), column, hosts: hostsRemoved, from: before, to: after });
    const features = new Set([...Object.keys(old.features), ...Object.keys(column.features)] as FeatureId[]);
    features.delete('core');
    for (const feature of features) {
      if (filter.features && !filter.features.includes(feature)) continue;
      const was = availableHosts(old, feature);
      const now = availableHosts(column, feature);
      // A host that joined or left the whole release is reported once, above.
      const gained = [...now].filter((h) => !was.has(h) && wanted(h) && !hostsAdded.includes(h));
      const lost = [...was].filter((h) => !now.has(h) && wanted(h) && !hostsRemoved.includes(h));
      if (gained.length)
        changes.push({ kind: 'feature-added', families: familiesOf(column), column, feature, hosts: gained, from: before, to: after });
      if (lost.length)
        changes.push({ kind: 'feature-removed', families: familiesOf(column), column, feature, hosts: lost, from: before, to: after });
    }
  }
  return changes;
}

/**
 * What changed in the KB between two dates: for each family, its newest snapshot at `from` against its newest at `to`,
 * plus LIS releases in between. Families that share a snapshot pair are compared once.
 */
export function diffKb(kb: KnowledgeBase, from: string, to: string, filter: DiffFilter = {}): KbChange[] {
  const groups = new Map<string, { before: MatrixSnapshot | undefined; after: MatrixSnapshot; families: DistroId[] }>();
  for (const family of kb.families.values()) {
    if (filter.families && !filter.families.includes(family.id)) continue;
    const before = kb.snapshotAt(family.id, from);
    const after = kb.snapshotAt(family.id, to);
    if (!after || before?.id === after.id) continue;
    const key = `${before?.id ?? '-'}>${after.id}`;
    const group = groups.get(key) ?? { before, after, families: [] };
    group.families.push(family.id);
    groups.set(key, group);
  }
  const changes = [...groups.values()].flatMap(({ before, after, families }) => diffSnapshots(before, after, families, filter));
  const releases = kb.lisReleases
    .filter((r) => r.released !== undefined && r.released > from && r.released <= to)
    .filter((r) => !filter.families || r.guests.some((g) => filter.families!.includes(g.family)))
    .map((release) => ({ kind: 'lis-release' as const, release }));
  return [...changes, ...releases].filter((change) => !filter.hosts || hostsMatch(change, filter.hosts));
}

function hostsMatch(change: KbChange, hosts: readonly HostId[]): boolean {
  if (
    change.kind === 'lis-release' ||
    change.kind === 'feature-added' ||
    change.kind === 'feature-removed' ||
    change.kind === 'host-added' ||
    change.kind === 'host-removed'
  )
    return true;
  const core = availableHosts(change.column, 'core');
  return core.size === 0 || hosts.some((h) => core.has(h));
}
