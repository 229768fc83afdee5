/** Finding the vocabulary's names in a question's words: as typed, with filler words left out, or a typo or two away. */
import type { DistroId } from '../../knowledge/schema/index.ts';
import { withinOneEdit } from '../../knowledge/edit-distance.ts';
import type { NearName } from './near-names.ts';
import { FILLER_WORDS } from './phrase-variants.ts';
import type { QuestionReading } from './reading.ts';
import { STOPWORDS } from './tokens.ts';
import type { Vocabulary, VocabularyEntry } from './vocabulary.ts';

export const MAX_FUZZY_LOOKUPS = 6;
const MAX_FUZZY_WORD = 24;
/** Where a misspelt word may sit in a phrase of two or three words, relative to it: the word and the next first. */
const PHRASE_SPANS: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [-1, 0],
  [-2, 0],
  [0, 2],
];

type NearHit = NearName<VocabularyEntry> | undefined;

/** Release codenames that are everyday words too: "stretch the disk", "squeeze more density", "a precise clock". */
const EVERYDAY_CODENAMES: ReadonlySet<string> = new Set([
  'squeeze',
  'stretch',
  'buster',
  'precise',
  'trusty',
  'lucid',
  'vivid',
  'raring',
  'saucy',
  'natty',
  'maverick',
  'artful',
  'cosmic',
  'disco',
  'groovy',
  'impish',
  'kinetic',
  'lunar',
  'plucky',
  'questing',
  'plow',
]);

/**
 * Reads every name typed as the vocabulary has it, longest first, left to right. A codename that is an everyday word
 * is no name when the question names another family: "can you stretch the disk on rhel 8" is about RHEL, while
 * "stretch vm, live backup?" and "trusty boxes … our xenial ones" name releases.
 */
export function readExactNames(reading: QuestionReading, vocabulary: Vocabulary): void {
  const { tokens, used } = reading;
  const names: Array<{ at: number; end: number; entry: VocabularyEntry }> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const found = phraseAt(vocabulary, tokens, i);
    if (!found) continue;
    names.push({ at: i, ...found });
    i = found.end - 1;
  }
  const everyday = (name: (typeof names)[number]) =>
    name.entry.kind === 'distro' && name.end === name.at + 1 && EVERYDAY_CODENAMES.has(tokens[name.at]!);
  const families = new Set(names.flatMap((n) => (n.entry.kind === 'distro' && !everyday(n) ? [n.entry.distro] : [])));
  for (const name of names) {
    if (everyday(name) && name.entry.kind === 'distro' && families.size > 0 && !families.has(name.entry.distro)) {
      // Read as the word it is: neither a name nor a typo of one.
      used[name.at] = 1;
      reading.leftovers.push(tokens[name.at]!);
      continue;
    }
    reading.take(name.at, name.end, name.entry.kind);
    reading.accept(name.entry, name.end);
  }
}

/**
 * Words of their own one typo from a name: WinRM is no Windows RT, Discord no discard, spare RAM no SPARC, freed
 * memory no FreeBSD, a trust no Ubuntu trusty, VXLAN no VLAN.
 */
const NOT_A_TYPO: ReadonlySet<string> = new Set([
  'winrm',
  'discord',
  'spare',
  'spark',
  'freed',
  'frees',
  'trust',
  'trusts',
  'busier',
  'disc',
  'squeezed',
  'vxlan',
  'cores',
]);

/**
 * Reads names a typo or two away (near-names.ts) among the words left, at most `maxLookups` of them; what stays
 * unread and is no stopword becomes a leftover.
 */
