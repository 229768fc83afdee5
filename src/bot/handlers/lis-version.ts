import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DistroId, FeatureId, LisRelease, Tip } from '../../knowledge/schema/index.ts';
import { compareLisVersions, describeVersionItems } from '../../knowledge/version.ts';
import { reply, type Reply, type ReplySource } from '../../core/reply.ts';
import { refSources } from '../../core/cite.ts';
import { decideVerdict } from '../../knowledge/query/verdict.ts';
import { findLisRelease, normaliseLis, lisSeries } from '../../knowledge/query/lis-coverage.ts';
import { querySupport } from '../../knowledge/query/support.ts';
import { featureIds } from './feature-support.ts';
import { guestTimeline } from './lis-first-release.ts';
import { releaseThatFixed } from './lis-fix-search.ts';
import { lisTopicsOf } from './lis-topics.ts';
import type { HandlerInput, IntentHandler } from './handler.ts';

const LIS_MENTION = /\b(?:lis|bis)\s*(\d+(?:\.\d+){0,3}(?:-\d+)?)/gi;
/** The families the Microsoft LIS download was built for; a bare "6.7" in an LIS question means RHEL/CentOS. */
const DOWNLOAD_FAMILIES: ReadonlySet<DistroId> = new Set(['rhel', 'centos', 'oracle-linux']);
/** "what did the hotfix fix", "which release fixed heartbeat loss": the answer is in a release's notes. */
const ASKS_FIX = /\b(?:fix(?:e[sd]|ing)?|hotfix(?:es)?|bug|resolv\w*|regression|problem|issue)\b/i;
/** Reading the installed build: "modinfo says 4.3.5", "/sys/module/hv_vmbus/version gives 4.2.6". */
const READS_INSTALLED = /\bmodinfo\b|\/sys\/module\b|\blsmod\b|\brpm\b|\binstalled\b|\b(?:says|shows|gives|reports)\b/i;
/** A version that asks which release covered a guest: "which LIS added RHEL 7.3", "when did LIS start supporting 6.7". */
const ASKS_COVERAGE =
  /\b(?:support\w*|add(?:ed|s)?|first|cover\w*|start\w*|introduc\w*|began|begin|since|let|lets|allow\w*|take|takes|works? (?:on|with))\b/i;
/** An installed package's name carries its release: "microsoft-hyper-v-4.2.4", "kmod-microsoft-hyper-v-4.3.5-20200226". */
const PACKAGE_RELEASE = /\bmicrosoft-hyper-v-(\d+(?:\.\d+){1,3})(?![\d.])/gi;
/** "which lis is the newest", "is lis still maintained": the newest download and its last build lead. */
const ASKS_NEWEST = /\b(?:newest|latest|last|most recent|current|maintained|deprecated|abandoned|dead|newer)\b/i;
interface Part {
  readonly text: string;
  readonly sources: readonly ReplySource[];
}

function releaseOrder(a: LisRelease, b: LisRelease): number {
  return compareLisVersions(a.version, b.version);
}

function dated(release: LisRelease): string {
  return `LIS ${release.version}${release.released ? ` (${release.released})` : ''}`;
}

function describeRelease(kb: KnowledgeBase, release: LisRelease): string {
  const guests = release.guests
    .map((g) => `${kb.familyName(g.family)}${g.kernel ? ` ${g.kernel.toUpperCase()}` : ''} ${describeVersionItems(g.versions)}`)
    .join('; ');
  const hosts = release.hosts.length ? ` Hosts: ${release.hosts.join(', ')}.` : '';
  const added = release.featuresAdded.length ? ` Added: ${release.featuresAdded.map((f) => kb.featureName(f)).join(', ')}.` : '';
  return `${dated(release)}: ${release.highlights.join(' ')}${guests ? ` Guests: ${guests}.` : ''}${hosts}${added}`;
}

