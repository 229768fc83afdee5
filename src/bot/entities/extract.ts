import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';
import type { Entities, FeatureEntity } from '../../core/reply.ts';
import { extractHosts } from './hosts.ts';
import { extractLisMentions, knownLisNames, withPackageReleasesNamed } from './lis-mentions.ts';
import { asksForAFeature, featureParaphrasedIn, movesMemoryBothWays, narrowerFeatureParaphrasedIn } from './feature-paraphrases.ts';
import { datesTheQuestion, extractAsOf, withoutAsOf, type AsOfPhrase } from './as-of.ts';
import { extractReleases, type ReleaseMentions } from './releases.ts';
import { expandShorthand } from './shorthand.ts';
import { tokenize } from './tokens.ts';
import { vocabularyFor, type Vocabulary } from './vocabulary.ts';
import { pickFeature } from './feature-choice.ts';
import { withoutNoise } from './text-rewrites.ts';
import { PLACEHOLDERS, searchTextOf, shapeOf, wordTokensOf } from './shape.ts';
import { QuestionReading, type FuzzyReading } from './reading.ts';
import { MAX_FUZZY_LOOKUPS, nearDistro, readExactNames, readMisspeltNames } from './phrases-in-text.ts';
import { bindLateVersion } from './late-version.ts';
import { looseServicePackRelease, looseVersionOf, VERSION_TOKEN } from './versions-in-text.ts';

export { PLACEHOLDERS, type FuzzyReading };

export interface Extraction {
  readonly entities: Entities;
  readonly hosts: readonly HostId[];
  readonly distros: readonly DistroId[];
  readonly features: readonly FeatureEntity[];
  readonly fuzzy: readonly FuzzyReading[];
  /** Words that matched nothing and are not stopwords. */
  readonly leftovers: readonly string[];
  readonly tokens: readonly string[];
  /** A version typed with no distro next to it. */
  readonly looseVersion?: string;
  /** Microsoft LIS releases named: "4.3.5", "4.1.3-2". */
  readonly lisReleases: readonly string[];
  /**
   * The question with every entity replaced by a placeholder ("is xdistro xversion ok on xhost"), so the
   * intent classifier learns the shape of a question rather than product names.
   */
  readonly shape: string;
  /** The question's words without the distro, version and host names: what a symptom search ranks by. */
  readonly searchText: string;
}

/** The default options have the one property callers pass ({ fuzzy: false }): one object shape, no deopt on a wrong map. */
const FUZZY = { fuzzy: true };

/** `fuzzy: false` reads exact names only: the classifier's training examples are typed with care. */
export function extractEntities(kb: KnowledgeBase, question: string, options: { fuzzy?: boolean } = FUZZY): Extraction {
  const { lowered, knownLis, asOf, lis, releases, hostMentions, reading } = readNames(
    kb,
    question,
    options.fuzzy === false ? 0 : MAX_FUZZY_LOOKUPS,
  );
  // The LIS release as the verdict engine reads it; UEK releases and architectures are blanked like hosts.
  const lisRelease = extractReleases(lowered, knownLis).lis;
  // A guest named (a distribution or just "a linux vm") and a feature described rather than named: "can ubuntu 22.04
  // give back deleted blocks?"; or the question asks which feature it describes.
  if (reading.features.length === 0 && (reading.distros.length > 0 || A_GUEST.test(lowered) || asksForAFeature(lowered))) {
    const described = featureParaphrasedIn(kb, lowered);
    if (described) reading.features.push(described);
  }
  // "memory grow and shrink automatically": one part of Dynamic Memory named, the memory moved both ways.
  if (reading.features.length === 1 && DYNAMIC_MEMORY_PARTS.has(reading.features[0]!) && movesMemoryBothWays(lowered))
    reading.features[0] = 'dynamic-memory';
  // "boot with the uefi signature check on": UEFI named in the words of Secure Boot, which narrows it.
  if (reading.features.length === 1) {
    const narrower = narrowerFeatureParaphrasedIn(kb, lowered, reading.features[0]!);
    if (narrower) reading.features[0] = narrower;
  }
  const { tokens, kinds } = reading;
  const looseVersion = looseVersionIn(reading);
  const hosts = [...new Set(hostMentions.map((m) => m.host))];
  const unnamed = reading.distros.length === 0;
  const distros = distrosMeant(reading.distros, reading.kernel, releases, reading.tokens);
  // Read from words only FreeBSD has ("BIS"), the guest takes the release typed without a name ("is 13.2 ok with BIS?").
  const byItsWords = unnamed && distros[0] === 'freebsd';
  return {
    entities: entitiesOf(
      reading,
      byItsWords,
      distros,
      hosts,
      looseVersion,
      lisRelease,
      releases,
      asOf && datesTheQuestion(question.toLowerCase()) ? asOf : undefined,
    ),
    hosts,
    distros,
    features: reading.features,
    fuzzy: reading.fuzzy,
    leftovers: reading.leftovers,
    tokens: wordTokensOf(tokens, kinds),
    looseVersion,
    lisReleases: lis.releases,
    shape: shapeOf(tokens, kinds, looseVersion),
    // The hosts stay searchable: "an image built on 2008 R2 does not boot on 2012 R2" is a known issue about those hosts.
    searchText: [searchTextOf(tokens, kinds), ...hosts.map((host) => host.toLowerCase())].join(' '),
  };
}

const DYNAMIC_MEMORY_PARTS: ReadonlySet<string> = new Set(['dm-hot-add', 'dm-ballooning']);

