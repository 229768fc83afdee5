import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, FeatureId, HostId, MatrixSnapshot, ReleaseColumn } from '../schema/index.ts';
import { cellStatus } from './feature.ts';
import { KbMemo } from '../kb-memo.ts';

export interface FamilyWithFeature {
  readonly family: DistroId;
  readonly snapshot: MatrixSnapshot;
  readonly columns: readonly ReleaseColumn[];
  readonly without: readonly ReleaseColumn[];
}

// Who has a feature is a pure function of the KB, the feature, the host and the date: worked out once for each.
const answered = new KbMemo<readonly FamilyWithFeature[]>(1024);

/** For each family's newest snapshot: which columns have the feature (on the host, when one is given). */
export function queryWhoHas(
  kb: KnowledgeBase,
  feature: FeatureId,
  options: { host?: HostId; asOf?: string } = {},
): readonly FamilyWithFeature[] {
  const key = `${feature}\u0000${options.host ?? ''}\u0000${options.asOf ?? ''}`;
  return answered.get(kb, key, () => whoHas(kb, feature, options.host, options.asOf));
}

function whoHas(kb: KnowledgeBase, feature: FeatureId, host: HostId | undefined, asOf: string | undefined): FamilyWithFeature[] {
  const answers: FamilyWithFeature[] = [];
  for (const family of kb.families.values()) {
    const snapshot = kb.snapshotAt(family.id, asOf);
    if (!snapshot || family.kind === 'other') continue;
    const columns = snapshot.columns.filter((c) => c.families.includes(family.id) && c.features[feature] !== undefined);
    if (columns.length === 0) continue;
    const has = columns.filter((c) => cellStatus(c.features[feature], host).status === 'available');
    answers.push({ family: family.id, snapshot, columns: has, without: columns.filter((c) => !has.includes(c)) });
  }
  return answers;
}
