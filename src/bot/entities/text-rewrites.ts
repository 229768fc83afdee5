// What the question's text is rewritten to before names are read: words that would be misread go, and releases,
// counts and numbers written the way admins write them are spelt the way the vocabulary reads them.
import type { Vocabulary } from './vocabulary.ts';
import { withSpelledNumbersAsDigits } from './spelled-numbers.ts';

/** "cat /etc/redhat-release" names a file every RHEL rebuild has; the line it prints names the distro. */
const RELEASE_FILE = /\/etc\/[\w.-]*(?:release|version)\b/g;
/** /etc/debian_version holds only the number: the Debian point release ("cat /etc/debian_version → 10.3"). */
const DEBIAN_VERSION_FILE = /\/etc\/debian_version\b[^\d]{0,12}(\d{1,2}(?:\.\d{1,2})?)(?![\d.])/g;
/** "CentOS Linux release 7.9.2009 (Core)", "CentOS Linux 7 (Core)": the edition of the release, not the Core feature. */
const CORE_EDITION = /(\d[\d.]*)\s*\(core\)/g;
/** A family named outright, by a name, shorthand or Ubuntu codename: what the readings below leave alone. */
const NAMES_A_FAMILY =
  /\b(?:rhel|red ?hat|centos|cent os|oracle|oel|ol ?\d|el\d|sles|suse|debian|freebsd|bsd|ubu\w*|kubu\w*|xubu\w*|trusty|xenial|bionic|focal|jammy|noble|precise)\b/;
/**
 * A release named the way only one family names it: "11.0-RELEASE" is FreeBSD, "14.04 LTS" Ubuntu. The family is
 * written out unless the question names it (or a close spelling) already.
 */
const FAMILY_BY_RELEASE_FORM: ReadonlyArray<readonly [form: RegExp, family: string, named: RegExp]> = [
  // Only FreeBSD writes "-RELEASE": named there even when the question names FreeBSD further off ("uname -r says …").
  [/\b(\d{1,2}\.\d)-(?:release|stable|current)\b/g, 'freebsd', /(?!)/],
  [/(?<![\d.])(\d{2}\.04)(?:\.\d)?\s*lts\b/g, 'ubuntu', /ubu|kubu|xubu/],
  // Only Ubuntu numbers its releases YY.04, and YY.10 past Debian's 12.x: "14.04 hot add w/ 2008 R2 hosts", "does 18.10 …".
  [/(?<![\w.-])((?:1[0-9]|2[0-4])\.04|(?:1[4-9]|2[0-4])\.10)(?![\d.])/g, 'ubuntu', NAMES_A_FAMILY],
];
/**
 * A Red Hat-family kernel release ("3.10.0-1160.el7.x86_64", "4.18.0-513.5.1.el8_9", "4.14.35-1902.el7uek"): its
 * el tag names the release when nothing else in the question names a family; its upstream number is then no version.
 */
const EL_KERNEL = /\b\d+\.\d+\.\d+-[\d.]+\.el(\d{1,2})(?:_(\d{1,2}))?(uek)?(?:\.(?:x86_64|i[3-6]86|aarch64|noarch))?\b/g;

function withElKernelsRead(text: string): string {
  if (!text.includes('.el') || NAMES_A_FAMILY.test(text.replace(EL_KERNEL, ' '))) return text;
  return text.replace(
    EL_KERNEL,
    (_kernel, major: string, minor: string | undefined, uek: string | undefined) =>
      ` ${uek ? 'ol' : 'el'}${major}${minor ? `.${minor}` : ''}${uek ? ' uek' : ''} `,
  );
}

/** "el8_6", "rhel8_6": Red Hat's kernel tag for a point release, typed as a name. */
const UNDERSCORE_RELEASE = /(?<![\w.-])(el|rhel|centos|ol|oel)(\d{1,2})_(\d{1,2})\b/g;

/**
 * "core" as admins also use it: a CPU core or a licence counted per core, the Server Core installation, a core dump, or
 * part of another name ("ansible-core"). None of them is the Core integration services row, which is asked about as
 * "core support", "core integration" or "the core row".
 */
const CORE_AS_A_LABEL = String.raw`(?!\s+(?:integration|support\w*|drivers?|services?|features?|row|table|list|hyper-?v\s+(?:drivers?|integration|services?|features?)))`;
const OTHER_CORES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    new RegExp(String.raw`(?<![\w.])(per|physical|one|that|this|each|single|cpu|host|\d{1,3})[\s-]+core\b${CORE_AS_A_LABEL}`, 'g'),
    '$1 cpu',
  ],
  [/\bcore\s+(licen[cs]\w*|count|scheduler)\b/g, 'cpu $1'],
  [
    new RegExp(
      String.raw`\b(server|datacenter|standard|20(?:08|12|16|19|22|25)(?:\s*r2)?|(?:ws|w|win)?2k\d{1,2}(?:\s*r2)?|ws\d{2,4}(?:r2)?)\s+core\b${CORE_AS_A_LABEL}`,
      'g',
    ),
    '$1 servercore',
  ],
  [/\bcore\s+(edition|install\w*|server)\b/g, 'servercore $1'],
  [/\bcore\s+(files?|dumps?|dumped)\b/g, 'coredump'],
  [/\b([a-z]+)-core\b/g, '$1core'],
];

