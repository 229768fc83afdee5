import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';
import { normaliseVersion } from '../../knowledge/version.ts';
import type { Entities, FeatureEntity } from '../../core/reply.ts';
import { extractHosts } from './hosts.ts';
import { extractLisMentions, knownLisNames } from './lis-mentions.ts';
import { extractAsOf, withoutAsOf } from './as-of.ts';
import { extractReleases } from './releases.ts';
import { expandShorthand } from './shorthand.ts';
import { STOPWORDS, tokenize } from './tokens.ts';
import { withinOneEdit } from '../../knowledge/edit-distance.ts';
import { vocabularyFor, type Vocabulary, type VocabularyEntry } from './vocabulary.ts';
import { FILLER_WORDS } from './phrase-variants.ts';
import { pickFeature } from './feature-choice.ts';

/** A word we read as an entity only by fuzzy matching: worth saying back as "did you mean". */
export interface FuzzyReading {
  readonly typed: string;
  readonly phrase: string;
  readonly entry: VocabularyEntry;
  readonly score: number;
}

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

export const PLACEHOLDERS = {
  distro: 'xdistro',
  version: 'xversion',
  feature: 'xfeature',
  host: 'xhost',
  lis: 'xlis',
  kernel: 'xkernel',
  number: 'xnum',
} as const;
type Kind = keyof typeof PLACEHOLDERS;

const VERSION_TOKEN = /^\d{1,2}(?:\.\d{1,2}(?:\.\d{1,4})?)?(?:\.x|\+)?$/;
const SERVICE_PACK = /^sp(\d{1,2})$/;
const GLUED_SERVICE_PACK = /^(\d{1,2})sp(\d{1,2})$/;
/** "cat /etc/redhat-release" names a file every RHEL rebuild has; the line it prints names the distro. */
const RELEASE_FILE = /\/etc\/[\w.-]*(?:release|version)\b/g;
/** "CentOS Linux release 7.9.2009 (Core)", "CentOS Linux 7 (Core)": the edition of the release, not the Core feature. */
const CORE_EDITION = /(\d[\d.]*)\s*\(core\)/g;
/** A number before one of these counts something ("with 8 vcpus"): it is no version. */
const COUNTED: ReadonlySet<string> = new Set([
  'vcpus',
  'vcpu',
  'cpus',
  'cores',
  'gb',
  'tb',
  'mb',
  'nics',
  'disks',
  'vms',
  'guests',
  'hosts',
  'nodes',
]);
const MAX_FUZZY_LOOKUPS = 6;
const MAX_FUZZY_WORD = 24;
/** The default options have the one property callers pass ({ fuzzy: false }): one object shape, no deopt on a wrong map. */
const FUZZY = { fuzzy: true };
/** Where a misspelt word may sit in a phrase of two or three words, relative to it: the word and the next first. */
const PHRASE_SPANS: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [-1, 0],
  [-2, 0],
  [0, 2],
];

/** Is the word one typo from some vocabulary word? Only then is a fuzzy search worth its cost. */
function nearVocabulary(vocabulary: Vocabulary, word: string): boolean {
  for (let length = word.length - 1; length <= word.length + 1; length++) {
    const candidates = vocabulary.wordsByLength.get(length);
    if (candidates) for (const candidate of candidates) if (withinOneEdit(word, candidate)) return true;
  }
  return false;
}

/** Reads the version that follows a distro mention: "6.2", "11 sp3", "11sp3", "14.04 lts". */
function versionAt(tokens: readonly string[], start: number, distro: DistroId): { version: string; used: number } | undefined {
  let token = tokens[start];
  if (token === 'version' || token === 'v' || token === 'release') token = tokens[++start];
  if (!token) return undefined;
  // "v7.4"
  if (/^v\d/.test(token)) token = token.slice(1);
  const gluedSp = GLUED_SERVICE_PACK.exec(token);
  if (gluedSp) return { version: `${gluedSp[1]} SP${Number(gluedSp[2])}`, used: 1 };
  // "ubuntu1604", "ubuntu 1804": year and month without the dot.
  const ubuntuGlued = distro === 'ubuntu' ? /^(\d{2})(0[1-9]|1[0-2])$/.exec(token) : null;
  if (ubuntuGlued) return { version: `${ubuntuGlued[1]}.${ubuntuGlued[2]}`, used: 1 };
  if (!VERSION_TOKEN.test(token)) return undefined;
  const bare = token.replace(/\.x$|\+$/, '');
  const sp = servicePackAfter(tokens, start + 1);
  if (sp) return { version: `${bare} SP${sp.number}`, used: 1 + sp.used };
  // SLES releases are often written 11.3 for 11 SP3.
  const slesDotted = distro === 'sles' ? /^(1[0-5])\.(\d)$/.exec(bare) : null;
  if (slesDotted) return { version: `${slesDotted[1]} SP${slesDotted[2]}`, used: 1 };
  if (distro === 'ubuntu') {
    // Ubuntu releases are year.month: "20.4" is 20.04, and a bare even year ("u20") is that year's April LTS.
    const ubuntuMonth = /^(\d{2})\.(\d)$/.exec(bare);
    if (ubuntuMonth) return { version: `${ubuntuMonth[1]}.0${ubuntuMonth[2]}`, used: 1 };
    const ltsYear = /^(1[02468]|2[02468])$/.exec(bare);
    if (ltsYear) return { version: `${ltsYear[1]}.04`, used: 1 };
  }
  const version = normaliseVersion(withoutPointRelease(bare));
  return version ? { version, used: 1 } : undefined;
}

