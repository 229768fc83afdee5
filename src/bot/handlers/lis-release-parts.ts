/** The pieces of an LIS answer: a release's notes, which release first covered a guest, BIS on FreeBSD, the newest download. */
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DistroId, LisRelease, Tip } from '../../knowledge/schema/index.ts';
import { compareLisVersions, compareVersionText, describeVersionItems } from '../../knowledge/version.ts';
import type { ReplySource } from '../../core/reply.ts';
import { refSources } from '../../core/cite.ts';
import { decideVerdict } from '../../knowledge/query/verdict.ts';
import { lisSeries } from '../../knowledge/query/lis-coverage.ts';
import { querySupport } from '../../knowledge/query/support.ts';
import { guestTimeline, oldestListed, type OldestListed } from './lis-first-release.ts';
import type { HandlerInput } from './handler.ts';

/** The families the Microsoft LIS download was built for; a bare "6.7" in an LIS question means RHEL/CentOS. */
const DOWNLOAD_FAMILIES: ReadonlySet<DistroId> = new Set(['rhel', 'centos', 'oracle-linux']);
/** Reading the installed build: "modinfo says 4.3.5", "/sys/module/hv_vmbus/version gives 4.2.6". */
export const READS_INSTALLED = /\bmodinfo\b|\/sys\/module\b|\blsmod\b|\brpm\b|\binstalled\b|\b(?:says|shows|gives|reports)\b/i;
export interface Part {
  readonly text: string;
  readonly sources: readonly ReplySource[];
}

export function releaseOrder(a: LisRelease, b: LisRelease): number {
  return compareLisVersions(a.version, b.version);
}

export function dated(release: LisRelease): string {
  return `LIS ${release.version}${release.released ? ` (${release.released})` : ''}`;
}

export function describeRelease(kb: KnowledgeBase, release: LisRelease): string {
  const guests = release.guests
    .map((g) => `${kb.familyName(g.family)}${g.kernel ? ` ${g.kernel.toUpperCase()}` : ''} ${describeVersionItems(g.versions)}`)
    .join('; ');
  const hosts = release.hosts.length ? ` Hosts: ${release.hosts.join(', ')}.` : '';
  const added = release.featuresAdded.length ? ` Added: ${release.featuresAdded.map((f) => kb.featureName(f)).join(', ')}.` : '';
  return `${dated(release)}: ${release.highlights.join(' ')}${guests ? ` Guests: ${guests}.` : ''}${hosts}${added}`;
}

export function tipsWith(kb: KnowledgeBase, keyword: string): Tip[] {
  return kb.tips.filter((t) => t.keywords.includes(keyword));
}

export function tipPart(kb: KnowledgeBase, tip: Tip): Part {
  return { text: `${tip.advice}${tip.check ? ` Check: ${tip.check}` : ''}`, sources: refSources(kb, tip.sources) };
}

function newestDownload(kb: KnowledgeBase): LisRelease | undefined {
  return kb.lisReleases
    .filter((r) => r.kind === 'download')
    .sort(releaseOrder)
    .at(-1);
}

/** The newest point release of a series: "4.3" → the 4.3.5 tag. */
function newestPointRelease(kb: KnowledgeBase, release: LisRelease): LisRelease | undefined {
  const points = kb.lisReleases
    .filter((r) => r.version !== release.version && lisSeries(r.version) === release.version && r.version.startsWith(`${release.version}.`))
    .sort(releaseOrder);
  return points.at(-1);
}

/** "4.1.2" → its hotfix build "4.1.2-2", the one a question about the release most often needs. */
function hotfixBuildOf(kb: KnowledgeBase, release: LisRelease): LisRelease | undefined {
  return kb.lisReleases
    .filter((r) => r.version.startsWith(`${release.version}-`))
    .sort(releaseOrder)
    .at(-1);
}

export function guestName(kb: KnowledgeBase, family: DistroId | undefined, version: string): string {
  return family ? `${kb.familyName(family)} ${version}` : `RHEL/CentOS ${version}`;
}

