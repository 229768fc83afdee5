import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';
import type { Entities, FeatureEntity } from '../../core/reply.ts';
import { extractHosts } from './hosts.ts';
import { extractLisMentions, knownLisNames } from './lis-mentions.ts';
import { extractAsOf, withoutAsOf, type AsOfPhrase } from './as-of.ts';
import { extractReleases, type ReleaseMentions } from './releases.ts';
import { expandShorthand } from './shorthand.ts';
import { tokenize } from './tokens.ts';
import { vocabularyFor, type Vocabulary } from './vocabulary.ts';
import { pickFeature } from './feature-choice.ts';
import { withSpelledNumbersAsDigits } from './spelled-numbers.ts';
import { PLACEHOLDERS, searchTextOf, shapeOf, wordTokensOf } from './shape.ts';
import { QuestionReading, type FuzzyReading } from './reading.ts';
import { MAX_FUZZY_LOOKUPS, nearDistro, readExactNames, readMisspeltNames } from './phrases-in-text.ts';
import { bindLateVersion } from './late-version.ts';
import { looseVersionOf, VERSION_TOKEN } from './versions-in-text.ts';

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

/** "cat /etc/redhat-release" names a file every RHEL rebuild has; the line it prints names the distro. */
const RELEASE_FILE = /\/etc\/[\w.-]*(?:release|version)\b/g;
/** "CentOS Linux release 7.9.2009 (Core)", "CentOS Linux 7 (Core)": the edition of the release, not the Core feature. */
const CORE_EDITION = /(\d[\d.]*)\s*\(core\)/g;
/** A family named outright, by a name, shorthand or Ubuntu codename: what the readings below leave alone. */
const NAMES_A_FAMILY =
  /\b(?:rhel|red ?hat|centos|cent os|oracle|oel|ol ?\d|el\d|sles|suse|debian|freebsd|bsd|ubu\w*|kubu\w*|xubu\w*|trusty|xenial|bionic|focal|jammy|noble|precise)\b/;
/**
 * A release named the way only one family names it: "11.0-RELEASE" is FreeBSD, "14.04 LTS" Ubuntu. The family is
 * written out unless the question names it (or a close spelling) already.
 */
const FAMILY_BY_RELEASE_FORM: ReadonlyArray<readonly [form: RegExp, family: string, named: RegExp]> = [
  [/\b(\d{1,2}\.\d)-(?:release|stable|current)\b/g, 'freebsd', /bsd/],
  [/(?<![\d.])(\d{2}\.04)(?:\.\d)?\s*lts\b/g, 'ubuntu', /ubu|kubu|xubu/],
  // Only Ubuntu numbers its releases YY.04: "14.04 hot add w/ 2008 R2 hosts".
  [/(?<![\w.-])((?:1[0-9]|2[0-4])\.04)(?![\d.])/g, 'ubuntu', NAMES_A_FAMILY],
];
/**
 * A Red Hat-family kernel release ("3.10.0-1160.el7.x86_64", "4.18.0-513.5.1.el8_9", "4.14.35-1902.el7uek"): its
 * el tag names the release when nothing else in the question names a family; its upstream number is then no version.
 */
const EL_KERNEL = /\b\d+\.\d+\.\d+-[\d.]+\.el(\d{1,2})(?:_(\d{1,2}))?(uek)?(?:\.(?:x86_64|i[3-6]86|aarch64|noarch))?\b/g;

function withElKernelsRead(text: string): string {
  if (!text.includes('.el') || NAMES_A_FAMILY.test(text.replace(EL_KERNEL, ' '))) return text;
  return text.replace(
    EL_KERNEL,
    (_kernel, major: string, minor: string | undefined, uek: string | undefined) =>
      ` ${uek ? 'ol' : 'el'}${major}${minor ? `.${minor}` : ''}${uek ? ' uek' : ''} `,
  );
}

/** A pass-through disk is storage handed to a VM whole, not PCI passthrough (DDA). */
const PASS_THROUGH_DISK = /\bpass[- ]?through (disks?|drives?|luns?)\b/g;
/** "can I give it 300 vCPUs?": a count past 256 names the >256 vCPU row. */
const OVER_256_VCPUS = /\b(?:2[6-9]\d|[3-9]\d\d|\d{4})\s*(?:v ?cpus?|vcores?|virtual (?:cpus?|processors?))\b/g;

/** "Oracle Database", "Oracle RAC": Oracle's other products, which name no Oracle Linux guest. */
const ORACLE_PRODUCT = /\boracle(?=\s+(?:database|db|rac|weblogic|cloud|oci|vm server|virtualbox|java|e-business)\b)/g;
/** The default options have the one property callers pass ({ fuzzy: false }): one object shape, no deopt on a wrong map. */
const FUZZY = { fuzzy: true };

