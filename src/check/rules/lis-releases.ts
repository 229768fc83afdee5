import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DistroId, LisRelease } from '../../knowledge/schema/index.ts';
import { compareLisVersions, matchVersionItems, parseVersion } from '../../knowledge/version.ts';
import { cached } from './kb-cache.ts';

/** "4.1.2-2" → [4, 1, 2, 2]. */
export function lisTuple(version: string): number[] {
  return version.split(/[.-]/).map((p) => (/^\d{1,6}$/.test(p) ? Number(p) : 0));
}

export const compareLis = compareLisVersions;

/** The download a repository tag belongs to: 4.3.5 → the LIS 4.3 download. */
function parentDownload(kb: KnowledgeBase, release: LisRelease): LisRelease | undefined {
  if (release.kind === 'download') return release;
  const [major, minor] = lisTuple(release.version);
  return kb.lisReleases.find((r) => r.kind === 'download' && r.version === `${major}.${minor}`);
}

/** Whether a LIS release (or the download it belongs to) lists this guest release. */
export function lisCovers(kb: KnowledgeBase, release: LisRelease, family: DistroId, version: string): boolean {
  return cached(kb, 'lis-covers', `${release.id}|${family}|${version}`, () => coversGuest(kb, release, family, version));
}

function coversGuest(kb: KnowledgeBase, release: LisRelease, family: DistroId, version: string): boolean {
  const parsed = parseVersion(version);
  if (!parsed) return false;
  const releases = [release, parentDownload(kb, release)].filter((r): r is LisRelease => r !== undefined);
  return releases.some((r) => r.guests.some((g) => g.family === family && matchVersionItems(parsed, g.versions) !== 'none'));
}

export function lisRelease(kb: KnowledgeBase, version: string): LisRelease | undefined {
  return kb.lisReleases.find((r) => r.version === version) ?? kb.lisReleases.find((r) => compareLis(r.version, version) === 0);
}

/**
 * The newest LIS download that lists the guest release, and the newest tagged build in its
 * series (LIS 4.3 downloads were refreshed up to 4.3.5).
 */
export function latestLis(kb: KnowledgeBase, family: DistroId, version: string): { download: LisRelease; newest: LisRelease } | undefined {
  return cached(kb, 'latest-lis', `${family}|${version}`, () => findLatestLis(kb, family, version));
}

function findLatestLis(kb: KnowledgeBase, family: DistroId, version: string): { download: LisRelease; newest: LisRelease } | undefined {
  const downloads = kb.lisReleases.filter((r) => r.kind === 'download' && lisCovers(kb, r, family, version));
  const download = downloads.sort((a, b) => compareLis(b.version, a.version))[0];
  if (!download) return undefined;
  const series = kb.lisReleases.filter((r) => r.version === download.version || r.version.startsWith(`${download.version}.`));
  const newest = series.sort((a, b) => compareLis(b.version, a.version))[0] ?? download;
  return { download, newest };
}