/** Releases named in the question: "4.1" matches 4.1 itself, or its point releases when 4.1 has no record. */
function namedReleases(input: HandlerInput): { named: string[]; found: LisRelease[] } {
  const { kb, question, extraction } = input;
  const typed = [
    ...(extraction?.lisReleases ?? []),
    ...[...question.matchAll(LIS_MENTION)].map((m) => m[1]!),
    ...[...question.matchAll(PACKAGE_RELEASE)].map((m) => m[1]!),
  ];
  const named = [...new Set(typed.map((v) => normaliseLis(v) ?? v))];
  const found = named.flatMap((version) => {
    const exact = kb.lisReleases.filter((r) => r.version === version);
    if (exact.length) return exact;
    const points = kb.lisReleases.filter((r) => r.version.startsWith(`${version}.`) || r.version.startsWith(`${version}-`));
    const series = findLisRelease(kb, version);
    return points.length ? points : series ? [series] : [];
  });
  return { named, found: [...new Set(found)].sort(releaseOrder) };
}

function tipsWith(kb: KnowledgeBase, keyword: string): Tip[] {
  return kb.tips.filter((t) => t.keywords.includes(keyword));
}

function tipPart(kb: KnowledgeBase, tip: Tip): Part {
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

function guestName(kb: KnowledgeBase, family: DistroId | undefined, version: string): string {
  return family ? `${kb.familyName(family)} ${version}` : `RHEL/CentOS ${version}`;
}

/** Which release first covered a guest version, whether coverage ever lapsed, and the newest that covers it. */
function coveragePart(kb: KnowledgeBase, family: DistroId | undefined, version: string): Part | undefined {
  const timeline = guestTimeline(kb, family ?? 'rhel', version);
  const name = guestName(kb, family, version);
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
function freebsdPart(kb: KnowledgeBase): Part {
  const tips = tipsWith(kb, 'hyperv-is');
  return {
    text: `FreeBSD's integration services (BIS) have no version number of their own: the drivers you have follow the FreeBSD release (freebsd-version -k). ${tips.map((t) => t.advice).join(' ')}`,
    sources: tips.flatMap((t) => refSources(kb, t.sources)),
  };
}

function installedPart(release: LisRelease): Part {
  return {
    text: `A module or package reporting ${release.version} is the Microsoft LIS download; built-in drivers report 3.1 or no version at all.`,
    sources: [],
  };
}

/** The parts that answer named releases: their notes, the newest point release, and how far behind they are. */
function releaseParts(kb: KnowledgeBase, input: HandlerInput, found: LisRelease[]): Part[] {
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
  }
  const newest = newestDownload(kb);
  if (newest && shown.every((r) => compareLisVersions(lisSeries(r.version), newest.version) < 0))
    parts.push({ text: `The newest Microsoft LIS download in my records is ${dated(newest)}.`, sources: refSources(kb, newest.sources) });
  return parts;
}

function answer(input: HandlerInput, title: string, parts: readonly Part[], notes: string[] = []): Reply {
  const sources = new Map<string, ReplySource>();
  for (const part of parts) for (const source of part.sources) sources.set(source.id, source);
  return reply({
    intent: 'lis_version',
    entities: input.entities,
    title,
    text: parts.map((p) => p.text).join(' '),
    notes,
    sources: [...sources.values()],
  });
}

/** "what lis version does my ubuntu 18.04 have": a release whose LIS is built in says so first. */
function builtInLead(kb: KnowledgeBase, family: DistroId | undefined, version: string | undefined): Part[] {
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
function newestParts(kb: KnowledgeBase, newest: LisRelease): Part[] {
  const point = newestPointRelease(kb, newest);
  return [
    {
      text: `The newest Microsoft LIS download in my records is ${dated(newest)}${point ? `; its last tagged build is ${dated(point)}` : ''}.`,
      sources: refSources(kb, [...newest.sources, ...(point?.sources ?? [])]),
    },
  ];
}

function howToTell(kb: KnowledgeBase, input: HandlerInput, newest: LisRelease | undefined): Reply {
  const tips = tipsWith(kb, 'lis-version');
  const latest = newest ? newestParts(kb, newest) : [];
  const leadWithNewest = ASKS_NEWEST.test(input.question);
  const parts: Part[] = [
    ...(leadWithNewest ? latest : []),
    ...builtInLead(kb, input.entities.distro, input.entities.version),
    ...(leadWithNewest ? [] : [...tips.map((t) => tipPart(kb, t)), ...latest]),
  ];
  if (tips.length === 0 && !leadWithNewest)
    return {
      ...answer(input, 'Which LIS do I have?', [{ text: 'I have no records on reading the LIS version.', sources: [] }]),
      answered: false,
    };
  return answer(input, leadWithNewest ? 'Newest LIS' : 'Which LIS do I have?', parts);
}

/** How to read the installed LIS, what each Microsoft LIS release covered and fixed, and how the download is handled. */
export const lisVersionHandler: IntentHandler = {
  intent: 'lis_version',
  handle(input): Reply {
    const { kb, question, entities } = input;
    const downloads = kb.lisReleases.filter((r) => r.kind === 'download').sort(releaseOrder);
    const newest = downloads.at(-1);
    const { named, found } = namedReleases(input);
    const feature: FeatureId | undefined = entities.feature ? featureIds(entities.feature)[0] : undefined;
    const addedFeature =
      feature && !found.length && /\badd(ed|s)?|introduc|first|new\b/i.test(question)
        ? kb.lisReleases.filter((r) => r.featuresAdded.includes(feature)).sort(releaseOrder)
        : [];
    const topics = lisTopicsOf(question);
    const topicTips = topics.flatMap((topic) => tipsWith(kb, topic.tipKeyword));
    const topicParts = topicTips.map((t) => tipPart(kb, t));
    // The maintenance tip already names the newest release.
    const newestToo = newest && ASKS_NEWEST.test(question) && !topics.some((t) => t.id === 'maintenance');

    if (found.length) {
      const parts = [...topicParts, ...releaseParts(kb, input, found)];
      const notes = found.slice(0, 4).some((r) => r.confidence !== 'high')
        ? ['Some of this comes from the distro pages and repository tags, not release notes.']
        : [];
      return answer(
        input,
        found
          .slice(0, 4)
          .map((r) => `LIS ${r.version}`)
          .join(' · '),
        parts,
        notes,
      );
    }
    if (named.length > 0 && !topicParts.length) {
      return reply({
        intent: 'lis_version',
        entities,
        title: `LIS ${named[0]}`,
        text: `I have no record of LIS ${named[0]}. The newest Microsoft LIS download in my records is ${newest ? dated(newest) : 'unknown'}.`,
        fields: downloads.slice(-6).map((r) => ({ label: `LIS ${r.version}`, value: r.released ?? 'date unknown' })),
        sources: newest ? refSources(kb, newest.sources) : [],
      });
    }
    if (addedFeature.length) {
      const first = addedFeature[0]!;
      return answer(input, `LIS ${first.version}`, [
        { text: `${kb.featureName(feature!)} first came with LIS ${first.version}.`, sources: [] },
        { text: describeRelease(kb, first), sources: refSources(kb, first.sources) },
      ]);
    }
    const fixed = ASKS_FIX.test(question) ? releaseThatFixed(kb, question) : undefined;
    if (fixed)
      return answer(input, `LIS ${fixed.version}`, [
        ...topicParts,
        { text: describeRelease(kb, fixed), sources: refSources(kb, fixed.sources) },
      ]);
    if (topicTips[0]) return answer(input, topicTips[0].title, [...topicParts, ...(newestToo ? newestParts(kb, newest) : [])]);
    if (entities.distro === 'freebsd') return answer(input, 'BIS on FreeBSD', [freebsdPart(kb)]);
    const version = entities.version;
    if (version && entities.kernel !== 'uek' && ASKS_COVERAGE.test(question) && !READS_INSTALLED.test(question)) {
      const coverage = coveragePart(kb, entities.distro, version);
      if (coverage) return answer(input, guestName(kb, entities.distro, version), [coverage]);
    }
    return howToTell(kb, input, newest);
  },
};
