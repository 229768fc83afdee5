import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, FeatureId, LisRelease } from '../schema/index.ts';
import { compareLisVersions, describeVersionItems, matchVersionItems, parseVersion } from '../version.ts';
import { KbMemo } from '../kb-memo.ts';

/** "4.1.3-2" → "4.1": the series a matrix column names as "LIS 4.1". */
export function lisSeries(version: string): string {
  return version.split(/[.-]/).slice(0, 2).join('.');
}

/** Reads "4.1.3", "v4.1", "4" as a release number, or undefined. */
export function normaliseLis(text: string): string | undefined {
  const match = /^v?(\d+(?:\.\d+){0,3}(?:-\d+)?)$/.exec(text.trim().toLowerCase());
  if (!match?.[1]) return undefined;
  return /^\d+$/.test(match[1]) ? `${match[1]}.0` : match[1];
}

const orderings = new WeakMap<KnowledgeBase, readonly LisRelease[]>();

/** The releases oldest first, sorted once per KB: coverage questions ask for it once per release. */
function ordered(kb: KnowledgeBase): readonly LisRelease[] {
  let releases = orderings.get(kb);
  if (!releases) {
    releases = [...kb.lisReleases].sort((a, b) => compareLisVersions(a.version, b.version));
    orderings.set(kb, releases);
  }
  return releases;
}

/** The release record a user's "LIS 4.1.3" names: exactly, or the series' own record for "4.3.0"-style tags. */
export function findLisRelease(kb: KnowledgeBase, version: string): LisRelease | undefined {
  return (
    kb.lisReleases.find((r) => r.version === version) ??
    kb.lisReleases.find((r) => r.version === lisSeries(version) && compareLisVersions(version, r.version) >= 0)
  );
}

/**
 * The records a release builds on: its series' releases up to and including it (tags add guests to the download).
 * A bare series ("LIS 4.1", as the matrix pages name their columns) stands for every release of that series.
 */
function seriesUpTo(kb: KnowledgeBase, release: LisRelease): LisRelease[] {
  const series = lisSeries(release.version);
  const whole = release.version === series;
  return ordered(kb).filter((r) => lisSeries(r.version) === series && (whole || compareLisVersions(r.version, release.version) <= 0));
}

/**
 * The records whose guests a named release covers: a bare series ("LIS 4.0") is its own download and the repository
 * tags built on it, not the later downloads of the series, whose notes are their own (4.0.11 added RHEL 6.7, 4.1.3
 * added 7.3; a page column named "LIS 4.1" that lists more is read by the verdict engine itself).
 */
function coveringRecords(kb: KnowledgeBase, release: LisRelease): LisRelease[] {
  const whole = release.version === lisSeries(release.version);
  return seriesUpTo(kb, release).filter((r) => !whole || r === release || r.kind !== 'download');
}

export function lisCovers(kb: KnowledgeBase, release: LisRelease, family: DistroId, version: string, kernel?: 'rhck' | 'uek'): boolean {
  const parsed = parseVersion(version);
  if (!parsed) return false;
  if (kernel === 'uek') return false;
  return coveringRecords(kb, release).some((r) =>
    r.guests.some((g) => g.family === family && matchVersionItems(parsed, g.versions) !== 'none'),
  );
}

/** Whether a release's own notes list the guest version: not its series, so "4.1" does not inherit 4.1.3's guests. */
export function lisOwnCovers(release: LisRelease, family: DistroId, version: string): boolean {
  const parsed = parseVersion(version);
  return (
    parsed !== undefined &&
    release.guests.some((g) => g.family === family && g.kernel !== 'uek' && matchVersionItems(parsed, g.versions) !== 'none')
  );
}

/**
 * The first download after `release` whose own notes list the guest version, whether later downloads do too, and the
 * repository tag that listed it before that download, if one did: RHEL 7.5 is in the 4.3 download, first in the 4.2.6 tag.
 */
export function nextReleaseCovering(
  kb: KnowledgeBase,
  release: LisRelease,
  family: DistroId,
  version: string,
): { first: LisRelease; more: boolean; tag?: LisRelease } | undefined {
  const later = ordered(kb).filter((r) => compareLisVersions(r.version, release.version) > 0 && lisOwnCovers(r, family, version));
  const downloads = later.filter((r) => r.kind === 'download');
  const first = downloads[0];
  if (!first) return undefined;
  const tag = later.find((r) => r.kind !== 'download' && compareLisVersions(r.version, first.version) < 0);
  return { first, more: downloads.length > 1, ...(tag ? { tag } : {}) };
}

