import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, FeatureId, HostId, MatrixSnapshot, ReleaseColumn } from '../schema/index.ts';
import { cellStatus } from './feature.ts';

export interface FamilyWithFeature {
  readonly family: DistroId;
  readonly snapshot: MatrixSnapshot;
  readonly columns: readonly ReleaseColumn[];
  readonly without: readonly ReleaseColumn[];
}

/** For each family's newest snapshot: which columns have the feature (on the host, when one is given). */
export function queryWhoHas(kb: KnowledgeBase, feature: FeatureId, options: { host?: HostId; asOf?: string } = {}): FamilyWithFeature[] {
  const answers: FamilyWithFeature[] = [];
  for (const family of kb.families.values()) {
    const snapshot = kb.snapshotAt(family.id, options.asOf);
    if (!snapshot || family.kind === 'other') continue;
    const columns = snapshot.columns.filter((c) => c.families.includes(family.id) && c.features[feature] !== undefined);
    if (columns.length === 0) continue;
    const has = columns.filter((c) => cellStatus(c.features[feature], options.host).status === 'available');
    answers.push({ family: family.id, snapshot, columns: has, without: columns.filter((c) => !has.includes(c)) });
  }
  return answers;
}
