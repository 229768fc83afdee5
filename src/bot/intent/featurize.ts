import { PLACEHOLDERS } from '../entities/extract.ts';
import { domainTermIn, paddedKey } from './scope.ts';

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

/** The features of a shape as forEachFeature hands them out, a feature possibly more than once: for training rows. */
export function featureList(shape: string, askedShape?: string): string[] {
  const features: string[] = [];
  forEachFeature(shape, (feature) => features.push(feature), askedShape);
  return features;
}

/** Only a message's first words are featurised: a pasted wall of text costs no more than a question. */
export const MAX_WORDS = 40;

/**
 * Hands each feature of a shape to `visit` in the order featuresOf lists them, a feature possibly more than once:
 * a question is scored without building its feature list.
 */
export function forEachFeature(shape: string, visit: (feature: string) => void, askedShape?: string): void {
  if (askedShape !== undefined) {
    const asked = askedShape.split(' ').filter(Boolean).slice(0, MAX_WORDS).map(stem);
    if (asked[0]) visit(`a:first:${asked[0]}`);
    for (let i = 0; i < asked.length; i++) {
      if (!FILLER.has(asked[i]!)) visit(`a:w:${asked[i]}`);
      visit(`a:b:${asked[i]} ${i + 1 < asked.length ? asked[i + 1] : '</s>'}`);
    }
  }
  const words: string[] = [];
  for (const word of shape.split(' ')) {
    if (words.length === MAX_WORDS) break;
    if (word) words.push(stem(word));
  }
  if (words.length === 0) visit('empty');
  visit(`len:${Math.min(words.length, 8)}`);
  visit(domainFeature(shape));
  if (words[0]) visit(`first:${words[0]}`);
  visit(`b:<s> ${words.length ? words[0] : '</s>'}`);
  for (let i = 0; i < words.length; i++) visit(`b:${words[i]} ${i + 1 < words.length ? words[i + 1] : '</s>'}`);
  for (const word of words) for (const feature of wordFeatures(word)) visit(feature);
}

/** A word's own features, kept once per word: training reads each common word thousands of times. */
const wordFeatureCache = new Map<string, readonly string[]>();
const MAX_CACHED_WORDS = 50_000;
const MAX_CACHED_LENGTH = 40;

function wordFeatures(word: string): readonly string[] {
  const cached = wordFeatureCache.get(word);
  if (cached) return cached;
  const list: string[] = [];
  if (!FILLER.has(word)) list.push(`w:${word}`);
  if (!MARKERS.has(word) && word.length >= 5) {
    const bounded = `<${word}>`;
    for (let i = 0; i + 3 <= bounded.length; i++) list.push(`c:${bounded.slice(i, i + 3)}`);
  }
  if (word.length > MAX_CACHED_LENGTH) return list;
  if (wordFeatureCache.size >= MAX_CACHED_WORDS) wordFeatureCache.clear();
  wordFeatureCache.set(word, list);
  return list;
}
