import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, FeatureId, HostId } from '../schema/index.ts';
import { hostRank } from './eras.ts';
import { KbMemo } from '../kb-memo.ts';

const listed = new KbMemo<readonly HostId[]>(1024);

/**
 * Every host any dated page lists a feature as available on for a family, in any column, oldest host first: "Hyper-V
 * sockets" for RHEL is 2016 and later on every page. Empty when no page marks the feature available for the family.
 */
export function hostsEverListedWith(kb: KnowledgeBase, family: DistroId, feature: FeatureId): readonly HostId[] {
  return listed.get(kb, `${family}\u0000${feature}`, () => {
    const hosts = new Set<HostId>();
    for (const snapshot of kb.history(family))
      for (const column of snapshot.columns) {
        if (!column.families.includes(family)) continue;
        for (const cell of column.features[feature] ?? []) if (cell.status === 'available') for (const host of cell.hosts) hosts.add(host);
      }
    return [...hosts].sort((a, b) => hostRank(a) - hostRank(b));
  });
}
