/**
 * The everyday words of this domain that admins mistype on phones and in a hurry ("donwload", "suport", "verison"),
 * set right before the handlers read the question, so their topic words match. The classifier reads the words as
 * typed (it learnt from them so). Names of distributions, features and hosts have their own fuzzy matching.
 */
const WORDS = [
  'available',
  'backup',
  'backups',
  'check',
  'checkpoint',
  'cluster',
  'compatible',
  'configure',
  'disable',
  'disabled',
  'download',
  'downloads',
  'driver',
  'drivers',
  'dynamic',
  'enable',
  'enabled',
  'failover',
  'generation',
  'install',
  'installed',
  'installer',
  'integration',
  'kernel',
  'latest',
  'memory',
  'migration',
  'network',
  'newest',
  'package',
  'packages',
  'problem',
  'recommended',
  'release',
  'released',
  'replica',
  'resize',
  'secure',
  'server',
  'service',
  'services',
  'settings',
  'snapshot',
  'support',
  'supported',
  'supports',
  'update',
  'updated',
  'upgrade',
  'upgraded',
  'version',
  'versions',
  'virtual',
  'windows',
] as const;

/**
 * One slip from each word: a letter left out, two letters swapped, or a letter typed twice. The last letter is never
 * dropped ("window", "driver" and "update" are words of their own), and a slip that spells another listed word is
 * no slip.
 */
function slipsOf(word: string): string[] {
  const slips: string[] = [];
  for (let i = 0; i < word.length - 1; i++) slips.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i < word.length - 1; i++) slips.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) slips.push(word.slice(0, i + 1) + word[i] + word.slice(i + 1));
  return slips;
}

const CORRECTION: ReadonlyMap<string, string> = (() => {
  const listed = new Set<string>(WORDS);
  const found = new Map<string, string | null>();
  for (const word of WORDS) {
    for (const slip of slipsOf(word)) {
      if (slip === word || listed.has(slip)) continue;
      // A slip two listed words could both have made is left alone.
      found.set(slip, found.has(slip) && found.get(slip) !== word ? null : word);
    }
  }
  // Slips of more than one letter that are common enough to list as they are.
  found.set('lastest', 'latest');
  return new Map([...found].filter((entry): entry is [string, string] => entry[1] !== null));
})();

const WORD = /\b[A-Za-z]{4,}\b/g;

/** The text with the listed words' slips set right, keeping a capital first letter. */
export function withCommonTyposFixed(text: string): string {
  return text.replace(WORD, (typed) => {
    const right = CORRECTION.get(typed.toLowerCase());
    if (!right) return typed;
    return typed[0] === typed[0]!.toUpperCase() && typed[0] !== typed[0].toLowerCase() ? right[0]!.toUpperCase() + right.slice(1) : right;
  });
}