/** "sp3", "sp 3" or "service pack 3" at a word. */
function servicePackAfter(tokens: readonly string[], at: number): { number: number; used: number } | undefined {
  const glued = SERVICE_PACK.exec(tokens[at] ?? '');
  if (glued) return { number: Number(glued[1]), used: 1 };
  const words = tokens[at] === 'sp' ? 1 : tokens[at] === 'service' && tokens[at + 1] === 'pack' ? 2 : 0;
  const number = words ? /^\d{1,2}$/.exec(tokens[at + words] ?? '') : null;
  return number ? { number: Number(number[0]), used: words + 1 } : undefined;
}

/** A point release ("20.04.6", "7.9.2009") is asked about as its release: the matrix lists none finer. */
function withoutPointRelease(version: string): string {
  return version.replace(/^(\d+\.\d+)\.\d+$/, '$1');
}

/**
 * The longest name starting at a word, and where it ends: the words as typed, else with filler words between them
 * left out ("grow the vhdx" is "grow vhdx").
 */
function phraseAt(vocabulary: Vocabulary, tokens: readonly string[], start: number): { entry: VocabularyEntry; end: number } | undefined {
  const lead = vocabulary.leadWords.has(tokens[start]!);
  const longest = lead ? Math.min(vocabulary.longestPhrase, tokens.length - start) : 1;
  for (let length = longest; length >= 1; length--) {
    const entry = vocabulary.phrases.get(length === 1 ? tokens[start]! : tokens.slice(start, start + length).join(' '));
    if (entry) return { entry, end: start + length };
  }
  if (!lead || FILLER_WORDS.has(tokens[start]!)) return undefined;
  const words: string[] = [tokens[start]!];
  const ends: number[] = [start + 1];
  for (let k = start + 1; k < tokens.length && words.length < vocabulary.longestPhrase; k++) {
    if (FILLER_WORDS.has(tokens[k]!)) continue;
    words.push(tokens[k]!);
    ends.push(k + 1);
  }
  // Only a window that skipped a filler can hold a name the first search missed.
  if (ends[ends.length - 1]! - start === words.length) return undefined;
  for (let length = words.length; length >= 2; length--) {
    if (ends[length - 1]! - start === length) break;
    const entry = vocabulary.phrases.get(words.slice(0, length).join(' '));
    if (entry) return { entry, end: ends[length - 1]! };
  }
  return undefined;
}

/** Solaris alone is the x86 build; naming SPARC anywhere means the SPARC one. */
function preferSpecificOs(distros: DistroId[]): DistroId[] {
  return distros.includes('solaris-sparc')
    ? ['solaris-sparc', ...distros.filter((d) => d !== 'solaris-sparc' && d !== 'solaris-x86')]
    : distros;
}