/** Whether the release says anything about the family at all. */
export function lisNamesFamily(kb: KnowledgeBase, release: LisRelease, family: DistroId): boolean {
  return seriesUpTo(kb, release).some((r) => r.guests.some((g) => g.family === family));
}

// Versions come from users: the memo is bounded, so odd ones cannot grow it without end.
const coverings = new KbMemo<readonly LisRelease[]>(4096);

/** The download releases that cover a guest, oldest first; worked out once per guest and KB. */
export function releasesCovering(kb: KnowledgeBase, family: DistroId, version: string, kernel?: 'rhck' | 'uek'): readonly LisRelease[] {
  return coverings.get(kb, `${family}\u0000${version}\u0000${kernel ?? ''}`, () =>
    ordered(kb).filter((r) => r.kind === 'download' && lisCovers(kb, r, family, version, kernel)),
  );
}

export function lisHosts(kb: KnowledgeBase, release: LisRelease): LisRelease['hosts'] {
  return listingHosts(kb, release)?.hosts ?? [];
}

/**
 * The desktop Windows releases a release's own notes name as hosts (a later update's additions do not count for the
 * series name: LIS 4.0.11 named Windows 10, LIS 4.0 did not); a release whose notes list no hosts reads lisHosts' notes.
 */
export function lisClientHosts(kb: KnowledgeBase, release: LisRelease): LisRelease['clientHosts'] {
  return release.hosts.length > 0 ? release.clientHosts : (listingHosts(kb, release)?.clientHosts ?? []);
}

/** The latest release of the series up to this one whose notes list hosts. */
function listingHosts(kb: KnowledgeBase, release: LisRelease): LisRelease | undefined {
  const withHosts = seriesUpTo(kb, release).filter((r) => r.hosts.length > 0);
  return withHosts[withHosts.length - 1];
}

export type LisFeatureFinding =
  | { readonly state: 'has'; readonly why: string; readonly addedIn?: LisRelease }
  | { readonly state: 'lacks'; readonly why: string; readonly addedIn?: LisRelease }
  | { readonly state: 'unknown'; readonly why: string };

/** What the release notes say about one feature in one release, when no matrix column shows that release. */
export function lisFeature(kb: KnowledgeBase, release: LisRelease, feature: FeatureId, version?: string): LisFeatureFinding {
  const all = ordered(kb);
  const scoped = release.featuresScoped.find((s) => s.feature === feature);
  if (scoped) {
    const parsed = version === undefined ? undefined : parseVersion(version);
    const range = describeVersionItems(scoped.versions);
    if (!parsed) return { state: 'has', why: `LIS ${release.version} has it on ${range} only` };
    const inside = matchVersionItems(parsed, scoped.versions) !== 'none';
    return inside
      ? { state: 'has', why: `LIS ${release.version} has it on ${range}` }
      : { state: 'lacks', why: `LIS ${release.version} has it only on ${range}` };
  }
  const upTo = all.filter((r) => compareLisVersions(r.version, release.version) <= 0);
  const addedIn = all.find((r) => r.featuresAdded.includes(feature));
  if (release.featuresLacking.includes(feature)) {
    const later = all.find(
      (r) =>
        compareLisVersions(r.version, release.version) > 0 &&
        (r.featuresAdded.includes(feature) || r.featuresIncluded.includes(feature)) &&
        !r.featuresLacking.includes(feature),
    );
    return {
      state: 'lacks',
      why: `LIS ${release.version} lacks it${later ? `; LIS ${later.version} added it` : ''}`,
      ...(later ? { addedIn: later } : {}),
    };
  }
  if (release.featuresIncluded.includes(feature) || feature === 'core') return { state: 'has', why: `LIS ${release.version} includes it` };
  const earlier = upTo.find((r) => r.featuresAdded.includes(feature));
  if (earlier) return { state: 'has', why: `it came with LIS ${earlier.version}`, addedIn: earlier };
  if (addedIn) return { state: 'lacks', why: `it first came with LIS ${addedIn.version}`, addedIn };
  return { state: 'unknown', why: `the LIS release notes I hold do not say whether LIS ${release.version} has it` };
}
