import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { FeatureId, LisRelease } from '../../knowledge/schema/index.ts';
import { reply, type Reply, type ReplySource } from '../../core/reply.ts';
import { refSources } from '../../core/cite.ts';
import { findLisRelease, normaliseLis } from '../../knowledge/query/lis-coverage.ts';
import { featureIds } from './feature-entity.ts';
import { releaseThatFixed } from './lis-fix-search.ts';
import { lisTopicsOf } from './lis-topics.ts';
import {
  READS_INSTALLED,
  builtInLead,
  coveragePart,
  oldestPart,
  dated,
  describeRelease,
  freebsdPart,
  guestName,
  newestParts,
  releaseOrder,
  releaseParts,
  tipPart,
  tipsWith,
  type Part,
} from './lis-release-parts.ts';
import type { HandlerInput, IntentHandler } from './handler.ts';
import { searchAdvice } from '../../knowledge/query/search.ts';
import { advicePhrasings } from '../advice-phrasings.ts';

const LIS_MENTION = /\b(?:lis|bis)\s*(\d+(?:\.\d+){0,3}(?:-\d+)?)/gi;
/** A Red Hat-style kernel build ("3.10.0-514.10.2"), without its el tag and architecture. */
const KERNEL_BUILD = /\b\d+\.\d+\.\d+-\d+(?:\.\d+)+(?=\.el|\b)/g;
/** "what did the hotfix fix", "which release fixed heartbeat loss": the answer is in a release's notes. */
const ASKS_FIX = /\b(?:fix(?:e[sd]|ing)?|hotfix(?:es)?|bug|resolv\w*|regression|problem|issue)\b/i;
/** "which LIS added …", "which release brought …", "when did … show up" (not "get", which "we've got" also says): asks for the release that brought something. */
const ASKS_ADDED =
  /\b(?:add(?:ed|s|ing)?|first|introduc\w*|new|came (?:with|in)|arriv\w*|brought|brings?|pick(?:ed|s)? up|show(?:ed|s)? up|appear\w*|includ\w*)\b/i;
/** "which LIS first covered 7.2", "when did 7.3 get a download", "is there an rpm for 5.1": which release lists a guest. */
const ASKS_WHICH_LISTS = /\b(?:first|earliest|exists?)\b|\bwhen did\b|\bis there (?:an?|any)\b/i;
/** A version that asks which release covered a guest: "which LIS added RHEL 7.3", "when did LIS start supporting 6.7". */
const ASKS_COVERAGE = new RegExp(
  String.raw`${ASKS_ADDED.source}|${ASKS_WHICH_LISTS.source}|\b(?:support\w*|cover\w*|start\w*|began|begin|since|let|lets|allow\w*|take|takes|works? (?:on|with))\b`,
  'i',
);
/** "what's the oldest rhel the download goes back to". */
const ASKS_OLDEST = /\b(?:oldest|earliest|goes? back|go back|how far back)\b/i;
/** "which lis is the newest", "is lis still maintained": the newest download and its last build lead. */
const ASKS_NEWEST = /\b(?:newest|latest|last|most recent|current|maintained|deprecated|abandoned|dead|newer)\b/i;

