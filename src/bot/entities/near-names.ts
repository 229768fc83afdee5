import { allowedTypos, editDistance } from '../../knowledge/edit-distance.ts';

export interface NearName<T> {
  readonly item: T;
  /** The typos per character: 0 is the name itself. */
  readonly score: number;
}

/** In a name this short a replaced letter is no typo: "rehl" is rhel and "trimm" is trim, but "come" is not core. */
const SHORT_NAME = 4;
/** A name is read through at most two typos, and each changes its length by at most one. */
const LENGTH_REACH = 2;

/**
 * Typo-tolerant lookup of KB names: the name fewest typos away from the typed words, by optimal string alignment
 * distance, so a swapped pair is one typo ("rehl" is rhel, "ubunut" is ubuntu); a name of three letters or fewer
 * must be exact, and in one of four no letter may be replaced ("help" is never rhel). Names are bucketed by length, so a lookup compares a few dozen names with a
 * distance that stops as soon as the typo budget is spent. (fuse.js did this before: its bitap search cost up to
 * a millisecond a lookup over the same names, and missed swaps in short ones.)
 */
export class NearNames<T extends { readonly phrase: string }> {
  private readonly byLength = new Map<number, ReadonlyArray<{ readonly item: T; readonly words: readonly string[] }>>();

  constructor(names: readonly T[]) {
    for (const item of names) {
      const length = item.phrase.length;
      const entry = { item, words: item.phrase.split(' ') };
      for (let near = length - LENGTH_REACH; near <= length + LENGTH_REACH; near++) {
        if (near > 0) this.byLength.set(near, [...(this.byLength.get(near) ?? []), entry]);
      }
    }
  }

  find(typed: string): NearName<T> | undefined {
    const typedWords = typed.split(' ');
    let best: { item: T; distance: number } | undefined;
    for (const { item, words } of this.byLength.get(typed.length) ?? []) {
      const distance = typosBetween(typedWords, words);
      if (distance === undefined) continue;
      const better =
        !best ||
        distance < best.distance ||
        (distance === best.distance && sameStart(typed, item.phrase) && !sameStart(typed, best.item.phrase));
      if (better) best = { item, distance };
    }
    return best && { item: best.item, score: best.distance / best.item.phrase.length };
  }
}

/** The typos between a typed word and a name's word, or undefined when there are too many for the name's length. */
function wordTypos(typed: string, word: string): number | undefined {
  if (typed === word) return 0;
  const budget = allowedTypos(word.length);
  if (budget === 0 || Math.abs(word.length - typed.length) > budget) return undefined;
  const distance = editDistance(typed, word, budget);
  if (distance > budget || (word.length <= SHORT_NAME && substituted(typed, word)) || !sameFirstLetter(typed, word)) return undefined;
  return distance;
}

/**
 * A typo seldom hits the first letter, while another word often differs from a name only there ("local" is not
 * focal, "tiny" is not tidy): the first letter stays, or swaps with the second ("hrel" is rhel).
 */
function sameFirstLetter(typed: string, word: string): boolean {
  return typed[0] === word[0] || (typed[0] === word[1] && typed[1] === word[0]);
}

/** Word by word, so every word of a phrase is within reach of its own ("slow disk" is not "grow disk"). */
function typosBetween(typed: readonly string[], words: readonly string[]): number | undefined {
  if (typed.length !== words.length) return undefined;
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    const typos = wordTypos(typed[i]!, words[i]!);
    if (typos === undefined) return undefined;
    total += typos;
  }
  return total;
}

/** The same length, not the same word, and not the same letters: a letter was replaced rather than swapped. */
function substituted(a: string, b: string): boolean {
  return a.length === b.length && a !== b && [...a].sort().join('') !== [...b].sort().join('');
}

function sameStart(a: string, b: string): boolean {
  return a[0] === b[0];
}