/** "a linux vm", "the guest": a guest named without its distribution. */
const A_GUEST = /\b(?:linux|freebsd|guests?|vms?|virtual machines?)\b/;

/**
 * Only the shape extractEntities gives with `fuzzy: false`, without reading what only the answer needs (the verdict's
 * LIS release, described features, entities, search text): the classifier reads every training example's shape.
 */
export function extractShape(kb: KnowledgeBase, question: string): string {
  const { reading } = readNames(kb, question, 0);
  return shapeOf(reading.tokens, reading.kinds, looseVersionIn(reading));
}

/** The question's names read: its text rewritten, its LIS releases, releases and hosts marked, its words read. */
function readNames(kb: KnowledgeBase, question: string, maxLookups: number) {
  const vocabulary = vocabularyFor(kb);
  const asOf = extractAsOf(question);
  const knownLis = knownLisNames(kb);
  const lowered = withPackageReleasesNamed(withoutNoise(vocabulary, asOf ? withoutAsOf(question, asOf) : question), knownLis);
  const lis = extractLisMentions(lowered, PLACEHOLDERS.lis, knownLis);
  const releases = extractReleases(lis.rest);
  const { hosts: hostMentions, rest } = extractHosts(releases.rest.toLowerCase(), PLACEHOLDERS.host);
  const reading = new QuestionReading(wordsOf(kb, vocabulary, rest, maxLookups));
  readExactNames(reading, vocabulary);
  readMisspeltNames(reading, vocabulary, maxLookups);
  bindLateVersion(reading, vocabulary);
  return { lowered, knownLis, asOf, lis, releases, hostMentions, reading };
}

/** A dotted number no name took: a version the question names without its distro ("is 7.4 supported?"). */
function looseVersionIn(reading: QuestionReading): string | undefined {
  if (reading.version) return undefined;
  const { tokens, used } = reading;
  return tokens.find((t, i) => !used[i] && VERSION_TOKEN.test(t) && t.includes('.'));
}

/** The question's words, with distro shorthand ("u20", "el7", "ubunut18") spelt out. */
function wordsOf(kb: KnowledgeBase, vocabulary: Vocabulary, text: string, maxLookups: number): string[] {
  return expandShorthand(
    tokenize(text),
    (id) => kb.familyName(id),
    (word) => vocabulary.phrases.has(word),
    (word) => (maxLookups === 0 ? undefined : nearDistro(vocabulary, word)),
  );
}

/** Words only FreeBSD guests have: BIS (FreeBSD's integration services), its hn network interfaces, gpart, kld tools. */
const FREEBSD_ONLY = /^(?:bis|hn\d{1,2}|gpart|kldstat|kldload|loader\.conf)$/;

/**
 * The distros meant, first the one asked about. Only Oracle Linux ships UEK: "uek r4 hot add" is about Oracle Linux,
 * and so is "el7 uek5" (el7 alone reads as RHEL). Solaris alone is the x86 build; naming SPARC anywhere means the SPARC one.
 * A question naming no distribution but a word only FreeBSD has ("gpart says da1 is CORRUPT") is about FreeBSD.
 */
function distrosMeant(
  distros: DistroId[],
  kernel: QuestionReading['kernel'],
  releases: ReleaseMentions,
  tokens: readonly string[],
): DistroId[] {
  if (releases.uek || kernel === 'uek') {
    if (distros[0] === 'rhel' || distros[0] === 'centos') distros[0] = 'oracle-linux';
    if (distros.length === 0) distros.push('oracle-linux');
  }
  if (distros.length === 0 && tokens.some((token) => FREEBSD_ONLY.test(token))) distros.push('freebsd');
  return distros.includes('solaris-sparc')
    ? ['solaris-sparc', ...distros.filter((d) => d !== 'solaris-sparc' && d !== 'solaris-x86')]
    : distros;
}

/** Words that set two things side by side ("hot-add vs ballooning"). */
const COMPARING: ReadonlySet<string> = new Set(['difference', 'differences', 'vs', 'versus', 'compare', 'compared', 'comparison']);

function entitiesOf(
  reading: QuestionReading,
  /** Whether the distro was read from words only it has rather than named. */
  byItsWords: boolean,
  distros: readonly DistroId[],
  hosts: readonly HostId[],
  looseVersion: string | undefined,
  lisRelease: string | undefined,
  releases: ReleaseMentions,
  asOf: AsOfPhrase | undefined,
): Entities {
  const entities: Entities = {};
  if (distros[0]) entities.distro = distros[0];
  if (reading.version && distros[0]) entities.version = reading.version;
  else if (looseVersion && (!distros[0] || byItsWords)) entities.version = looseVersionOf(looseVersion);
  else if (!distros[0]) {
    const servicePack = looseServicePackRelease(reading.tokens, reading.used);
    if (servicePack) entities.version = servicePack;
  }
  const feature = pickFeature(
    reading.features,
    reading.namedBySetting,
    reading.tokens.some((token) => COMPARING.has(token)),
  );
  if (feature) entities.feature = feature;
  if (hosts[0]) entities.host = hosts[0];
  if (reading.kernel) entities.kernel = reading.kernel;
  if (lisRelease) entities.lis = lisRelease;
  if (releases.uek) entities.uek = releases.uek;
  if (releases.arch) entities.arch = releases.arch;
  if (asOf) entities.asOf = asOf.date;
  return entities;
}
