import type { Reply } from '../core/reply.ts';
import type { KbChange } from '../knowledge/diff.ts';
import { diffSnapshots } from '../knowledge/diff.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { querySupport } from '../knowledge/query/support.ts';
import type { DistroId, FeatureId, MatrixSnapshot } from '../knowledge/schema/index.ts';
import type { AnswerRecord } from './ledger.ts';

function featureIdsOf(feature: string | undefined): FeatureId[] {
  if (!feature) return [];
  return (feature === 'dynamic-memory' ? ['dm-hot-add', 'dm-ballooning'] : [feature]) as FeatureId[];
}

/** The facts an answer rests on: the page versions, release columns, feature cells, notes and records it read. */
export function answerFacts(kb: KnowledgeBase, reply: Reply): string[] {
  const facts = new Set<string>();
  const bySource = new Map([...kb.snapshots.values()].map((s) => [s.source, s.id]));
  for (const source of reply.sources) {
    const snapshot = kb.snapshots.has(source.id) ? source.id : bySource.get(source.id);
    if (snapshot) facts.add(`snapshot:${snapshot}`);
  }
  const { distro, version, kernel, feature, asOf, lis } = reply.entities;
  if (distro) {
    const support = querySupport(kb, { family: distro, version, kernel, asOf });
    if (support.current) facts.add(`snapshot:${support.current.id}`);
    for (const match of support.matches) {
      facts.add(`snapshot:${match.snapshot.id}`);
      facts.add(`column:${match.snapshot.id}/${match.column.key}`);
      for (const id of featureIdsOf(feature)) facts.add(`feature:${match.snapshot.id}/${match.column.key}/${id}`);
    }
  }
  for (const note of reply.notes) for (const [, citation] of note.matchAll(/\[([^\]\s]+#\d+)\]/g)) facts.add(`note:${citation}`);
  if (lis) facts.add(`record:lis-${lis}`);
  return [...facts].sort();
}

export interface FactChange {
  /** The newer page version that changed a fact the answer rested on. */
  readonly page: MatrixSnapshot;
  readonly changes: readonly KbChange[];
}

function touchesColumn(change: KbChange, keys: ReadonlySet<string>): boolean {
  if (change.kind === 'lis-release') return false;
  if (keys.has(change.column.key)) return true;
  return change.kind === 'versions-changed' && keys.has(change.before.key);
}

/**
 * Which of the answer's facts a newer KB changed, read from the diff between the page version the answer used
 * and the one the new KB answers from. Empty when nothing it rested on moved.
 */
export function changedFacts(kb: KnowledgeBase, entry: AnswerRecord): FactChange[] {
  const found: FactChange[] = [];
  const features = new Set(entry.facts.filter((f) => f.startsWith('feature:')).map((f) => f.split('/').pop()!));
  for (const fact of entry.facts.filter((f) => f.startsWith('snapshot:'))) {
    const oldId = fact.slice('snapshot:'.length);
    const old = kb.snapshots.get(oldId);
    const families = (old?.families ?? [entry.entities.distro]).filter(
      (f): f is DistroId => f !== undefined && (entry.entities.distro === undefined || f === entry.entities.distro),
    );
    for (const family of families) {
      const now = kb.snapshotAt(family, entry.entities.asOf);
      if (!now || now.id === oldId) continue;
      const columns = new Set(entry.facts.filter((f) => f.startsWith(`column:${oldId}/`)).map((f) => f.slice(`column:${oldId}/`.length)));
      const relevant = diffSnapshots(old, now, [family]).filter((change) => {
        if (change.kind === 'lis-release') return false;
        // An answer that found no column is changed by a column that appears or widens.
        if (columns.size === 0) return change.kind === 'added' || change.kind === 'versions-changed';
        if (!touchesColumn(change, columns)) return false;
        if (change.kind === 'feature-added' || change.kind === 'feature-removed') return features.has(change.feature);
        return true;
      });
      if (relevant.length > 0 || !old) found.push({ page: now, changes: relevant });
    }
  }
  return found;
}