/** `fuzzy: false` reads exact names only: the classifier's training examples are typed with care. */
export function extractEntities(kb: KnowledgeBase, question: string, options: { fuzzy?: boolean } = FUZZY): Extraction {
  const maxLookups = options.fuzzy === false ? 0 : MAX_FUZZY_LOOKUPS;
  const vocabulary = vocabularyFor(kb);
  // A feature whose name holds a host ("windows server 2016 accurate time") is read before hosts, so it never names the host.
  const asOf = extractAsOf(question);
  let lowered = (asOf ? withoutAsOf(question, asOf) : question).toLowerCase();
  for (const [pattern, replacement] of vocabulary.hostLikeFeatures) lowered = lowered.replace(pattern, replacement);
  lowered = lowered.replace(RELEASE_FILE, ' ').replace(CORE_EDITION, '$1');
  const knownLis = knownLisNames(kb);
  const lis = extractLisMentions(lowered, PLACEHOLDERS.lis, knownLis);
  // The LIS release as the verdict engine reads it; UEK releases and architectures are blanked like hosts.
  const lisRelease = extractReleases(lowered, knownLis).lis;
  const releases = extractReleases(lis.rest);
  const { hosts: hostMentions, rest } = extractHosts(releases.rest.toLowerCase(), PLACEHOLDERS.host);
  const tokens = expandShorthand(
    tokenize(rest),
    (id) => kb.familyName(id),
    (word) => vocabulary.phrases.has(word),
    (word) => {
      if (maxLookups === 0) return undefined;
      const near = vocabulary.fuzzy.get(1)?.find(word)?.item;
      return near?.kind === 'distro' && !near.version ? near.distro : undefined;
    },
  );
  const kinds = new Array<Kind | undefined>(tokens.length).fill(undefined);
  // A typed array has one map whatever its length, so the optimised code never meets another (no deopt on it).
  const used = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const marker = tokens[i] === PLACEHOLDERS.host ? 'host' : tokens[i] === PLACEHOLDERS.lis ? 'lis' : undefined;
    kinds[i] = marker;
    if (marker !== undefined) used[i] = 1;
  }
  const mark = (from: number, to: number, kind: Kind) => {
    for (let k = from; k < to; k++) kinds[k] = kind;
  };
  const distros: DistroId[] = [];
  const features: FeatureEntity[] = [];
  const namedBySetting = new Set<FeatureEntity>();
  const fuzzy: FuzzyReading[] = [];
  let version: string | undefined;
  let kernel: 'rhck' | 'uek' | undefined;

  let distroEnd = -1;
  let versionEnd = -1;
  const bindVersion = (distro: DistroId, start: number): boolean => {
    const skip = ['version', 'v', 'release'].includes(tokens[start] ?? '') ? 1 : 0;
    const found = versionAt(tokens, start, distro);
    if (!found || used[start + skip]) return false;
    version = found.version;
    versionEnd = start + skip + found.used;
    for (let k = start; k < versionEnd; k++) used[k] = 1;
    mark(start, versionEnd, 'version');
    return true;
  };
  const accept = (entry: VocabularyEntry, end: number) => {
    if (entry.kind === 'distro') {
      if (!distros.includes(entry.distro)) distros.push(entry.distro);
      if (distros[0] !== entry.distro) return;
      distroEnd = end;
      if (entry.version && !version) {
        version = entry.version;
        // "wheezy 7.11": an explicit point release of the codename's major wins.
        const explicit = versionAt(tokens, end, entry.distro);
        if (explicit && explicit.version.split(/[. ]/)[0] === entry.version.split(/[. ]/)[0]) bindVersion(entry.distro, end);
      } else if (!version) {
        bindVersion(entry.distro, end);
      }
    } else if (entry.kind === 'feature') {
      if (!features.includes(entry.feature)) {
        features.push(entry.feature);
        if (entry.setting) namedBySetting.add(entry.feature);
      } else if (!entry.setting) namedBySetting.delete(entry.feature);
    } else {
      kernel ??= entry.kernel;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const found = phraseAt(vocabulary, tokens, i);
    if (!found) continue;
    for (let k = i; k < found.end; k++) used[k] = 1;
    mark(i, found.end, found.entry.kind);
    accept(found.entry, found.end);
  }

  const leftovers: string[] = [];
  let lookups = 0;
  // A name a typo or two away (near-names.ts); a pair of words is looked up once, though tried from both ends.
  const looked = new Map<string, ReturnType<typeof lookUp>>();
  const lookUp = (typed: string, words: number) => vocabulary.fuzzy.get(words)?.find(typed);
  const confirmed = (typed: string, words: number) => {
    if (!looked.has(typed)) looked.set(typed, lookUp(typed, words));
    return looked.get(typed);
  };
  // Whether each word is one typo from the vocabulary, worked out once per word.
  const nearness: Array<boolean | undefined> = [];
  const fuzzyWord = (k: number) => {
    const word = tokens[k];
    if (word === undefined || used[k] || /\d/.test(word) || word.length > MAX_FUZZY_WORD) return false;
    return (nearness[k] ??= nearVocabulary(vocabulary, word));
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (used[i] || STOPWORDS.has(token) || token.length < 4 || /\d/.test(token)) continue;
    if (lookups >= maxLookups || !fuzzyWord(i)) {
      leftovers.push(token);
      continue;
    }
    lookups++;
    // Phrases of two or three words ("dynamc memory", "hyper-v sokets") are tried when every word is near the vocabulary too.
    let phraseHit: { from: number; to: number; hit: ReturnType<typeof confirmed> } | undefined;
    for (const [before, after] of PHRASE_SPANS) {
      const from = i + before;
      const to = i + after;
      if (from < 0 || to >= tokens.length) continue;
      let near = true;
      for (let k = from; k <= to && near; k++) near = fuzzyWord(k);
      const hit = near ? confirmed(tokens.slice(from, to + 1).join(' '), to - from + 1) : undefined;
      if (hit) {
        phraseHit = { from, to, hit };
        break;
      }
    }
    const exactWord = vocabulary.wordsByLength.get(token.length)?.includes(token) ?? false;
    const found = phraseHit ?? (exactWord ? undefined : { from: i, to: i, hit: confirmed(token, 1) });
    if (found?.hit) {
      const { from, to, hit } = found;
      for (let k = from; k <= to; k++) used[k] = 1;
      mark(from, to + 1, hit.item.kind);
      fuzzy.push({ typed: tokens.slice(from, to + 1).join(' '), phrase: hit.item.phrase, entry: hit.item, score: hit.score });
      accept(hit.item, to + 1);
    } else {
      leftovers.push(token);
    }
  }

  // A version a word or two after the distro ("oracle linx 7.3", "rhel server 7"): bind it late.
  // A kernel's version is not the distro's: "rhel with kernel 3.10", "debian with the 5.10 kernel".
  // Words of distro names ("suse linux enterprize server 15") do not count towards the two words.
  if (distros[0] && !version && distroEnd >= 0) {
    for (let k = distroEnd, words = 0; k < tokens.length && words < 3 && !version && tokens[k] !== 'kernel'; k++) {
      if (!used[k] && tokens[k + 1] !== 'kernel' && !COUNTED.has(tokens[k + 1] ?? '')) bindVersion(distros[0], k);
      if (!vocabulary.distroWords.has(tokens[k]!)) words++;
    }
  }
  // os-release may give VERSION_ID before ID="rhel".
  if (distros[0] && !version) {
    for (let k = 2; k < tokens.length && !version; k++)
      if (!used[k] && tokens[k - 1] === 'id' && tokens[k - 2] === 'version') bindVersion(distros[0], k);
  }
  // "oel6 rhck 6.9": a point release of the bare major just named, past other names, is the version meant.
  if (distros[0] && version && versionEnd >= 0 && /^\d+$/.test(version)) {
    const major = version;
    let k = versionEnd;
    while (k < tokens.length && used[k]) k++;
    const next = tokens[k];
    if (next?.includes('.') && next.split('.')[0] === major) {
      version = undefined;
      if (!bindVersion(distros[0], k)) version = major;
    }
  }
  const looseVersion = version ? undefined : tokens.find((t, i) => !used[i] && VERSION_TOKEN.test(t) && t.includes('.'));
  const hosts = [...new Set(hostMentions.map((m) => m.host))];
  // Only Oracle Linux ships UEK: "uek r4 hot add" is about Oracle Linux, and so is "el7 uek5" (el7 alone reads as RHEL).
  if (releases.uek || kernel === 'uek') {
    if (distros[0] === 'rhel' || distros[0] === 'centos') distros[0] = 'oracle-linux';
    if (distros.length === 0) distros.push('oracle-linux');
  }
  const ordered = preferSpecificOs(distros);
  const entities: Entities = {};
  if (ordered[0]) entities.distro = ordered[0];
  if (version && ordered[0]) entities.version = version;
  else if (looseVersion && !ordered[0]) entities.version = normaliseVersion(looseVersion.replace(/\.x$|\+$/, '')) ?? looseVersion;
  const feature = pickFeature(features, namedBySetting);
  if (feature) entities.feature = feature;
  if (hosts[0]) entities.host = hosts[0];
  if (kernel) entities.kernel = kernel;
  if (lisRelease) entities.lis = lisRelease;
  if (releases.uek) entities.uek = releases.uek;
  if (releases.arch) entities.arch = releases.arch;
  if (asOf) entities.asOf = asOf.date;
  const shape = shapeOf(tokens, kinds, looseVersion);
  // Built in one pass each, without intermediate arrays: this runs for every question.
  const searchWords: string[] = [];
  const wordTokens: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = kinds[i];
    const token = tokens[i]!;
    const searched = kind === 'lis' ? 'lis' : kind === undefined || kind === 'feature' || kind === 'kernel' ? token : '';
    if (searched) searchWords.push(searched);
    if (kind !== 'host' && kind !== 'lis') wordTokens.push(token);
  }
  const searchText = searchWords.join(' ');
  return {
    entities,
    hosts,
    distros: ordered,
    features,
    fuzzy,
    leftovers,
    tokens: wordTokens,
    looseVersion,
    lisReleases: lis.releases,
    shape,
    searchText,
  };
}

/** Each run of one entity becomes one placeholder; other numbers become one number word. */
function shapeOf(tokens: readonly string[], kinds: ReadonlyArray<Kind | undefined>, looseVersion: string | undefined): string {
  const words: string[] = [];
  tokens.forEach((token, i) => {
    const kind = kinds[i] ?? (token === looseVersion ? 'version' : /^\d/.test(token) ? 'number' : undefined);
    if (!kind) words.push(token);
    else if (kinds[i - 1] !== kind || kinds[i] === undefined) words.push(PLACEHOLDERS[kind]);
  });
  return words.join(' ');
}