/** How far back the downloads go for a family: the oldest version any release lists, and the release that first did. */
export function oldestPart(kb: KnowledgeBase, family: DistroId | undefined): Part | undefined {
  const oldest = oldestListed(kb, family ?? 'rhel');
  return oldest && { text: oldestText(kb, family, oldest), sources: refSources(kb, oldest.timeline.first.sources) };
}

function oldestText(kb: KnowledgeBase, family: DistroId | undefined, oldest: OldestListed): string {
  return `The oldest release the LIS downloads list is ${guestName(kb, family, oldest.version)}, first listed by ${dated(oldest.timeline.first)}.`;
}

/** Which release first covered a guest version, whether coverage ever lapsed, and the newest that covers it. */
export function coveragePart(kb: KnowledgeBase, family: DistroId | undefined, version: string): Part | undefined {
  const timeline = guestTimeline(kb, family ?? 'rhel', version);
  const name = guestName(kb, family, version);
  // "rhel 5.1 LIS rpm?": older than anything a download lists, which says how far back they go.
  const oldest = timeline ? undefined : oldestListed(kb, family ?? 'rhel');
  if (oldest && compareVersionText(version, oldest.version) < 0)
    return {
      text: `No Microsoft LIS download in my records lists ${name}. ${oldestText(kb, family, oldest)}`,
      sources: refSources(kb, oldest.timeline.first.sources),
    };
  if (!timeline) {
    const support = family ? querySupport(kb, { family, version }) : undefined;
    const builtIn = support?.matches.some((m) => m.column.integration.kind === 'built-in');
    if (!builtIn && family && DOWNLOAD_FAMILIES.has(family)) return undefined;
    return {
      text: `No Microsoft LIS download in my records lists ${name}.${builtIn || (family && !DOWNLOAD_FAMILIES.has(family)) ? ` ${name} uses the LIS built into its kernel, which has no LIS version number of its own.` : ''}`,
      sources: support?.matches[0] ? refSources(kb, [{ source: support.matches[0].snapshot.source, at: 'LIS Availability' }]) : [],
    };
  }
  const { first, firstDownload, gap, newest } = timeline;
  const tag = firstDownload
    ? ` That is a lis-next tag of the ${lisSeries(first.version)} series; the first numbered download to list it is LIS ${firstDownload.version}.`
    : '';
  const lapse = gap
    ? ` LIS ${gap.from.version}${gap.to !== gap.from ? ` to ${gap.to.version}` : ''} left it out, and ${dated(gap.back)} took it back.`
    : '';
  const latest = newest !== first && newest !== firstDownload ? ` The newest download that covers it is LIS ${newest.version}.` : '';
  return {
    text: `${name} was first listed by ${dated(first)}.${tag}${lapse}${latest}`,
    sources: [first, ...(gap ? [gap.back] : []), newest].flatMap((r) => refSources(kb, r.sources)),
  };
}

/** FreeBSD's integration services (BIS) are part of the base system from 10.0; 8.x and 9.x took them from a port. */
export function freebsdPart(kb: KnowledgeBase): Part {
  const tips = tipsWith(kb, 'hyperv-is');
  return {
    text: `FreeBSD's integration services (BIS) have no version number of their own: the drivers you have follow the FreeBSD release (freebsd-version -k). ${tips.map((t) => t.advice).join(' ')}`,
    sources: tips.flatMap((t) => refSources(kb, t.sources)),
  };
}

function installedPart(release: LisRelease): Part {
  return {
    text: `A module or package reporting ${release.version} is the Microsoft LIS download; built-in drivers report 3.1, another number that matches no LIS download, or none at all, so a built-in module whose version differs from every LIS number is normal and not out of date.`,
    sources: [],
  };
}

