import type { KnowledgeBase } from '../knowledge-base.ts';
import type { Arch, ClientHostId, DistroId, FeatureId, HostId, LisRelease, MatrixSnapshot, OtherOs, VersionItem } from '../schema/index.ts';
import { describeColumn, describeHosts } from '../describe.ts';
import { describeVersionItems, parseVersion } from '../version.ts';
import { combineReadings, readColumn, type ColumnReading, type VerdictKind } from './column-reading.ts';
import { eraLabel, eraRangeLabel, erasAt, HOST_RELEASED, hostOnPage, hostRank, newestHostOnPage, pageHosts, perPages } from './eras.ts';

export { erasAt };
import {
  findLisRelease,
  lisCovers,
  lisFeature,
  lisClientHosts,
  lisHosts,
  lisSeries,
  nextReleaseCovering,
  releasesCovering,
  type LisFeatureFinding,
} from './lis-coverage.ts';
import { matchColumns, nearestColumns, seriesListingOutgrown, type ColumnMatch } from './support.ts';
import type { StatedFacts } from './limits.ts';
import { applyStatedLimits } from './stated-limits.ts';
import { applySixtyFourBitOnly } from './sixty-four-bit-only.ts';
import { uekKey, uekLabel } from './uek.ts';
import { KbMemo } from '../kb-memo.ts';
import { laterColumnWith } from './later-release.ts';
import { hostsEverListedWith } from './feature-hosts.ts';

export type { VerdictKind, ColumnReading };

export interface VerdictQuery {
  readonly family: DistroId;
  readonly version?: string;
  readonly arch?: Arch;
  readonly kernel?: 'rhck' | 'uek';
  /** A UEK release as the user wrote it or as a key: "R3 QU1", "uek5", "r4". */
  readonly uek?: string;
  readonly integration?: 'built-in' | 'download' | 'ports';
  /** A named LIS release: "4.0", "4.1.3". */
  readonly lis?: string;
  readonly host?: HostId;
  /** The desktop Windows the user named as the host, `host` being its server twin: "Windows 10" for 2016. */
  readonly clientHost?: ClientHostId;
  /** Absent: is the guest supported at all (the core row). */
  readonly feature?: FeatureId;
  /** VLAN trunking rather than tagging. */
  readonly trunking?: boolean;
  /** A date (YYYY-MM-DD) or a snapshot id: read the record as it stood then. */
  readonly asOf?: string;
  /** Values the question states (an MTU, a disk size, a kernel build) that a note's limit may rule out. */
  readonly stated?: StatedFacts;
}

export type VerdictReason =
  | 'listed'
  | 'other-os'
  | 'no-data'
  | 'not-listed'
  | 'uek-not-listed'
  | 'host-newer-than-pages'
  | 'host-older-than-pages'
  | 'no-feature-row'
  | 'lis-unknown'
  | 'lis-not-covering'
  | 'lis-not-in-matrix'
  | 'lis-release-notes'
  | 'beyond-limit'
  | 'sixty-four-bit-only';

export interface EraReading {
  readonly snapshot: MatrixSnapshot;
  readonly host: 'listed' | 'newer' | 'older' | 'not-asked';
  readonly columns: readonly ColumnReading[];
  readonly verdict: VerdictKind;
}

export interface Timeline {
  /** The oldest and newest sources that list the guest this way. */
  readonly first?: MatrixSnapshot;
  readonly last?: MatrixSnapshot;
  /** The sources that agree with the verdict for the asked host. */
  readonly agreeing: readonly MatrixSnapshot[];
  readonly hostsAdded: ReadonlyArray<{ snapshot: MatrixSnapshot; hosts: readonly HostId[] }>;
  readonly hostsDropped: ReadonlyArray<{ snapshot: MatrixSnapshot; hosts: readonly HostId[] }>;
  /** Sources that say otherwise, each in our words: shown, never silently overruled. */
  readonly disagreements: readonly string[];
}

export interface Remedy {
  readonly kind: 'newer-lis' | 'built-in' | 'other-column' | 'other-host' | 'later-release';
  readonly text: string;
}

