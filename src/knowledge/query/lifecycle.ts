import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, HostId, MatrixSnapshot, ReleaseColumn } from '../schema/index.ts';
import { cellStatus } from './feature.ts';
import { matchVersionItems, parseVersion } from '../version.ts';

export interface Lifecycle {
  /** The oldest dated source that lists the version this way. */
  readonly firstSeen: MatrixSnapshot;
  /** The newest dated source that lists it. */
  readonly lastSeen: MatrixSnapshot;
}

/**
 * When a version was listed, with a given integration (built in, a LIS download, ports) when a column says which: the
 * first and last dated sources of the family that hold it (that way).
 */
export function versionLifecycle(kb: KnowledgeBase, family: DistroId, version: string, column?: ReleaseColumn): Lifecycle | undefined {
  const parsed = parseVersion(version);
  if (!parsed) return undefined;
  const holding = kb
    .history(family)
    .filter((snapshot) =>
      snapshot.columns.some(
        (c) =>
          c.families.includes(family) &&
          (!column || (c.integration.kind === column.integration.kind && c.integration.package === column.integration.package)) &&
          matchVersionItems(parsed, c.versions) !== 'none',
      ),
    );
  const lastSeen = holding[0];
  const firstSeen = holding[holding.length - 1];
  return lastSeen && firstSeen ? { firstSeen, lastSeen } : undefined;
}

/** The oldest dated source whose Core rows list a host, among the families given. */
export function hostFirstListed(kb: KnowledgeBase, host: HostId, families: readonly DistroId[]): MatrixSnapshot | undefined {
  return families
    .flatMap((family) => kb.history(family))
    .filter((s) => s.columns.some((c) => cellStatus(c.features.core, undefined).hosts.includes(host)))
    .sort((a, b) => a.era.localeCompare(b.era))[0];
}