/** The parts that answer named releases: their notes, the newest point release, and how far behind they are. */
export function releaseParts(kb: KnowledgeBase, input: HandlerInput, found: LisRelease[]): Part[] {
  const { question, entities } = input;
  const shown = found.slice(0, 4);
  // "does LIS 4.0 cover RHEL 7.2?": the engine's coverage verdict leads.
  const coverage =
    entities.distro && entities.version && found[0]
      ? decideVerdict(kb, {
          family: entities.distro,
          version: entities.version,
          lis: found[0].version,
          ...(entities.kernel ? { kernel: entities.kernel } : {}),
        }).headline
      : undefined;
  const parts: Part[] = [];
  if (coverage) parts.push({ text: coverage, sources: [] });
  if (READS_INSTALLED.test(question) && shown.length === 1) parts.push(installedPart(shown[0]!));
  parts.push(...shown.map((r) => ({ text: describeRelease(kb, r), sources: refSources(kb, r.sources) })));
  for (const release of shown) {
    const point = newestPointRelease(kb, release);
    if (point && !shown.includes(point))
      parts.push({ text: `The newest ${release.version} point release is ${dated(point)}.`, sources: refSources(kb, point.sources) });
    const hotfix = hotfixBuildOf(kb, release);
    if (hotfix && !shown.includes(hotfix))
      parts.push({
        text: `A hotfix build followed, ${dated(hotfix)}: ${hotfix.highlights.join(' ')}`,
        sources: refSources(kb, hotfix.sources),
      });
  }
  if (ASKS_ORDER.test(question) && shown.length === 1) parts.unshift(neighboursPart(kb, shown[0]!));
  const newest = newestDownload(kb);
  if (newest && shown.every((r) => compareLisVersions(lisSeries(r.version), newest.version) < 0))
    parts.push({ text: `The newest Microsoft LIS download in my records is ${dated(newest)}.`, sources: refSources(kb, newest.sources) });
  return parts;
}

/** "which LIS came right before 3.5", "what followed 4.1.3-2": the release's place in the line. */
const ASKS_ORDER = /\b(?:before|after|previous|prior|preced\w*|next|follow\w*|succeed\w*|successor|predecessor|replac\w*)\b/i;

/** The releases and builds on either side of one, in release order. */
function neighboursPart(kb: KnowledgeBase, release: LisRelease): Part {
  const line = [...kb.lisReleases].sort(releaseOrder);
  const at = line.indexOf(release);
  const before = at > 0 ? line[at - 1] : undefined;
  const after = at >= 0 ? line[at + 1] : undefined;
  const text = [
    before ? `Before LIS ${release.version} came ${dated(before)}.` : `LIS ${release.version} is the oldest release in my records.`,
    after ? `After it came ${dated(after)}.` : `Nothing came after it in my records.`,
  ].join(' ');
  return { text, sources: refSources(kb, [...(before?.sources ?? []), ...(after?.sources ?? [])]) };
}

/** "what lis version does my ubuntu 18.04 have": a release whose LIS is built in says so first. */
export function builtInLead(kb: KnowledgeBase, family: DistroId | undefined, version: string | undefined): Part[] {
  if (!family || !version) return [];
  const support = querySupport(kb, { family, version });
  if (!support.matches.length || !support.matches.every((m) => m.column.integration.kind === 'built-in')) return [];
  return [
    {
      text: `${guestName(kb, family, version)} uses the LIS built into its kernel.`,
      sources: refSources(kb, [{ source: support.matches[0]!.snapshot.source, at: 'LIS Availability' }]),
    },
  ];
}

/** The newest download, its last tagged build, and what the newest matrix pages still say about it. */
export function newestParts(kb: KnowledgeBase, newest: LisRelease): Part[] {
  const point = newestPointRelease(kb, newest);
  return [
    {
      text: `The newest Microsoft LIS download in my records is ${dated(newest)}${point ? `; its last tagged build is ${dated(point)}` : ''}.`,
      sources: refSources(kb, [...newest.sources, ...(point?.sources ?? [])]),
    },
  ];
}