/** /etc/SuSE-release's "VERSION = 11 PATCHLEVEL = 4" after the release line: the service pack of the release it names. */
const SUSE_PATCHLEVEL = /\bversion\s*=\s*(1[0-5])\s*,?\s*patchlevel\s*=\s*([1-9])\b/g;

/** A pass-through disk is storage handed to a VM whole, not PCI passthrough (DDA). */
const PASS_THROUGH_DISK = /\bpass[- ]?through (?:physical |scsi |sata )?(disks?|drives?|luns?)\b/g;
/** The secondary GPT header or table at the end of a disk is no backup: "fix the backup gpt header after growing the vhdx". */
const BACKUP_GPT = /\bbackup (gpt|partition table|header)/g;
/**
 * "can I give it 300 vCPUs?", "300 virtual cores", "Set-VMProcessor -Count 288": a count past 256 names the >256 vCPU
 * row.
 */
const OVER_256_VCPUS =
  /\b(?:2[6-9]\d|[3-9]\d\d|\d{4})\+?\s*(?:v ?cpus?|vcores?|virtual (?:cpus?|processors?|cores?)|logical processors?)\b|\bset-vmprocessor\b[^\n]*?-count\s+(?:2[6-9]\d|[3-9]\d\d|\d{4})\b/g;

/** Names as speech-to-text writes them: "deb ian", "hyper vee", "sentos", "sent oh ess", "you bun two". */
const DICTATED_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:deb ian|debb(?:y|ie) an)\b/g, 'debian'],
  [/\bhyper[ -]?vee\b/g, 'hyper-v'],
  [/\bs[ea]nt (?:oh|o) (?:ess|s)\b|\bs[ea]nt ?os\b/g, 'centos'],
  [/\bfree (?:bee|b) (?:ess|s) (?:dee|d)\b/g, 'freebsd'],
  [/\b(?:you|oo) ?bunt?(?: |-)?(?:two|too|to|2)\b/g, 'ubuntu'],
  [/\boracle lynx\b/g, 'oracle linux'],
  [/\bsues\b/g, 'suse'],
  [/\bv c p u ?s\b/g, 'vcpus'],
];
const MAY_BE_DICTATED = /deb|vee|s[ea]nt|free b|bun|lynx|sues|v c p/;
/**
 * Letters spelt one by one ("v r s s", "r h e l", "s r i o v"), as dictation writes an abbreviation: joined into
 * the word. "i" and "a" alone are words, so a run of only those stays.
 */
const SPELT_LETTERS = /\b[a-z](?: [a-z]\b)+/g;

export function withSpeltLettersJoined(text: string): string {
  return text.replace(SPELT_LETTERS, (run) => (/^[ai](?: [ai])*$/.test(run) ? run : run.replace(/ /g, '')));
}

/** "can I DM you?", "dm me the output": a direct message, not Dynamic Memory. */
const DIRECT_MESSAGE = /\bdms?\b(?=\s+(?:you|me|him|her|them|us|the bot|lisbot)\b)|\b(?:a|in|by|via|per|over|send|sent)\s+dms?\b/g;

/**
 * "upgraded from rhel 8.4 to 8.5, now …", "went 7.4 -> 7.5": a guest already moved to a later release is asked about
 * at the release it is on now. While the move is only planned or under way ("leapp from 7.9 to 8.8 stops …"), the
 * release it runs is still the first; and "from 6.4 to 6.8" alone is a range of releases.
 */
const RELEASE_MOVE =
  /\b((?:[a-z][\w-]*\s+){0,3}?)(\d{1,2}(?:\.\d{1,2})?)\s*(->|→|=>|-->|\bto\b)\s*(\d{1,2}(?:\.\d{1,2})?)(?![\d.]*\d)(?!\s*(?:gb|mb|tb|vcpus?|cpus?|cores?|nics?|disks?|vms?|hosts?|nodes?|minutes?|hours?|days?|weeks?|months?|years?|%))/g;
const TELLS_OF_A_DONE_MOVE =
  /\b(?:upgraded|updated|went|moved|migrated|bumped|jumped|rebased)\b|\bafter (?:the |an |our )?(?:upgrade|update|move|migration)\b/;

function withReleaseMovesRead(text: string): string {
  if (!TELLS_OF_A_DONE_MOVE.test(text)) return text;
  return text.replace(RELEASE_MOVE, (move: string, words: string, from: string, arrow: string, to: string) => {
    if (arrow === 'to' && !/\bfrom\s+(?:[a-z][\w-]*\s+){0,2}$/.test(words)) return move;
    const gain = Number.parseFloat(to) - Number.parseFloat(from);
    return gain > 0 && gain <= 3 ? `${words.replace(/\bfrom\s+/, '')}${to}` : move;
  });
}

