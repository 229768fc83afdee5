import type { KnowledgeBase } from '../knowledge-base.ts';
import type { DistroId, HostId, MatrixSnapshot } from '../schema/index.ts';
import { HOST_IDS } from '../schema/index.ts';

const pageHostCache = new WeakMap<MatrixSnapshot, Map<DistroId, readonly HostId[]>>();

/** Every host a page names for a family, in any row: the hosts that page's era knew. */
export function pageHosts(snapshot: MatrixSnapshot, family: DistroId): readonly HostId[] {
  let byFamily = pageHostCache.get(snapshot);
  if (!byFamily) pageHostCache.set(snapshot, (byFamily = new Map<DistroId, readonly HostId[]>()));
  const cached = byFamily.get(family);
  if (cached) return cached;
  const hosts = new Set<HostId>();
  for (const column of snapshot.columns) {
    if (!column.families.includes(family)) continue;
    for (const cell of Object.values(column.features)) for (const entry of cell) for (const host of entry.hosts) hosts.add(host);
  }
  const sorted = HOST_IDS.filter((h) => hosts.has(h));
  byFamily.set(family, sorted);
  return sorted;
}

/** The newest host a page names for any family (the talk names hosts for some families' rows only). */
export function newestHostOnPage(snapshot: MatrixSnapshot): HostId | undefined {
  let newest: HostId | undefined;
  for (const column of snapshot.columns)
    for (const cell of Object.values(column.features))
      for (const entry of cell) for (const host of entry.hosts) if (!newest || hostRank(host) > hostRank(newest)) newest = host;
  return newest;
}

export function hostRank(host: HostId): number {
  return HOST_IDS.indexOf(host);
}

/** When each Windows Server release became generally available: a page dated earlier cannot know it. */
export const HOST_RELEASED: Record<HostId, string> = {
  '2008 R2': '2009-10-22',
  '2012': '2012-09-04',
  '2012 R2': '2013-10-18',
  '2016': '2016-10-12',
  '2019': '2018-10-02',
  '2022': '2021-08-18',
  '2025': '2024-11-01',
};

/**
 * Where a host stands against a page: named on it; newer than the page can speak for (released after its era, or newer
 * than every host it names for the family: a page that stops at 2019 says nothing of 2022); or older, left out.
 */
export function hostOnPage(snapshot: MatrixSnapshot, family: DistroId, host: HostId): 'listed' | 'newer' | 'older' {
  const hosts = pageHosts(snapshot, family);
  if (hosts.includes(host)) return 'listed';
  if (HOST_RELEASED[host] > snapshot.era) return 'newer';
  if (hosts.length > 0 && hostRank(host) > hostRank(hosts[hosts.length - 1]!)) return 'newer';
  return 'older';
}

export function isTalk(snapshot: MatrixSnapshot): boolean {
  return snapshot.source.startsWith('teched');
}

/** "the 2019 page", "the 2014 TechEd talk". */
export function eraLabel(snapshot: MatrixSnapshot): string {
  return isTalk(snapshot) ? `the ${snapshot.era.slice(0, 4)} TechEd talk` : `the ${snapshot.era.slice(0, 4)} page`;
}

/** "the 2016–2020 pages", "the 2019 page", "the 2014 TechEd talk and the 2016 page". */
export function eraRangeLabel(snapshots: readonly MatrixSnapshot[]): string {
  if (snapshots.length === 0) return 'no page';
  const talks = snapshots.filter(isTalk);
  const pages = snapshots.filter((s) => !isTalk(s));
  const years = [...new Set(pages.map((s) => s.era.slice(0, 4)))].sort();
  const pagePart =
    years.length === 0 ? '' : years.length === 1 ? `the ${years[0]} page` : `the ${years[0]}–${years[years.length - 1]} pages`;
  const talkPart = talks.length ? eraLabel(talks[0]!) : '';
  return [talkPart, pagePart].filter(Boolean).join(' and ');
}

/** "per the 2019–2023 pages": the sources that agree with a verdict, or the one that decided it when none is listed. */
export function perPages(agreeing: readonly MatrixSnapshot[], deciding: MatrixSnapshot | undefined): string {
  return `per ${eraRangeLabel(agreeing.length ? agreeing : deciding ? [deciding] : [])}`;
}

/** Every source that lists the family, newest first, as the record stood at asOf (a date or a snapshot id). */
export function erasAt(kb: KnowledgeBase, family: DistroId, asOf?: string): MatrixSnapshot[] {
  const history = kb.history(family);
  if (asOf === undefined) return [...history];
  const pinned = history.findIndex((s) => s.id === asOf);
  if (pinned >= 0) return history.slice(pinned);
  return standingOn(history, asOf, kb.data.snapshots);
}

/**
 * The snapshots published by a date. A date earlier in the same year as the oldest source of all ("early 2014",
 * before the May 2014 talk) is read as that source's time: dates people give that far back are rough, and nothing
 * older exists to answer from.
 */
export function standingOn<S extends { readonly era: string }>(snapshots: readonly S[], date: string, all: readonly S[] = snapshots): S[] {
  const published = snapshots.filter((s) => s.era <= date);
  if (published.length > 0 || all.some((s) => s.era <= date)) return published;
  const oldest = all.reduce<string | undefined>((min, s) => (min === undefined || s.era < min ? s.era : min), undefined);
  return oldest?.slice(0, 4) === date.slice(0, 4) ? snapshots.filter((s) => s.era === oldest) : [];
}
