import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DistroId, LisRelease } from '../../knowledge/schema/index.ts';
import { compareLisVersions, compareVersions, versionBounds, type ParsedVersion } from '../../knowledge/version.ts';
import { lisOwnCovers } from '../../knowledge/query/lis-coverage.ts';

/** When the Microsoft LIS releases took up one guest version, and whether they ever left it out again. */
export interface GuestTimeline {
  /** The first release (download or repository tag) whose own notes list the version. */
  readonly first: LisRelease;
  /** Downloads after the first that left the version out, and the download that took it back. */
  readonly gap?: { readonly from: LisRelease; readonly to: LisRelease; readonly back: LisRelease };
  /** The first numbered download that lists it, when the first was a repository tag. */
  readonly firstDownload?: LisRelease;
  /** The newest download that covers the version. */
  readonly newest: LisRelease;
}

/**
 * Which release first listed a guest version ("which LIS added RHEL 7.3" → 4.1.3). Each record is read on its own
 * notes, so a point release or tag that added the version is found, not the series it belongs to. RHEL 5.2 shows the
 * gap: LIS 2.1 listed it, 3.4 to 4.0.11 did not, and 4.1 took it back.
 */
export function guestTimeline(kb: KnowledgeBase, family: DistroId, version: string): GuestTimeline | undefined {
  const releases = [...kb.lisReleases].sort((a, b) => compareLisVersions(a.version, b.version));
  const first = releases.find((r) => lisOwnCovers(r, family, version));
  if (!first) return undefined;
  const downloads = releases.filter((r) => r.kind === 'download' && compareLisVersions(r.version, first.version) > 0);
  const covering = downloads.filter((r) => lisOwnCovers(r, family, version));
  const newest = covering[covering.length - 1] ?? first;
  const firstDownload = first.kind === 'download' ? undefined : covering[0];
  const timeline = { first, newest, ...(firstDownload ? { firstDownload } : {}) };
  const lastLeftOut = downloads.findLast((r) => !lisOwnCovers(r, family, version) && compareLisVersions(r.version, newest.version) < 0);
  if (!lastLeftOut) return timeline;
  const from = downloads.find((r) => !lisOwnCovers(r, family, version))!;
  const back = covering.find((r) => compareLisVersions(r.version, lastLeftOut.version) > 0)!;
  return { ...timeline, gap: { from, to: lastLeftOut, back } };
}

/** The oldest version of a family any release lists, with its timeline: "the downloads go back to RHEL/CentOS 5.2". */
export interface OldestListed {
  readonly version: string;
  readonly timeline: GuestTimeline;
}

export function oldestListed(kb: KnowledgeBase, family: DistroId): OldestListed | undefined {
  let oldest: ParsedVersion | undefined;
  for (const release of kb.lisReleases)
    for (const guest of release.guests) {
      if (guest.family !== family || guest.kernel === 'uek') continue;
      const low = versionBounds(guest.versions)?.low;
      if (low && (!oldest || compareVersions(low, oldest) < 0)) oldest = low;
    }
  if (!oldest) return undefined;
  const version = oldest.parts.join('.');
  const timeline = guestTimeline(kb, family, version);
  return timeline && { version, timeline };
}