/** Releases named in the question: "4.1" matches 4.1 itself, or its point releases when 4.1 has no record. */
function namedReleases(input: HandlerInput): { named: string[]; found: LisRelease[] } {
  const { kb, question, extraction } = input;
  // An installed package's name ("kmod-microsoft-hyper-v-4.3.5-20200226") is among the extraction's releases.
  const typed: string[] = [...(extraction?.lisReleases ?? []), ...[...question.matchAll(LIS_MENTION)].map((m) => m[1]!)];
  // "which LIS came right before 3.5": with no guest named, a bare release that is an LIS release is the one asked about.
  const bare = input.entities.version;
  if (typed.length === 0 && !input.entities.distro && bare && kb.lisReleases.some((r) => r.version === bare)) typed.push(bare);
  const named = [...new Set(typed.map((v) => normaliseLis(v) ?? v))];
  // "which LIS build works with kernel 3.10.0-514.10.2.el7?": the release whose notes name that kernel build.
  const builds = [...question.matchAll(KERNEL_BUILD)].map((m) => m[0]);
  if (named.length === 0 && builds.length > 0) {
    const forKernel = kb.lisReleases.filter((r) => builds.some((build) => r.highlights.some((h) => h.includes(build))));
    if (forKernel.length > 0) return { named: forKernel.map((r) => r.version), found: forKernel.sort(releaseOrder) };
  }
  const found = named.flatMap((version) => {
    const exact = kb.lisReleases.filter((r) => r.version === version);
    if (exact.length) return exact;
    const points = kb.lisReleases.filter((r) => r.version.startsWith(`${version}.`) || r.version.startsWith(`${version}-`));
    const series = findLisRelease(kb, version);
    return points.length ? points : series ? [series] : [];
  });
  return { named, found: [...new Set(found)].sort(releaseOrder) };
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
    // "which LIS first did hot add, was it 3.5?": the release named is a guess at the answer, not the question.
    const addedFeature =
      feature && ASKS_ADDED.test(question) && (!found.length || GUESSES_RELEASE.test(question))
        ? kb.lisReleases.filter((r) => r.featuresAdded.includes(feature)).sort(releaseOrder)
        : [];
    const topics = lisTopicsOf(question);
    const topicTips = topics.flatMap((topic) => tipsWith(kb, topic.tipKeyword));
    const topicParts = topicTips.map((t) => tipPart(kb, t));
    // The maintenance tip already names the newest release.
    const newestToo = newest && ASKS_NEWEST.test(question) && !topics.some((t) => t.id === 'maintenance');

    if (addedFeature.length && found.length) return firstWithFeature(input, feature!, addedFeature[0]!, found);
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
    // "version: 3.1 — so I'm on LIS 3.1?": a number no download has, which a known issue explains.
    const explained = named.length > 0 ? kb.knownIssues.find((i) => i.keywords.includes(`version ${named[0]}`)) : undefined;
    if (explained && !topicParts.length)
      return answer(input, explained.title, [
        {
          text: `No LIS download is called ${named[0]}: ${explained.cause} ${explained.workaround}`,
          sources: refSources(kb, explained.sources),
        },
      ]);
    if (named.length > 0 && !topicParts.length) {
      return reply({
        intent: 'lis_version',
        entities,
        title: `LIS ${named[0]}`,
        text: `I have no record of LIS ${named[0]}.${sameMajorLine(downloads, named[0]!)} The newest Microsoft LIS download in my records is ${newest ? dated(newest) : 'unknown'}.`,
        fields: downloads.slice(-6).map((r) => ({ label: `LIS ${r.version}`, value: r.released ?? 'date unknown' })),
        sources: newest ? refSources(kb, newest.sources) : [],
      });
    }
    if (addedFeature.length) return firstWithFeature(input, feature!, addedFeature[0]!, []);
    const fixed = ASKS_FIX.test(question) ? releaseThatFixed(kb, question) : undefined;
    if (fixed)
      return answer(input, `LIS ${fixed.version}`, [
        ...topicParts,
        { text: describeRelease(kb, fixed), sources: refSources(kb, fixed.sources) },
      ]);
    if (topicTips[0]) return answer(input, topicTips[0].title, [...topicParts, ...(newestToo ? newestParts(kb, newest) : [])]);
    if (entities.distro === 'freebsd') return answer(input, 'BIS on FreeBSD', [freebsdPart(kb)]);
    const version = entities.version;
    // "which release first covered 7.2, so the package installed on it?", "is there an LIS rpm for 5.1": asking which
    // release lists a guest outweighs the words of reading an installed one.
    const readsInstalled = READS_INSTALLED.test(question) && !ASKS_WHICH_LISTS.test(question);
    if (version && entities.kernel !== 'uek' && ASKS_COVERAGE.test(question) && !readsInstalled) {
      const coverage = coveragePart(kb, entities.distro, version);
      if (coverage) return answer(input, guestName(kb, entities.distro, version), [coverage]);
    }
    const oldest = !version && ASKS_OLDEST.test(question) ? oldestPart(kb, entities.distro) : undefined;
    if (oldest) return answer(input, 'How far back the LIS downloads go', [oldest]);
    const year = !entities.distro && !entities.version ? yearAskedAbout(question) : undefined;
    if (year) return releasesOfYear(input, year);
    if (!entities.distro && !entities.version && ASKS_RELEASE_LIST.test(question)) return releaseList(input, downloads);
    return searchedLisAdvice(input) ?? howToTell(kb, input, newest);
  },
};

/** "which LIS first …, was it 3.5?", "which release added sockets": a guess at a release beside asking which. */
const GUESSES_RELEASE = /\bwhich\b|\bwhat (?:lis|release|version|build)\b|\bwhen\b|\bwas it\b|\bor was\b/i;

function firstWithFeature(input: HandlerInput, feature: FeatureId, first: LisRelease, guessed: readonly LisRelease[]): Reply {
  const { kb } = input;
  const others = guessed.filter((r) => r !== first);
  const guess = others.length ? ` (not ${others.map((r) => `LIS ${r.version}`).join(' or ')})` : '';
  return answer(input, `LIS ${first.version}`, [
    { text: `${kb.featureName(feature)} first came with LIS ${first.version}${guess}.`, sources: [] },
    { text: describeRelease(kb, first), sources: refSources(kb, first.sources) },
  ]);
}

/** "list of LIS releases with dates", "full LIS version history": every download, oldest first. */
const ASKS_RELEASE_LIST =
  /\b(?:history|timeline|list(?:\s+of)?|all|every|each|chronolog\w*)\b[^.?!]{0,30}\b(?:releases?|versions?|downloads?)\b|\b(?:releases?|versions?|downloads?)\b[^.?!]{0,20}\b(?:history|timeline|so far|with (?:their )?dates|by date)\b/i;