/**
 * "change the ram while it runs, with dynamic memory off": memory set by hand on a VM without Dynamic Memory, which is
 * runtime memory resize, not Dynamic Memory.
 */
const DYNAMIC_MEMORY_OFF =
  /\b(?:without|with no|no|not|not using|disabled?|turned off|switched off|turn off|switch off)\s+(?:(?:turning|switching|turn|switch) on\s+|enabling\s+|using\s+|having\s+)?(?:the\s+)?(?:dynamic memory|dm)\b|\b(?:dynamic memory|dm)\s+(?:off|disabled|turned off|switched off|not enabled|isn'?t enabled|is off|is disabled|unticked|not ticked)\b/g;

/**
 * "after the migration", "for the migration runbook", "zypper migration": a move onto new hosts or a new release, not
 * the live migration that a 2016 table titled "Migration". A bare "migration" ("rhel 7.5 migration on 2016?") is still
 * that row.
 */
const MIGRATION_AS_A_MOVE =
  /\b(the|our|a|an|this|that|after|before|during|until|since|its|their|my|next|p2v|v2v|zypper|pack|cloud|data)\s+migration\b(?!\s+(?:row|column))|\bmigration(?=\s+(?:waves?|plans?|runbooks?|windows?|projects?|hub|tracker|candidates?|team|paths?|lists?)\b)/g;

/** "Oracle Database", "Oracle RAC": Oracle's other products, which name no Oracle Linux guest. */
const ORACLE_PRODUCT = /\boracle(?=\s+(?:database|db|rac|weblogic|cloud|oci|vm server|virtualbox|java|e-business)\b)/g;
/**
 * The question lowercased, without what would be misread: a feature whose name holds a host ("windows server 2016
 * accurate time") is read before hosts, so it never names the host; release files and "(Core)" editions name no entity.
 */
export function withoutNoise(vocabulary: Vocabulary, question: string): string {
  let lowered = question.toLowerCase();
  // Names first: "r h e l ten" takes its version once "rhel" is a word.
  if (MAY_BE_DICTATED.test(lowered)) for (const [said, name] of DICTATED_NAMES) lowered = lowered.replace(said, name);
  if (/\b[a-z] [a-z]\b/.test(lowered)) lowered = withSpeltLettersJoined(lowered);
  lowered = withSpelledNumbersAsDigits(lowered);
  // Every such feature name holds a year, and every release form below a dotted number.
  if (/20\d\d/.test(lowered))
    for (const [pattern, replacement] of vocabulary.hostLikeFeatures) lowered = lowered.replace(pattern, replacement);
  // Each rewrite only where its word is: most questions need none of them.
  if (lowered.includes('patchlevel')) lowered = lowered.replace(SUSE_PATCHLEVEL, ' sp$2 ');
  if (lowered.includes('/etc/')) lowered = lowered.replace(DEBIAN_VERSION_FILE, ' debian $1 ').replace(RELEASE_FILE, ' ');
  if (lowered.includes('(core)')) lowered = lowered.replace(CORE_EDITION, '$1');
  if (lowered.includes('oracle')) lowered = lowered.replace(ORACLE_PRODUCT, ' ');
  if (lowered.includes('migration'))
    lowered = lowered.replace(MIGRATION_AS_A_MOVE, (_, before?: string) => (before ? `${before} move` : 'move'));
  if (lowered.includes('dm')) lowered = lowered.replace(DIRECT_MESSAGE, ' message ');
  if (lowered.includes('dynamic memory') || lowered.includes('dm')) lowered = lowered.replace(DYNAMIC_MEMORY_OFF, ' static memory ');
  if (lowered.includes('pass')) lowered = lowered.replace(PASS_THROUGH_DISK, 'raw $1');
  if (lowered.includes('backup')) lowered = lowered.replace(BACKUP_GPT, 'secondary $1');
  if (/cpu|core|processor/.test(lowered)) lowered = lowered.replace(OVER_256_VCPUS, 'more than 256 vcpus');
  if (lowered.includes('core')) for (const [other, meant] of OTHER_CORES) lowered = lowered.replace(other, meant);
  if (lowered.includes('_')) lowered = lowered.replace(UNDERSCORE_RELEASE, '$1$2.$3');
  if (/\d\s*(?:->|→|=>|to\b)/.test(lowered)) lowered = withReleaseMovesRead(lowered);
  lowered = withElKernelsRead(lowered);
  if (/\d\.\d/.test(lowered))
    for (const [form, family, named] of FAMILY_BY_RELEASE_FORM)
      if (!named.test(lowered)) lowered = lowered.replace(form, (release: string) => `${family} ${release}`);
  return lowered;
}