export interface VerdictAnswer {
  readonly query: VerdictQuery;
  readonly verdict: VerdictKind;
  readonly reason: VerdictReason;
  /** For a conditional yes: what it takes. */
  readonly conditions: readonly string[];
  /** The headline in our words, e.g. "Yes on 2012 R2, per the 2016–2020 pages; the newest page no longer lists 2012 R2." */
  readonly headline: string;
  /** Why a no or not-in-matrix, when the headline alone does not say. */
  readonly why?: string;
  /** The columns of the deciding source that the question names. */
  readonly deciding: readonly ColumnReading[];
  readonly decidingEra?: MatrixSnapshot;
  readonly eras: readonly EraReading[];
  readonly timeline: Timeline;
  readonly remedies: readonly Remedy[];
  /** The LIS release the question names, and what its release notes say when no matrix column shows it. */
  readonly lis?: { readonly release: LisRelease; readonly finding?: LisFeatureFinding };
  readonly otherOs?: OtherOs;
  /** When nothing lists the version: the closest listed columns, clearly not the answer. */
  readonly nearest: readonly ColumnMatch[];
}

const EMPTY_TIMELINE: Timeline = { agreeing: [], hostsAdded: [], hostsDropped: [], disagreements: [] };

function subjectOf(kb: KnowledgeBase, q: VerdictQuery, uek: string | undefined): string {
  const parts = [kb.familyName(q.family)];
  if (q.version) parts.push(q.version);
  if (uek) parts.push(uekLabel(uek));
  else if (q.kernel === 'rhck' && q.family === 'oracle-linux') parts.push('RHCK');
  if (q.arch) parts.push(`(${q.arch})`);
  if (q.lis) parts.push(`with LIS ${q.lis}`);
  return parts.join(' ');
}

function columnsFor(snapshot: MatrixSnapshot, q: VerdictQuery, uek: string | undefined): ColumnMatch[] {
  const version = q.version === undefined ? undefined : parseVersion(q.version);
  let columns = matchColumns(snapshot, q.family, version, uek ? 'uek' : q.kernel);
  if (uek) columns = columns.filter((m) => m.column.kernel?.label !== undefined && uekKey(m.column.kernel.label) === uek);
  if (q.lis)
    return columns.filter(
      (m) =>
        m.column.integration.package !== undefined && lisSeries(m.column.integration.package.replace(/^LIS /, '')) === lisSeries(q.lis!),
    );
  if (q.integration) {
    const preferred = columns.filter((m) => m.column.integration.kind === q.integration);
    if (preferred.length) return preferred;
  }
  return columns;
}

