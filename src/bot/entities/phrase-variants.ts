/**
 * The other ways admins write a KB feature name: the verb in another tense ("live migrating", "grew the disk") and a
 * word swapped for its usual stand-in ("resize vhdx" for "resize disk", "hyper-v-specific storage" for "synthetic
 * storage"). Only these words vary, so the variants stay few and never reach a distro or host name.
 */
const VERB_FORMS: Readonly<Record<string, readonly string[]>> = {
  grow: ['grew', 'grown', 'growing', 'grows'],
  expand: ['expanded', 'expanding', 'expands'],
  extend: ['extended', 'extending', 'extends'],
  shrink: ['shrank', 'shrunk', 'shrinking'],
  resize: ['resized', 'resizing', 'resizes'],
  migrate: ['migrated', 'migrating', 'migrates'],
  inject: ['injected', 'injecting', 'injects'],
  copy: ['copied', 'copying', 'copies'],
  reclaim: ['reclaimed', 'reclaiming'],
  add: ['added', 'adding', 'adds'],
  change: ['changed', 'changing', 'changes'],
  offload: ['offloaded', 'offloading', 'offloads'],
};

const STAND_INS: Readonly<Record<string, readonly string[]>> = {
  disk: ['vhdx', 'vhd', 'virtual disk', 'virtual hard disk'],
  vhdx: ['disk', 'vhd', 'virtual disk'],
  resize: ['expansion', 'grow', 'expand', 'extend'],
  grow: ['enlarge', 'increase'],
  add: ['plug'],
  hotadd: ['hotplug'],
  gen: ['generation'],
  synthetic: ['hyper v specific'],
  adapter: ['device'],
  memory: ['ram', 'mem'],
  ram: ['memory', 'mem'],
  mem: ['memory', 'ram'],
  injection: ['inject'],
  vm: ['guest', 'virtual machine'],
  file: ['files'],
  ip: ['ip address'],
  vcpus: ['virtual processors', 'virtual cpus', 'cpus'],
};

const ALTERNATIVES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  [...new Set([...Object.keys(VERB_FORMS), ...Object.keys(STAND_INS)])].map((word) => [
    word,
    [...(VERB_FORMS[word] ?? []), ...(STAND_INS[word] ?? [])],
  ]),
);

/** Every variant of a phrase key (words joined by single spaces), the phrase itself excluded. */
export function phraseVariants(phrase: string): string[] {
  let forms = [''];
  for (const word of phrase.split(' ')) {
    const choices = [word, ...(ALTERNATIVES[word] ?? [])];
    forms = forms.flatMap((start) => choices.map((choice) => (start ? `${start} ${choice}` : choice)));
  }
  return forms.filter((form) => form !== phrase);
}

/** Words a user puts between a verb and its object ("grow the vhdx") that no name needs. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'my', 'our', 'this', 'that', 'its', 'their', 'your']);
