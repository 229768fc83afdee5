/** What a question looks like with its entities read: its shape for the intent classifier, and its words for search. */

export const PLACEHOLDERS = {
  distro: 'xdistro',
  version: 'xversion',
  feature: 'xfeature',
  host: 'xhost',
  lis: 'xlis',
  kernel: 'xkernel',
  number: 'xnum',
} as const;
/** What a word was read as. */
export type EntityKind = keyof typeof PLACEHOLDERS;

/** Each run of one entity becomes one placeholder; other numbers become one number word. */
export function shapeOf(tokens: readonly string[], kinds: ReadonlyArray<EntityKind | undefined>, looseVersion: string | undefined): string {
  const words: string[] = [];
  tokens.forEach((token, i) => {
    const kind = kinds[i] ?? (token === looseVersion ? 'version' : /^\d/.test(token) ? 'number' : undefined);
    if (!kind) words.push(token);
    else if (kinds[i - 1] !== kind || kinds[i] === undefined) words.push(PLACEHOLDERS[kind]);
  });
  return words.join(' ');
}

/** The words a symptom search ranks by: all but the distro, version and host names; an LIS mention is the word "lis". */
export function searchTextOf(tokens: readonly string[], kinds: ReadonlyArray<EntityKind | undefined>): string {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = kinds[i];
    const searched = kind === 'lis' ? 'lis' : kind === undefined || kind === 'feature' || kind === 'kernel' ? tokens[i]! : '';
    if (searched) words.push(searched);
  }
  return words.join(' ');
}

/** The words as typed, without the host and LIS placeholders that stand in for names read earlier. */
export function wordTokensOf(tokens: readonly string[], kinds: ReadonlyArray<EntityKind | undefined>): string[] {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = kinds[i];
    if (kind !== 'host' && kind !== 'lis') words.push(tokens[i]!);
  }
  return words;
}