/** `fuzzy: false` reads exact names only: the classifier's training examples are typed with care. */
export function extractEntities(kb: KnowledgeBase, question: string, options: { fuzzy?: boolean } = FUZZY): Extraction {
  const maxLookups = options.fuzzy === false ? 0 : MAX_FUZZY_LOOKUPS;
  const vocabulary = vocabularyFor(kb);
  const asOf = extractAsOf(question);
  const lowered = withoutNoise(vocabulary, asOf ? withoutAsOf(question, asOf) : question);
  const knownLis = knownLisNames(kb);
  const lis = extractLisMentions(lowered, PLACEHOLDERS.lis, knownLis);
  // The LIS release as the verdict engine reads it; UEK releases and architectures are blanked like hosts.
  const lisRelease = extractReleases(lowered, knownLis).lis;
  const releases = extractReleases(lis.rest);
  const { hosts: hostMentions, rest } = extractHosts(releases.rest.toLowerCase(), PLACEHOLDERS.host);
  const reading = new QuestionReading(wordsOf(kb, vocabulary, rest, maxLookups));
  readExactNames(reading, vocabulary);
  readMisspeltNames(reading, vocabulary, maxLookups);
  bindLateVersion(reading, vocabulary);
  const { tokens, kinds, used, version } = reading;
  const looseVersion = version ? undefined : tokens.find((t, i) => !used[i] && VERSION_TOKEN.test(t) && t.includes('.'));
  const hosts = [...new Set(hostMentions.map((m) => m.host))];
  const distros = distrosMeant(reading.distros, reading.kernel, releases);
  return {
    entities: entitiesOf(reading, distros, hosts, looseVersion, lisRelease, releases, asOf),
    hosts,
    distros,
    features: reading.features,
    fuzzy: reading.fuzzy,
    leftovers: reading.leftovers,
    tokens: wordTokensOf(tokens, kinds),
    looseVersion,
    lisReleases: lis.releases,
    shape: shapeOf(tokens, kinds, looseVersion),
    searchText: searchTextOf(tokens, kinds),
  };
}

/**
 * The question lowercased, without what would be misread: a feature whose name holds a host ("windows server 2016
 * accurate time") is read before hosts, so it never names the host; release files and "(Core)" editions name no entity.
 */
function withoutNoise(vocabulary: Vocabulary, question: string): string {
  let lowered = withSpelledNumbersAsDigits(question.toLowerCase());
  for (const [pattern, replacement] of vocabulary.hostLikeFeatures) lowered = lowered.replace(pattern, replacement);
  lowered = withElKernelsRead(
    lowered
      .replace(RELEASE_FILE, ' ')
      .replace(CORE_EDITION, '$1')
      .replace(ORACLE_PRODUCT, ' ')
      .replace(PASS_THROUGH_DISK, 'raw $1')
      .replace(OVER_256_VCPUS, 'more than 256 vcpus'),
  );
  for (const [form, family, named] of FAMILY_BY_RELEASE_FORM)
    if (!named.test(lowered)) lowered = lowered.replace(form, (release: string) => `${family} ${release}`);
  return lowered;
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

/**
 * The distros meant, first the one asked about. Only Oracle Linux ships UEK: "uek r4 hot add" is about Oracle Linux,
 * and so is "el7 uek5" (el7 alone reads as RHEL). Solaris alone is the x86 build; naming SPARC anywhere means the SPARC one.
 */
function distrosMeant(distros: DistroId[], kernel: QuestionReading['kernel'], releases: ReleaseMentions): DistroId[] {
  if (releases.uek || kernel === 'uek') {
    if (distros[0] === 'rhel' || distros[0] === 'centos') distros[0] = 'oracle-linux';
    if (distros.length === 0) distros.push('oracle-linux');
  }
  return distros.includes('solaris-sparc')
    ? ['solaris-sparc', ...distros.filter((d) => d !== 'solaris-sparc' && d !== 'solaris-x86')]
    : distros;
}

function entitiesOf(
  reading: QuestionReading,
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
  else if (looseVersion && !distros[0]) entities.version = looseVersionOf(looseVersion);
  const feature = pickFeature(reading.features, reading.namedBySetting);
  if (feature) entities.feature = feature;
  if (hosts[0]) entities.host = hosts[0];
  if (reading.kernel) entities.kernel = reading.kernel;
  if (lisRelease) entities.lis = lisRelease;
  if (releases.uek) entities.uek = releases.uek;
  if (releases.arch) entities.arch = releases.arch;
  if (asOf) entities.asOf = asOf.date;
  return entities;
}
