import type { KnowledgeBase } from '../../knowledge/index.ts';
import { FEATURE_ALIASES } from '../../knowledge/import/feature-names.ts';
import type { DistroId } from '../../knowledge/schema/index.ts';
import type { FeatureEntity } from '../../core/reply.ts';
import { NearNames } from './near-names.ts';
import { FILLER_WORDS, phraseVariants } from './phrase-variants.ts';
import { phraseKey } from './tokens.ts';

export type VocabularyEntry =
  | { kind: 'distro'; distro: DistroId; version?: string; phrase: string }
  | { kind: 'feature'; feature: FeatureEntity; phrase: string; setting?: true }
  | { kind: 'kernel'; kernel: 'rhck' | 'uek'; phrase: string };

/** Dynamic memory as a whole is the bot's own entity (hot-add and ballooning together), so its names live here. */
const DYNAMIC_MEMORY_NAMES = [
  'dynamic memory',
  'dynamic ram',
  'dynamic mem',
  'dynamicmemory',
  'dynamicmemoryenabled',
  'dyn mem',
  'dm',
  'hv_balloon',
];

/** Dynamic memory's settings name hot-add or ballooning alone, but only frame a question that names dynamic memory. */
const DYNAMIC_MEMORY_SETTINGS: ReadonlySet<string> = new Set(['startup memory', 'minimum memory', 'maximum memory']);

const KERNEL_NAMES: ReadonlyArray<['rhck' | 'uek', string[]]> = [
  ['uek', ['uek', 'unbreakable enterprise kernel', 'uek4', 'uek5', 'uek6', 'uek r3', 'uek r4']],
  ['rhck', ['rhck', 'red hat compatible kernel']],
];

export interface Vocabulary {
  /** Exact phrases by their key, longest first when matching. */
  readonly phrases: ReadonlyMap<string, VocabularyEntry>;
  readonly longestPhrase: number;
  /**
   * The first words of phrases of two words or more, each with the most words such a phrase has: only at one of them
   * is a longer phrase worth looking up, and no longer than that.
   */
  readonly leadWords: ReadonlyMap<string, number>;
  /** Every word of a distro's names ("linux", "server", "enterprise"). */
  readonly distroWords: ReadonlySet<string>;
  /** Typo-tolerant lookups by phrase word count, for did-you-mean on leftover words. */
  readonly fuzzy: ReadonlyMap<number, NearNames<VocabularyEntry>>;
  /** Every word of every fuzzy-matchable phrase, by length: a cheap test before any fuzzy search. */
  readonly wordsByLength: ReadonlyMap<number, readonly string[]>;
  /** Feature names that hold a host ("Windows Server 2016 Accurate Time"), with the feature's own key to read them as. */
  readonly hostLikeFeatures: ReadonlyArray<readonly [RegExp, string]>;
}

const HOST_WORDS = String.raw`(?:(?:microsoft\s+)?(?:windows\s*server|win\s*server|windows|ws|server|hyper-?v)\s*)?`;

function hostLikePattern(phrase: string): RegExp | undefined {
  const year = /\b(20\d\d)\b/.exec(phrase);
  if (!year) return undefined;
  const after = phrase
    .slice(year.index + 4)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (after.length === 0) return undefined;
  return new RegExp(
    String.raw`\b${HOST_WORDS}${year[1]}\s*(?:r2\s*)?${after.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(String.raw`[\s-]+`)}\b`,
    'g',
  );
}

const vocabularies = new WeakMap<KnowledgeBase, Vocabulary>();

function add(phrases: Map<string, VocabularyEntry>, entry: VocabularyEntry): void {
  const key = phraseKey(entry.phrase);
  if (key.length < 2 && entry.kind !== 'feature') return;
  if (!phrases.has(key)) phrases.set(key, { ...entry, phrase: key });
}

/** A feature's name in its other tenses and stand-in words, and without filler words; never fuzzy-matched. */
function addVariants(phrases: Map<string, VocabularyEntry>, variants: Set<string>, entry: VocabularyEntry): void {
  const key = phraseKey(entry.phrase);
  const withoutFillers = key
    .split(' ')
    .filter((word) => !FILLER_WORDS.has(word))
    .join(' ');
  for (const variant of new Set([...phraseVariants(key), withoutFillers])) {
    if (phrases.has(variant) || variants.has(variant)) continue;
    variants.add(variant);
    phrases.set(variant, { ...entry, phrase: variant });
  }
}

