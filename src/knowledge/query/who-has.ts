import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, FeatureId, HostId, MatrixSnapshot, ReleaseColumn } from '../schema/index.ts';
import { cellStatus } from './feature.ts';

export interface FamilyWithFeature {
  readonly family: DistroId;
  readonly snapshot: MatrixSnapshot;
  readonly columns: readonly ReleaseColumn[];
  readonly without: readonly ReleaseColumn[];
}

// Who has a feature is a pure function of the KB, the feature, the host and the date: worked out once for each.
const MAX_REMEMBERED_QUERIES = 1024;
const answered = new WeakMap<KnowledgeBase, Map<string, readonly FamilyWithFeature[]>>();

/** For each family's newest snapshot: which columns have the feature (on the host, when one is given). */
export function queryWhoHas(
  kb: KnowledgeBase,
  feature: FeatureId,
  options: { host?: HostId; asOf?: string } = {},
): readonly FamilyWithFeature[] {
  let known = answered.get(kb);
  if (!known) answered.set(kb, (known = new Map<string, readonly FamilyWithFeature[]>()));
  const key = `${feature}\u0000${options.host ?? ''}\u0000${options.asOf ?? ''}`;
  let answers = known.get(key);
  if (!answers) {
    answers = whoHas(kb, feature, options.host, options.asOf);
    // Dates come from users: the memo is bounded.
    if (known.size >= MAX_REMEMBERED_QUERIES) known.clear();
    known.set(key, answers);
  }
  return answers;
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
