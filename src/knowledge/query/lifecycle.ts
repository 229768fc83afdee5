import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, MatrixSnapshot, ReleaseColumn } from '../schema/index.ts';
import { matchVersionItems, parseVersion } from '../version.ts';

export interface Lifecycle {
  /** The oldest dated source that lists the version this way. */
  readonly firstSeen: MatrixSnapshot;
  /** The newest dated source that lists it. */
  readonly lastSeen: MatrixSnapshot;
}

/**
 * When a version was listed with a given integration (built in, a LIS download, ports): the first and last
 * dated sources of the family that hold it that way.
 */
export function versionLifecycle(kb: KnowledgeBase, family: DistroId, version: string, column: ReleaseColumn): Lifecycle | undefined {
  const parsed = parseVersion(version);
  if (!parsed) return undefined;
  const holding = kb
    .history(family)
    .filter((snapshot) =>
      snapshot.columns.some(
        (c) =>
          c.families.includes(family) &&
          c.integration.kind === column.integration.kind &&
          c.integration.package === column.integration.package &&
          matchVersionItems(parsed, c.versions) !== 'none',
      ),
    );
  const lastSeen = holding[0];
  const firstSeen = holding[holding.length - 1];
  return lastSeen && firstSeen ? { firstSeen, lastSeen } : undefined;
}