/** Builds the entity dictionaries from the KB once per KB version. */
export function vocabularyFor(kb: KnowledgeBase): Vocabulary {
  const cached = vocabularies.get(kb);
  if (cached) return cached;
  const phrases = new Map<string, VocabularyEntry>();
  for (const family of kb.families.values()) {
    for (const name of [family.id, family.name, ...family.aliases]) {
      // An alias such as "Windows RT 8.1" or "Solaris 11 x86" also names a version.
      const version = /(?:^|\s)(\d+(?:\.\d+)*)(?:\s|$)/.exec(name)?.[1];
      add(
        phrases,
        version ? { kind: 'distro', distro: family.id, version, phrase: name } : { kind: 'distro', distro: family.id, phrase: name },
      );
    }
    for (const codename of family.codenames)
      add(phrases, { kind: 'distro', distro: family.id, version: codename.version, phrase: codename.name });
  }
  for (const os of kb.otherOs.values())
    for (const name of [os.name, ...os.aliases]) add(phrases, { kind: 'distro', distro: os.id, phrase: name });
  const hostLikeFeatures: Array<readonly [RegExp, string]> = [];
  for (const feature of kb.features.values()) {
    // Every era's row label, as the importer knows them, names the feature too.
    const upstream = FEATURE_ALIASES[feature.id] ?? [];
    for (const name of [feature.name, ...feature.matrixNames, ...upstream, ...feature.synonyms, feature.id]) {
      add(
        phrases,
        DYNAMIC_MEMORY_SETTINGS.has(phraseKey(name))
          ? { kind: 'feature', feature: feature.id, phrase: name, setting: true }
          : { kind: 'feature', feature: feature.id, phrase: name },
      );
      const pattern = hostLikePattern(phraseKey(name));
      if (pattern) hostLikeFeatures.push([pattern, ` ${phraseKey(feature.id)} `]);
    }
  }
  for (const name of DYNAMIC_MEMORY_NAMES) add(phrases, { kind: 'feature', feature: 'dynamic-memory', phrase: name });
  for (const [kernel, names] of KERNEL_NAMES) for (const name of names) add(phrases, { kind: 'kernel', kernel, phrase: name });
  const variants = new Set<string>();
  for (const entry of [...phrases.values()]) if (entry.kind === 'feature') addVariants(phrases, variants, entry);

  const byWords = new Map<number, VocabularyEntry[]>();
  for (const entry of phrases.values()) {
    if (variants.has(entry.phrase)) continue;
    const words = entry.phrase.split(' ').length;
    if (words > 3 || entry.phrase.length < 4 || /\d/.test(entry.phrase)) continue;
    byWords.set(words, [...(byWords.get(words) ?? []), entry]);
  }
  const fuzzy = new Map([...byWords].map(([words, entries]) => [words, new NearNames(entries)]));
  const wordsByLength = new Map<number, string[]>();
  for (const word of new Set([...byWords.values()].flat().flatMap((entry) => entry.phrase.split(' ')))) {
    wordsByLength.set(word.length, [...(wordsByLength.get(word.length) ?? []), word]);
  }
  const vocabulary = {
    phrases,
    longestPhrase: Math.max(...[...phrases.keys()].map((k) => k.split(' ').length)),
    distroWords: new Set(
      [...phrases.values()].flatMap((entry) => (entry.kind === 'distro' ? entry.phrase.split(' ').filter((word) => !/\d/.test(word)) : [])),
    ),
    leadWords: leadWordsOf(phrases.keys()),
    fuzzy,
    wordsByLength,
    hostLikeFeatures,
  };
  vocabularies.set(kb, vocabulary);
  return vocabulary;
}

function leadWordsOf(phrases: Iterable<string>): Map<string, number> {
  const longest = new Map<string, number>();
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    if (words.length > 1) longest.set(words[0]!, Math.max(longest.get(words[0]!) ?? 0, words.length));
  }
  return longest;
}
