import { PLACEHOLDERS } from '../entities/extract.ts';
import { domainTermIn, paddedKey } from './scope.ts';
import type { FeatureIndex } from './feature-index.ts';

const MARKERS = new Set<string>(Object.values(PLACEHOLDERS));
/** Words too common to tell intents apart on their own; they still count inside bigrams. */
const FILLER = new Set('a an the to of and or my our i we me you it its this that on in for with please pls hi hey lisbot bot'.split(' '));

/** Placeholders for names only this domain has: a feature, an LIS release, a kernel flavour. */
const DOMAIN_MARKERS = [PLACEHOLDERS.feature, PLACEHOLDERS.lis, PLACEHOLDERS.kernel].map((marker) => ` ${marker} `);

/**
 * Whether the question names anything of Hyper-V guests beyond a distribution: "how do i mount nfs on centos" names
 * none, "centos vm loses its network" does. Both values are features, so the classifier can learn from the absence.
 */
function domainFeature(shape: string): string {
  const padded = paddedKey(shape);
  return DOMAIN_MARKERS.some((marker) => padded.includes(marker)) || domainTermIn(padded) !== undefined ? 'dom:yes' : 'dom:no';
}

/** A light stem so "fails", "failed" and "failing" meet. */
function stem(word: string): string {
  if (MARKERS.has(word) || word.length <= 4) return word;
  return word.replace(/(ing|ed|es|s)$/, '') || word;
}

/**
 * The features of a question's shape: whether it names something of the domain, stemmed words, word bigrams (with start and end marks), the first word,
 * and character 3-grams of longer words, so unseen spellings and typos still share features.
 */
export function featuresOf(shape: string, askedShape?: string): string[] {
  const features = new Set<string>();
  forEachFeature(shape, (feature) => features.add(feature), askedShape);
  return [...features];
}

/** Only a message's first words are featurised: a pasted wall of text costs no more than a question. */
export const MAX_WORDS = 40;

/**
 * Hands each feature of a shape to `visit` in the order featuresOf lists them, a feature possibly more than once:
 * a question is scored without building its feature list.
 */
export function forEachFeature(shape: string, visit: (feature: string) => void, askedShape?: string): void {
  emitFeatures(shape, askedShape, {
    feature: visit,
    bigram: (named) => visit(named.name),
    own: (word) => word.own.forEach(visit),
  });
}

/**
 * forEachFeature as ids of `index` (a new feature gets the next id). Training reads the same words and word pairs
 * thousands of times: each keeps its features' ids, so only its first reading looks them up.
 */
export function forEachFeatureId(shape: string, index: FeatureIndex, take: (id: number) => void, askedShape?: string): void {
  emitFeatures(shape, askedShape, {
    feature: (feature) => take(index.idOf(feature)),
    bigram: (named) => {
      if (named.index !== index) {
        named.id = index.idOf(named.name);
        named.index = index;
      }
      take(named.id);
    },
    own: (word) => {
      if (word.ownIndex !== index) {
        word.ownIds = Int32Array.from(word.own, (feature) => index.idOf(feature));
        word.ownIndex = index;
      }
      for (const id of word.ownIds!) take(id);
    },
  });
}

interface FeatureSink {
  feature(name: string): void;
  bigram(named: NamedBigram): void;
  own(word: Word): void;
}

function emitFeatures(shape: string, askedShape: string | undefined, sink: FeatureSink): void {
  if (askedShape !== undefined) {
    const asked = wordsOf(askedShape);
    if (asked[0]) sink.feature(asked[0].askedFirst);
    for (let i = 0; i < asked.length; i++) {
      const word = asked[i]!;
      if (word.askedWord !== undefined) sink.feature(word.askedWord);
      sink.bigram(bigram(word.askedAfter, 'a:b:', word, asked[i + 1]));
    }
  }
  const words = wordsOf(shape);
  if (words.length === 0) sink.feature('empty');
  sink.feature(`len:${Math.min(words.length, 8)}`);
  sink.feature(domainFeature(shape));
  if (words[0]) sink.feature(words[0].first);
  sink.feature(words.length ? words[0]!.startBigram : 'b:<s> </s>');
  for (let i = 0; i < words.length; i++) sink.bigram(bigram(words[i]!.after, 'b:', words[i]!, words[i + 1]));
  for (const word of words) sink.own(word);
}

/**
 * What featurising reads of one word, its feature names built once: training reads each common word thousands of
 * times, and a name built afresh must be hashed afresh on every lookup.
 */
interface Word {
  readonly stem: string;
  /** The word's own features: itself unless it is filler, and the character 3-grams of a longer word. */
  readonly own: readonly string[];
  readonly first: string;
  readonly startBigram: string;
  readonly askedFirst: string;
  readonly askedWord: string | undefined;
  /** The bigram of this word and the next (undefined: the end), by the next word. */
  readonly after: Map<Word | undefined, NamedBigram>;
  readonly askedAfter: Map<Word | undefined, NamedBigram>;
  /** The ids of `own` in the index that last asked for them. */
  ownIds: Int32Array | undefined;
  ownIndex: FeatureIndex | undefined;
}

const wordCache = new Map<string, Word>();
let bigramsCached = 0;
const MAX_CACHED_WORDS = 50_000;
const MAX_CACHED_BIGRAMS = 500_000;
const MAX_CACHED_LENGTH = 40;

/** A shape's first MAX_WORDS words. */
function wordsOf(shape: string): Word[] {
  const words: Word[] = [];
  for (const text of shape.split(' ')) {
    if (words.length === MAX_WORDS) break;
    if (text) words.push(wordOf(text));
  }
  return words;
}

function wordOf(text: string): Word {
  const cached = wordCache.get(text);
  if (cached) return cached;
  const stemmed = stem(text);
  const own: string[] = [];
  if (!FILLER.has(stemmed)) own.push(`w:${stemmed}`);
  if (!MARKERS.has(stemmed) && stemmed.length >= 5) {
    const bounded = `<${stemmed}>`;
    for (let i = 0; i + 3 <= bounded.length; i++) own.push(`c:${bounded.slice(i, i + 3)}`);
  }
  const word: Word = {
    stem: stemmed,
    own,
    first: `first:${stemmed}`,
    startBigram: `b:<s> ${stemmed}`,
    askedFirst: `a:first:${stemmed}`,
    askedWord: FILLER.has(stemmed) ? undefined : `a:w:${stemmed}`,
    after: new Map(),
    askedAfter: new Map(),
    ownIds: undefined,
    ownIndex: undefined,
  };
  if (text.length > MAX_CACHED_LENGTH) return word;
  if (wordCache.size >= MAX_CACHED_WORDS || bigramsCached >= MAX_CACHED_BIGRAMS) {
    wordCache.clear();
    bigramsCached = 0;
  }
  wordCache.set(text, word);
  return word;
}

/** A bigram feature's name, and its id in the index that last asked for it. */
interface NamedBigram {
  readonly name: string;
  id: number;
  index: FeatureIndex | undefined;
}

function bigram(cache: Map<Word | undefined, NamedBigram>, prefix: string, word: Word, next: Word | undefined): NamedBigram {
  let named = cache.get(next);
  if (named === undefined) {
    named = { name: `${prefix}${word.stem} ${next ? next.stem : '</s>'}`, id: -1, index: undefined };
    cache.set(next, named);
    bigramsCached++;
  }
  return named;
}
