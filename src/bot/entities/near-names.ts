import { allowedTypos, editDistance } from '../../knowledge/edit-distance.ts';

export interface NearName<T> {
  readonly item: T;
  /** The typos per character: 0 is the name itself. */
  readonly score: number;
}

/** A name is read through at most two typos, and each changes its length by at most one. */
const LENGTH_REACH = 2;

/**
 * Typo-tolerant lookup of KB names: the name fewest typos away from the typed words, by optimal string alignment
 * distance, so a swapped pair is one typo ("rehl" is rhel, "ubunut" is ubuntu) and a short word needs an exact
 * match ("help" is never rhel). Names are bucketed by length, so a lookup compares a few dozen names with a
 * distance that stops as soon as the typo budget is spent. (fuse.js did this before: its bitap search cost up to
 * a millisecond a lookup over the same names, and missed swaps in short ones.)
 */
export class NearNames<T extends { readonly phrase: string }> {
  private readonly byLength = new Map<number, readonly T[]>();

  constructor(names: readonly T[]) {
    for (const name of names) {
      const length = name.phrase.length;
      for (let near = length - LENGTH_REACH; near <= length + LENGTH_REACH; near++) {
        if (near > 0) this.byLength.set(near, [...(this.byLength.get(near) ?? []), name]);
      }
    }
  }

  find(typed: string): NearName<T> | undefined {
    let best: { item: T; distance: number; score: number } | undefined;
    for (const item of this.byLength.get(typed.length) ?? []) {
      const budget = allowedTypos(item.phrase.length);
      if (budget === 0 || Math.abs(item.phrase.length - typed.length) > budget) continue;
      const distance = editDistance(typed, item.phrase, budget);
      if (distance > budget) continue;
      const score = distance / item.phrase.length;
      const better =
        !best || distance < best.distance || (distance === best.distance && sameStart(typed, item.phrase) && !sameStart(typed, best.item.phrase));
      if (better) best = { item, distance, score };
    }
    return best && { item: best.item, score: best.score };
  }
}

function sameStart(a: string, b: string): boolean {
  return a[0] === b[0];
}
