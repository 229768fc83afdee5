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
 * and character 3- and 4-grams of longer words, so unseen spellings and typos still share features.
 */
export function featuresOf(shape: string): string[] {
  const words = shape.split(' ').filter(Boolean).slice(0, 40).map(stem);
  const features = new Set<string>();
  if (words.length === 0) features.add('empty');
  features.add(`len:${Math.min(words.length, 8)}`);
  features.add(domainFeature(shape));
  if (words[0]) features.add(`first:${words[0]}`);
  const padded = ['<s>', ...words, '</s>'];
  for (let i = 0; i < padded.length - 1; i++) features.add(`b:${padded[i]} ${padded[i + 1]}`);
  for (const word of words) {
    if (!FILLER.has(word)) features.add(`w:${word}`);
    if (MARKERS.has(word) || word.length < 5) continue;
    const bounded = `<${word}>`;
    for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= bounded.length; i++) features.add(`c:${bounded.slice(i, i + n)}`);
  }
  return [...features];
}