export function readMisspeltNames(reading: QuestionReading, vocabulary: Vocabulary, maxLookups: number): void {
  const { tokens, used } = reading;
  let lookups = 0;
  // A pair of words is looked up once, though tried from both ends.
  const looked = new Map<string, NearHit>();
  // Whether each word is one typo from the vocabulary, worked out once per word.
  const nearness: Array<boolean | undefined> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (used[i] || STOPWORDS.has(token) || NOT_A_TYPO.has(token) || token.length < 4 || /\d/.test(token)) continue;
    if (lookups >= maxLookups || !fuzzyWord(reading, vocabulary, nearness, i)) {
      reading.leftovers.push(token);
      continue;
    }
    lookups++;
    // Phrases of two or three words ("dynamc memory", "hyper-v sokets") are tried when every word is near the vocabulary too.
    let phraseHit: { from: number; to: number; hit: NearHit } | undefined;
    for (const [before, after] of PHRASE_SPANS) {
      const from = i + before;
      const to = i + after;
      if (from < 0 || to >= tokens.length) continue;
      let near = true;
      for (let k = from; k <= to && near; k++) near = fuzzyWord(reading, vocabulary, nearness, k);
      const hit = near ? lookUpOnce(vocabulary, looked, tokens.slice(from, to + 1).join(' '), to - from + 1) : undefined;
      if (hit) {
        phraseHit = { from, to, hit };
        break;
      }
    }
    const exactWord = vocabulary.wordsByLength.get(token.length)?.includes(token) ?? false;
    const found = phraseHit ?? (exactWord ? undefined : { from: i, to: i, hit: lookUpOnce(vocabulary, looked, token, 1) });
    if (found?.hit) {
      const { from, to, hit } = found;
      reading.take(from, to + 1, hit.item.kind);
      reading.fuzzy.push({ typed: tokens.slice(from, to + 1).join(' '), phrase: hit.item.phrase, entry: hit.item, score: hit.score });
      reading.accept(hit.item, to + 1);
    } else {
      reading.leftovers.push(token);
    }
  }
}

/** The distro a single misspelt word names ("ubunut"), for reading shorthand: a distro's release does not count. */
export function nearDistro(vocabulary: Vocabulary, word: string): DistroId | undefined {
  const near = vocabulary.fuzzy.get(1)?.find(word)?.item;
  return near?.kind === 'distro' && !near.version ? near.distro : undefined;
}

/**
 * The longest name starting at a word, and where it ends: the words as typed, else with filler words between them
 * left out ("grow the vhdx" is "grow vhdx").
 */
function phraseAt(vocabulary: Vocabulary, tokens: readonly string[], start: number): { entry: VocabularyEntry; end: number } | undefined {
  const leadFor = vocabulary.leadWords.get(tokens[start]!);
  const lead = leadFor !== undefined;
  const longest = lead ? Math.min(leadFor, tokens.length - start) : 1;
  for (let length = longest; length >= 1; length--) {
    const entry = vocabulary.phrases.get(length === 1 ? tokens[start]! : tokens.slice(start, start + length).join(' '));
    if (entry) return { entry, end: start + length };
  }
  if (!lead || FILLER_WORDS.has(tokens[start]!)) return undefined;
  const words: string[] = [tokens[start]!];
  const ends: number[] = [start + 1];
  for (let k = start + 1; k < tokens.length && words.length < leadFor; k++) {
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

function lookUpOnce(vocabulary: Vocabulary, looked: Map<string, NearHit>, typed: string, words: number): NearHit {
  if (!looked.has(typed)) looked.set(typed, vocabulary.fuzzy.get(words)?.find(typed));
  return looked.get(typed);
}

/** May the word be misspelt: unread, no number, not too long, and one typo from some vocabulary word? */
function fuzzyWord(reading: QuestionReading, vocabulary: Vocabulary, nearness: Array<boolean | undefined>, k: number): boolean {
  const word = reading.tokens[k];
  if (word === undefined || reading.used[k] || /\d/.test(word) || word.length > MAX_FUZZY_WORD) return false;
  return (nearness[k] ??= nearVocabulary(vocabulary, word));
}

/** Is the word one typo from some vocabulary word? Only then is a fuzzy search worth its cost. */
function nearVocabulary(vocabulary: Vocabulary, word: string): boolean {
  for (let length = word.length - 1; length <= word.length + 1; length++) {
    const candidates = vocabulary.wordsByLength.get(length);
    if (candidates) for (const candidate of candidates) if (withinOneEdit(word, candidate)) return true;
  }
  return false;
}