function readEra(kb: KnowledgeBase, snapshot: MatrixSnapshot, q: VerdictQuery, uek: string | undefined): EraReading {
  const feature = q.feature ?? 'core';
  const config = { family: q.family, version: q.version, arch: q.arch, host: q.host, feature, trunking: q.trunking };
  const columns = columnsFor(snapshot, q, uek).map((m) => readColumn(kb, snapshot, m.column, m.match, config));
  return {
    snapshot,
    host: q.host === undefined ? 'not-asked' : hostOnPage(snapshot, q.family, q.host),
    columns,
    verdict: combineReadings(columns).verdict,
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function columnLabel(kb: KnowledgeBase, reading: ColumnReading): string {
  return describeColumn(kb, reading.column);
}

function timelineOf(eras: readonly EraReading[], deciding: EraReading | undefined, q: VerdictQuery): Timeline {
  const listing = eras.filter((e) => e.columns.length > 0);
  const chronological = [...listing].reverse();
  const hostsAdded: Array<{ snapshot: MatrixSnapshot; hosts: HostId[] }> = [];
  const hostsDropped: Array<{ snapshot: MatrixSnapshot; hosts: HostId[] }> = [];
  let previous: Set<HostId> | undefined;
  for (const era of chronological) {
    const hosts = new Set(era.columns.flatMap((c) => c.coreHosts));
    if (previous) {
      const added = [...hosts].filter((h) => !previous!.has(h));
      const dropped = [...previous].filter((h) => !hosts.has(h));
      if (added.length) hostsAdded.push({ snapshot: era.snapshot, hosts: added.sort((a, b) => hostRank(a) - hostRank(b)) });
      if (dropped.length) hostsDropped.push({ snapshot: era.snapshot, hosts: dropped.sort((a, b) => hostRank(a) - hostRank(b)) });
    }
    if (hosts.size) previous = hosts;
  }
  const explicit = listing.filter((e) => e.columns.some((c) => c.explicit) && e.verdict !== 'not-in-matrix');
  const agreeing: MatrixSnapshot[] = [];
  const disagreements: string[] = [];
  if (deciding) {
    const yesLike = (v: VerdictKind) => (v === 'conditional' ? 'yes' : v);
    const start = explicit.indexOf(deciding);
    for (let i = Math.max(0, start); i < explicit.length && yesLike(explicit[i]!.verdict) === yesLike(deciding.verdict); i++)
      agreeing.push(explicit[i]!.snapshot);
    if (start < 0) agreeing.push(deciding.snapshot);
    for (const era of explicit) {
      if (yesLike(era.verdict) === yesLike(deciding.verdict)) continue;
      const word = era.verdict === 'no' ? 'no' : 'yes';
      disagreements.push(`${eraLabel(era.snapshot)} said ${word}${q.host ? ` for ${q.host}` : ''}`);
    }
  }
  for (const drop of hostsDropped) {
    const added = hostsAdded.find((a) => a.snapshot === drop.snapshot);
    if (
      drop.hosts.includes('2012 R2') &&
      (added?.hosts.includes('2012') || drop.snapshot.columns.some((c) => c.features.core?.some((e) => e.hosts.includes('2012'))))
    ) {
      disagreements.push(
        `${eraLabel(drop.snapshot)} names 2012 where older pages named 2012 R2; it may mean 2012 R2, so both readings are shown`,
      );
    }
  }
  return { first: chronological[0]?.snapshot, last: listing[0]?.snapshot, agreeing, hostsAdded, hostsDropped, disagreements };
}

function remediesOf(
  kb: KnowledgeBase,
  era: EraReading | undefined,
  q: VerdictQuery,
  uek: string | undefined,
  verdict: VerdictKind,
): Remedy[] {
  if (!era || verdict === 'yes') return [];
  const remedies: Remedy[] = [];
  const feature = q.feature ?? 'core';
  const config = { family: q.family, version: q.version, arch: q.arch, host: q.host, feature, trunking: q.trunking };
  // Unpinned from the LIS and UEK release asked about too: a later release that has it is the remedy.
  const unpinned = columnsFor(era.snapshot, { ...q, lis: undefined, integration: undefined }, undefined);
  const chosen = new Set(era.columns.map((c) => c.column.key));
  for (const m of unpinned) {
    if (chosen.has(m.column.key)) continue;
    const reading = readColumn(kb, era.snapshot, m.column, m.match, config);
    if (reading.verdict !== 'yes' && reading.verdict !== 'conditional') continue;
    const kind =
      m.column.integration.kind === 'built-in' ? 'built-in' : m.column.integration.kind === 'download' ? 'newer-lis' : 'other-column';
    remedies.push({ kind, text: `${columnLabel(kb, reading)} has it${q.host ? ` on ${q.host}` : ''}` });
  }
  const asked = era.columns[0]?.column;
  const later =
    q.feature && q.version && asked
      ? laterColumnWith(era.snapshot, { ...q, version: q.version, feature: q.feature, kernel: asked.kernel }, asked.integration)
      : undefined;
  if (later) remedies.push({ kind: 'later-release', text: `${describeColumn(kb, later)} onwards` });
  if (q.host !== undefined) {
    const hostBound = era.columns.filter((c) => c.status === 'not-on-host');
    const hosts = [...new Set(hostBound.flatMap((c) => c.hosts.filter((h) => c.coreHosts.length === 0 || c.coreHosts.includes(h))))].filter(
      (h) => h !== q.host,
    );
    if (hosts.length) remedies.push({ kind: 'other-host', text: `a Windows Server ${describeHosts(hosts)} host` });
    const minHost = era.columns.flatMap((c) => c.effects).find((e) => e.outcome === 'no' && e.effect.kind === 'min-host')?.effect.minHost;
    if (minHost) remedies.push({ kind: 'other-host', text: `a Windows Server ${minHost} or newer host` });
  }
  return remedies;
}

function yesWord(verdict: VerdictKind): string {
  return verdict === 'yes' ? 'Yes' : verdict === 'conditional' ? 'Yes, with conditions' : verdict === 'no' ? 'No' : 'Not in the matrix';
}

/**
 * One verdict from the whole record: every dated source that lists the family, every note on the deciding cells,
 * the LIS and UEK release the question names, and hosts newer or older than each source's era.
 */

/** " (its notes list no CentOS release, only Red Hat Enterprise Linux 5.2-5.5)": where a release's list of the family is empty. */
function otherFamiliesListed(kb: KnowledgeBase, release: LisRelease, family: DistroId): string {
  const byFamily = new Map<DistroId, VersionItem[]>();
  for (const guest of release.guests) {
    if (guest.kernel === 'uek' || guest.family === family) continue;
    byFamily.set(guest.family, [...(byFamily.get(guest.family) ?? []), ...guest.versions]);
  }
  if (byFamily.size === 0) return '';
  const lists = [...byFamily].slice(0, 3).map(([other, versions]) => `${kb.familyName(other)} ${describeVersionItems(versions)}`);
  return ` (its notes list no ${kb.familyName(family)} release, only ${lists.join(' and ')})`;
}

export function decideVerdict(kb: KnowledgeBase, q: VerdictQuery): VerdictAnswer {
  // The guest's verdict is remembered; what the question states is measured against its limits on every call.
  if (q.stated) {
    const { stated: _stated, ...guest } = q;
    return applyStatedLimits(kb, { ...decideVerdict(kb, guest), query: q });
  }
  return verdicts.get(kb, verdictKey(q), () => applySixtyFourBitOnly(kb, decideVerdictAfresh(kb, q)));
}

// A verdict is a pure function of the KB and the query's fields: worked out once per guest, feature and host.
const verdicts = new KbMemo<VerdictAnswer>(4096);

/** Every field of a query, in the order the memo's key lists them. */
const QUERY_FIELDS = [
  'version',
  'arch',
  'kernel',
  'uek',
  'integration',
  'lis',
  'host',
  'clientHost',
  'feature',
  'trunking',
  'asOf',
] as const;
type UnkeyedField = Exclude<keyof VerdictQuery, 'family' | 'stated' | (typeof QUERY_FIELDS)[number]>;
// A field the key left out would let two different queries share one answer: a new VerdictQuery field fails this
// check until it is added to QUERY_FIELDS (a primitive) or decideVerdict skips the memo for queries that set it.
const _everyQueryFieldKeyed: [UnkeyedField] extends [never] ? true : UnkeyedField = true;

function verdictKey(q: VerdictQuery): string {
  let key: string = q.family;
  // An absent field and an empty one read differently (a version of "" is parsed), so they key differently too.
  for (const field of QUERY_FIELDS) {
    const value = q[field];
    key += value === undefined ? '\u0000' : `\u0000=${String(value)}`;
  }
  return key;
}

function decideVerdictAfresh(kb: KnowledgeBase, q: VerdictQuery): VerdictAnswer {
  const otherOs = kb.otherOs.get(q.family);
  const uek = q.uek ? uekKey(q.uek) : undefined;
  const subject = subjectOf(kb, q, uek);
  const base = { query: q, conditions: [], deciding: [], eras: [], timeline: EMPTY_TIMELINE, remedies: [], nearest: [] };
  if (otherOs) {
    return {
      ...base,
      verdict: 'no',
      reason: 'other-os',
      otherOs,
      headline: `No. ${otherOs.name} ${otherOs.outcome === 'does-not-run' ? 'does not run on Hyper-V' : 'runs on Hyper-V only with emulated devices, without integration services'}.`,
    };
  }
  const history = erasAt(kb, q.family, q.asOf);
  if (history.length === 0)
    return {
      ...base,
      verdict: 'not-in-matrix',
      reason: 'no-data',
      headline: `Not in the matrix: I hold no Microsoft support matrix for ${kb.familyName(q.family)}.`,
    };

  const release = q.lis ? findLisRelease(kb, q.lis) : undefined;
  if (q.lis && !release) {
    return {
      ...base,
      verdict: 'not-in-matrix',
      reason: 'lis-unknown',
      headline: `Not in the matrix: I have no record of an LIS ${q.lis} release.`,
    };
  }
  const covered = !release || !q.version || lisCovers(kb, release, q.family, q.version, uek ? 'uek' : q.kernel);
  // A page that lists the version with this LIS series outranks the release notes; the disagreement is reported below.
  const listedWithLis = release !== undefined && history.some((s) => columnsFor(s, q, uek).length > 0);
  if (release && q.version && !covered && !listedWithLis) {
    const covering = releasesCovering(kb, q.family, q.version, uek ? 'uek' : q.kernel);
    // The release to move to is the first download whose own notes list the version ("4.1.3", not the 4.1 series).
    const next = uek ? undefined : nextReleaseCovering(kb, release, q.family, q.version);
    const later = covering.filter((r) => parseFloat(lisSeries(r.version)) > parseFloat(lisSeries(release.version)));
    const alternatives = later.length ? later : covering;
    const names = next ? [next.first.version] : [...new Set(alternatives.map((r) => lisSeries(r.version)))];
    const tail =
      names.length === 0
        ? ' and no LIS download in my records does'
        : next
          ? `; LIS ${next.first.version}${next.more ? ' and later do' : ' does'}${next.tag ? ` (the ${next.tag.version} repository tag listed it first)` : ''}`
          : later.length && names.length > 1
            ? `; LIS ${names[0]} and later do`
            : `; LIS ${names.join(', ')} ${names.length > 1 ? 'do' : 'does'}`;
    const what = `${kb.familyName(q.family)} ${q.version}${uek ? ` ${uekLabel(uek)}` : ''}`;
    // What the release does cover of this family, so "LIS 3.5 on RHEL 5.4" shows where its list starts.
    const ownList = release.guests.filter((g) => g.family === q.family && g.kernel !== 'uek').flatMap((g) => g.versions);
    // The download is built for the Red Hat Compatible Kernel: a UEK guest is not one of its guests at any release.
    const rhckOnly = (uek || q.kernel === 'uek') && release.guests.some((g) => g.family === q.family && g.kernel === 'rhck');
    const listed = ownList.length
      ? ` (its notes list ${kb.familyName(q.family)} ${describeVersionItems(ownList)}${rhckOnly ? ' with the Red Hat Compatible Kernel (RHCK) only' : ''})`
      : otherFamiliesListed(kb, release, q.family);
    const builtIn = erasAt(kb, q.family, q.asOf).find((s) =>
      columnsFor(s, { ...q, lis: undefined, integration: 'built-in' }, uek).some((m) => m.column.integration.kind === 'built-in'),
    );
    const remedies: Remedy[] = [];
    if (names.length)
      remedies.push({
        kind: 'newer-lis',
        text: next?.more || (names.length > 1 && later.length) ? `LIS ${names[0]} or later` : `LIS ${names.join(' or ')}`,
      });
    if (builtIn) remedies.push({ kind: 'built-in', text: `the built-in drivers (listed by ${eraLabel(builtIn)})` });
    return {
      ...base,
      verdict: 'no',
      reason: 'lis-not-covering',
      lis: { release },
      remedies,
      headline: `No. LIS ${q.lis} does not cover ${what}${listed}${tail}.${builtIn ? ` ${what} has integration services built in (${eraLabel(builtIn)}).` : ''}`,
    };
  }

  const asked = q.version === undefined ? undefined : parseVersion(q.version);
  const eras = history.map((snapshot, index): EraReading => {
    const era = readEra(kb, snapshot, q, uek);
    const outgrown = seriesListingOutgrown(
      history,
      index,
      q.family,
      asked,
      era.columns.map((c) => c.column),
    );
    return outgrown ? { ...era, columns: [], verdict: 'not-in-matrix' } : era;
  });
  const listing = eras.filter((e) => e.columns.length > 0);
  if (listing.length === 0) {
    if (release) return lisReleaseVerdict(kb, q, release, subject, eras);
    if (uek) {
      // The same version with another kernel may be listed ("Oracle Linux 9" only with RHCK): say which.
      const otherKernels = history
        .map((snapshot) => readEra(kb, snapshot, { ...q, uek: undefined, kernel: undefined }, undefined))
        .find((e) => e.columns.length > 0);
      const listedAs = otherKernels ? [...new Set(otherKernels.columns.map((c) => columnLabel(kb, c)))].join('; ') : undefined;
      return {
        ...base,
        eras,
        verdict: 'not-in-matrix',
        reason: 'uek-not-listed',
        headline: `Not in the matrix: no source I hold lists ${subject}.${listedAs ? ` ${capitalised(eraLabel(otherKernels!.snapshot))} lists it as: ${listedAs}.` : ''}`,
      };
    }
    const version = q.version ? parseVersion(q.version) : undefined;
    return {
      ...base,
      eras,
      verdict: 'not-in-matrix',
      reason: 'not-listed',
      nearest: version ? nearestColumns(history, q.family, version) : [],
      headline: `Not in the matrix: no Microsoft source I hold lists ${subject}, so I can't say.`,
    };
  }

  let deciding: EraReading | undefined;
  let reason: VerdictReason = 'listed';
  if (q.host === undefined) {
    deciding = listing[0];
  } else {
    // "In the 2023 page…": a question dated in the year of the page it reaches asks about that page, so an older page
    // that named the host does not stand in for it.
    const candidates = q.asOf !== undefined && q.asOf.slice(0, 4) === listing[0]!.snapshot.era.slice(0, 4) ? listing.slice(0, 1) : listing;
    deciding =
      candidates.find((e) => e.columns.some((c) => c.explicit) && e.verdict !== 'not-in-matrix') ??
      candidates.find((e) => e.host === 'listed');
    if (!deciding) {
      if (candidates.every((e) => e.host === 'newer')) {
        const newestPage = listing[0]!.snapshot;
        const newestHost = pageHosts(newestPage, q.family).at(-1) ?? newestHostOnPage(newestPage);
        return {
          ...base,
          eras,
          verdict: 'not-in-matrix',
          reason: 'host-newer-than-pages',
          timeline: timelineOf(eras, undefined, q),
          headline: `Not in the matrix: the sources that list ${subject} ${HOST_RELEASED[q.host] > newestPage.era ? 'predate' : 'stop short of'} Windows Server ${q.host} (newest: ${eraLabel(newestPage)}${newestHost ? `, which goes up to Windows Server ${newestHost}` : ''}), so they neither include nor exclude it.`,
        };
      }
      // "RHEL 5.4 with LIS 4.1 on 2008 R2": the named release's own notes cover the guest and list the host, though the
      // pages that list the pair start at later hosts.
      if (release && covered && !q.feature && q.version && release.hosts.includes(q.host))
        return {
          ...base,
          eras,
          verdict: 'yes',
          reason: 'listed',
          timeline: timelineOf(eras, undefined, q),
          headline: `Yes on ${q.host} (${subject}), per the LIS ${release.version} release notes, which list Windows Server ${q.host} among their hosts; the matrix pages that list ${subject} name only later hosts.`,
        };
      deciding = listing[0];
      reason = 'host-older-than-pages';
    }
  }
  const era = deciding!;
  const combined = combineReadings(era.columns);
  const verdict: VerdictKind = reason === 'host-older-than-pages' ? 'no' : combined.verdict;
  if (verdict === 'not-in-matrix' && q.feature) reason = 'no-feature-row';
  const conditions = [...combined.conditions];
  if (verdict === 'conditional' && (combined.mixed || conditions.length === 0) && combined.yesColumns.length) {
    conditions.unshift(`with ${combined.yesColumns.map((c) => columnLabel(kb, c)).join(' or ')}`);
  }
  const baseTimeline = timelineOf(eras, era, q);
  const timeline =
    release && !covered
      ? {
          ...baseTimeline,
          disagreements: [
            ...baseTimeline.disagreements,
            `the LIS ${release.version} release notes do not list ${subject.replace(/ with LIS .*$/, '')}, though ${eraRangeLabel(listing.map((e) => e.snapshot))} do`,
          ],
        }
      : baseTimeline;
  const remedies = remediesOf(kb, era, q, uek, verdict);
  const onHost = q.host ? ` on ${q.host}` : '';
  const per = perPages(timeline.agreeing, era.snapshot);
  const newest = listing[0]!;
  const tails: string[] = [];
  if (q.host && newest !== era && newest.host !== 'listed') tails.push(`the newest page no longer lists ${q.host}`);
  else if (q.host && newest !== era) tails.push(`${eraLabel(newest.snapshot)} no longer lists ${subject} on ${q.host}`);
  const newestOfFamily = history[0]!;
  if (newestOfFamily !== newest.snapshot && !tails.length) tails.push(`${eraLabel(newestOfFamily)} no longer lists ${subject}`);
  let why: string | undefined;
  if (verdict === 'no') {
    if (reason === 'host-older-than-pages') {
      const named = describeHosts(listing[0]!.columns.flatMap((c) => c.coreHosts)) || 'none named';
      why =
        listing.length > 1 && listing.slice(1).some((e) => e.host === 'listed')
          ? `${eraLabel(listing[0]!.snapshot)} names only ${named} for ${subject}; older pages named ${q.host}`
          : `the sources that list ${subject} start at later hosts (${named})`;
    } else {
      why = era.columns.find((c) => c.verdict === 'no')?.reason;
    }
  } else if (verdict === 'not-in-matrix') {
    why = era.columns.find((c) => c.reason)?.reason;
  }
  if (verdict === 'not-in-matrix' && q.feature) {
    why = `${eraLabel(era.snapshot)} has no ${kb.featureName(q.feature)} row for ${subject}`;
  }
  const what = q.feature ? `${kb.featureName(q.feature)} for ${subject}` : subject;
  const condText = verdict === 'conditional' ? `: ${conditions.join('; ')}` : '';
  const headline = `${yesWord(verdict)}${onHost} (${what}), ${per}${tails.length ? `; ${tails.join('; ')}` : ''}${condText}${why ? `. ${capital(why)}` : ''}.`;
  return {
    query: q,
    verdict,
    reason,
    conditions,
    headline: tidy(headline),
    ...(why ? { why } : {}),
    deciding: era.columns,
    decidingEra: era.snapshot,
    eras,
    timeline,
    remedies,
    ...(release ? { lis: { release } } : {}),
    nearest: [],
  };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function tidy(text: string): string {
  return text.replace(/\.\.$/, '.').replace(/\)\./, ').').replace(/\s+/g, ' ');
}

/** A named LIS release no matrix column shows: answer from its release notes. */
function lisReleaseVerdict(
  kb: KnowledgeBase,
  q: VerdictQuery,
  release: LisRelease,
  subject: string,
  eras: readonly EraReading[],
): VerdictAnswer {
  const base = { query: q, conditions: [], deciding: [], eras, timeline: EMPTY_TIMELINE, nearest: [] };
  const hosts = lisHosts(kb, release);
  const cite = `per the LIS ${release.version} release notes`;
  // "Windows 10" in the notes' host list covers that client, though its server twin (2016) came later.
  const clients = q.clientHost ? lisClientHosts(kb, release) : [];
  const clientListed = q.clientHost !== undefined && clients.includes(q.clientHost);
  const host = q.clientHost ? `Windows ${q.clientHost}` : q.host;
  const named = `${describeHosts(hosts)}${clients.length ? ` and Windows ${clients.join(', ')}` : ''}`;
  const feature = q.feature ?? 'core';
  const finding = lisFeature(kb, release, feature, q.version);
  const what = q.feature ? `${kb.featureName(q.feature)} for ${subject}` : subject;
  // A feature the release lacks is a no on any host, the newer ones its notes never named included.
  if (q.host && hosts.length && !hosts.includes(q.host) && !clientListed && finding.state !== 'lacks') {
    const newer = hostRank(q.host) > hostRank(hosts[hosts.length - 1]!);
    return {
      ...base,
      verdict: newer ? 'not-in-matrix' : 'no',
      reason: 'lis-release-notes',
      lis: { release },
      remedies: [],
      headline: newer
        ? `Not in the matrix: LIS ${release.version} predates ${q.clientHost ? host : `Windows Server ${q.host}`}; its release notes name ${named}.`
        : `No on ${host}, ${cite}: LIS ${release.version} names ${named}.`,
    };
  }
  // The release has the feature, but no page ever lists it on this host for the family (Hyper-V sockets need 2016).
  const rowHosts = q.host && q.feature && finding.state === 'has' ? hostsEverListedWith(kb, q.family, q.feature) : [];
  if (q.host && rowHosts.length > 0 && !rowHosts.includes(q.host) && hostRank(q.host) < hostRank(rowHosts[0]!))
    return {
      ...base,
      verdict: 'no',
      reason: 'lis-release-notes',
      lis: { release, finding },
      remedies: [],
      headline: `No on ${host} (${what}): LIS ${release.version} has it, but no page lists ${kb.featureName(q.feature!)} for ${kb.familyName(q.family)} on a host older than ${rowHosts[0]}.`,
    };
  const verdict: VerdictKind = finding.state === 'has' ? 'yes' : finding.state === 'lacks' ? 'no' : 'not-in-matrix';
  const remedies =
    finding.state === 'lacks' && finding.addedIn ? [{ kind: 'newer-lis' as const, text: `LIS ${finding.addedIn.version} or later` }] : [];
  return {
    ...base,
    verdict,
    reason: 'lis-release-notes',
    lis: { release, finding },
    remedies,
    headline: `${yesWord(verdict)}${host ? ` on ${host}` : ''} (${what}), ${cite}: ${finding.why}.`,
  };
}