function releaseList(input: HandlerInput, downloads: readonly LisRelease[]): Reply {
  const { kb } = input;
  const listed = downloads.map((r) => `LIS ${r.version}${r.released ? ` (${r.released})` : ''}`);
  const newest = downloads.at(-1);
  return answer(input, 'Microsoft LIS downloads', [
    {
      text: `The Microsoft LIS downloads in my records, oldest first: ${listed.join(', ')}.`,
      sources: downloads.flatMap((r) => refSources(kb, r.sources)),
    },
    ...(newest ? newestParts(kb, newest) : []),
    { text: 'Ask about any one of them for what it covered and fixed.', sources: [] },
  ]);
}

/** "which LIS releases came out in 2016", "lis tags in 2018": the year whose releases are asked for. */
function yearAskedAbout(question: string): string | undefined {
  if (!ASKS_RELEASES_OF_A_YEAR.test(question)) return undefined;
  return /\b(?:in|during|of|from|throughout)\s+(20[0-2]\d)\b/i.exec(question)?.[1];
}

const ASKS_RELEASES_OF_A_YEAR = /\b(?:releases?|versions?|downloads?|tags?|tagged|came out|released|published|put out|shipped|builds?)\b/i;

/** Every release dated in a year, downloads and lis-next tags alike, oldest first. */
function releasesOfYear(input: HandlerInput, year: string): Reply {
  const { kb } = input;
  const everyDated = kb.lisReleases.filter((r) => r.released !== undefined).sort(releaseOrder);
  const dated = everyDated.filter((r) => r.released!.startsWith(`${year}-`));
  const listed = dated.map((r) => `LIS ${r.version} (${r.released}${r.kind === 'download' ? '' : ', a lis-next tag'})`);
  return answer(input, `LIS releases in ${year}`, [
    {
      text: dated.length
        ? `The LIS releases dated ${year} in my records, oldest first: ${listed.join(', ')}.`
        : `I have no LIS release dated ${year}. The ones I know run from ${everyDated[0]?.released} to ${everyDated.at(-1)?.released}.`,
      sources: dated.flatMap((r) => refSources(kb, r.sources)),
    },
  ]);
}

/** "how do I tell which LIS I run": what the default answer is for, so no search stands in for it. */
const ASKS_WHICH_INSTALLED =
  /\b(?:which|what) (?:lis|version)\b.{0,30}\b(?:i|we|it|this|that|guest|vm|box) (?:have|has|run|runs|use|uses|got)\b|\bhow (?:do|can) (?:i|we|you) (?:tell|check|see|find)\b/i;
/**
 * What the default answer covers besides the newest release (ASKS_NEWEST): the releases as a list, the source, and
 * built-in drivers or BIS.
 */
const ANSWERED_BY_DEFAULT = /\b(?:timeline|history|list of|releases so far|source|github|repo|code|bis|distros?|built[- ]?in|in-?box)\b/i;
/** A known issue or tip about the LIS download or integration services themselves, not about a guest feature. */
const ABOUT_LIS = /\blis\b|lis-next|integration services|microsoft (?:lis )?package|backup essentials|hyperv-daemons|kb 1067|upstream/i;
/** BM25 relevance from which a record answers a question about LIS that no release or topic did. */
const LIS_ADVICE_RELEVANCE = 80;

/**
 * A question about the LIS download that names no release and no topic ("why does microsoft ship its own package at
 * all?", "what happens if yum pulls a new kernel?"): the LIS tip or known issue its words match best, when one does.
 */
function searchedLisAdvice(input: HandlerInput): Reply | undefined {
  const { kb, question } = input;
  if (
    READS_INSTALLED.test(question) ||
    ASKS_WHICH_INSTALLED.test(question) ||
    ASKS_NEWEST.test(question) ||
    ANSWERED_BY_DEFAULT.test(question) ||
    input.entities.distro
  )
    return undefined;
  const hit = searchAdvice(kb, question, { phrasings: advicePhrasings() }, 5).find(
    (h) =>
      !h.bySignature &&
      h.overlap >= 3 &&
      h.relevance >= LIS_ADVICE_RELEVANCE &&
      ABOUT_LIS.test(`${h.advice.record.title} ${h.advice.record.keywords.join(' ')}`),
  );
  if (!hit) return undefined;
  const record = hit.advice.record;
  const text =
    hit.advice.kind === 'tip' ? tipPart(kb, hit.advice.record).text : `${hit.advice.record.cause} ${hit.advice.record.workaround}`;
  return answer(input, record.title, [{ text, sources: refSources(kb, record.sources) }]);
}

/** " The 3.x releases in my records are LIS 3.4 and 3.5 (the last of them).": where an unrecorded number sits among its line. */
function sameMajorLine(downloads: readonly { version: string }[], named: string): string {
  const major = named.split('.')[0];
  const line = downloads.filter((r) => r.version.split('.')[0] === major).map((r) => r.version);
  if (line.length === 0) return '';
  const last = line.at(-1)!;
  if (line.length === 1) return ` The only ${major}.x release in my records is LIS ${last}.`;
  if (line.length > 3) return ` The ${major}.x releases in my records run from LIS ${line[0]} to ${last}.`;
  return ` The ${major}.x releases in my records are LIS ${line.slice(0, -1).join(', ')} and ${last} (the last of them).`;
}
