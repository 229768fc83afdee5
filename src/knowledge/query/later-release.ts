import type { DistroId, FeatureId, HostId, Integration, MatrixSnapshot, ReleaseColumn } from '../schema/index.ts';
import { compareVersions, parseVersion, versionBounds } from '../version.ts';
import { cellStatus } from './feature.ts';

function sameIntegration(a: Integration, b: Integration): boolean {
  return a.kind === b.kind && a.package === b.package;
}

/**
 * The release to move to when one lacks a feature: the page's lowest column above the asked version that has it (on
 * the asked host), for the same kernel, and for the same way of getting integration services before any other.
 */
export function laterColumnWith(
  snapshot: MatrixSnapshot,
  asked: { family: DistroId; version: string; feature: FeatureId; host?: HostId; kernel?: ReleaseColumn['kernel'] },
  integration: Integration,
): ReleaseColumn | undefined {
  const version = parseVersion(asked.version);
  if (!version) return undefined;
  const lowest = (column: ReleaseColumn) => versionBounds(column.versions)?.low;
  return snapshot.columns
    .filter((c) => c.families.includes(asked.family) && c.kernel === asked.kernel)
    .filter((c) => cellStatus(c.features[asked.feature], asked.host).status === 'available')
    .filter((c) => {
      const low = lowest(c);
      return low !== undefined && compareVersions(low, version) > 0;
    })
    .sort(
      (a, b) =>
        Number(!sameIntegration(a.integration, integration)) - Number(!sameIntegration(b.integration, integration)) ||
        compareVersions(lowest(a)!, lowest(b)!),
    )[0];
}
