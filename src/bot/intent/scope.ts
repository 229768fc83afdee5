import { INPUT_DIAGNOSTIC_RULES, RULE_CATALOGUE } from '../../check/rules/catalogue.ts';
import { allowedTypos, editDistance, withinOneEdit } from '../../knowledge/edit-distance.ts';
import { PLACEHOLDERS, type Extraction } from '../entities/extract.ts';
import { phraseKey } from '../entities/tokens.ts';
import { scopeTerms } from './scope-terms.ts';

export type ScopeReason = 'entity' | 'domain-term' | 'log-line' | 'symptom' | 'foreign' | 'windows-itself' | 'no-domain-term';

export interface ScopeDecision {
  readonly inScope: boolean;
  readonly reason: ScopeReason;
  readonly evidence?: string;
  /** Other platforms the question names only to compare with or as where the guests or the admin come from. */
  readonly context?: readonly string[];
}

export interface ScopeInput {
  readonly question: string;
  readonly extraction: Extraction;
  /** The question is a Hyper-V driver's log line. */
  readonly logLine: boolean;
  /** A known issue or tip matches the question's words strongly; asked only when nothing else decides. */
  readonly symptomMatch: () => boolean;
}

/** The guest check's finding ids ("INPUT_TRUNCATED") belong to the domain too. */
const FINDING_IDS: ReadonlySet<string> = new Set([...INPUT_DIAGNOSTIC_RULES, ...RULE_CATALOGUE].map((rule) => rule.id));

function namesFinding(question: string): boolean {
  return question.split(/[^A-Za-z0-9_]+/).some((word) => word.includes('_') && FINDING_IDS.has(word));
}

/**
 * A text as terms are matched in it: its phrase key with a space either side. Dots between words go too, so
 * "lischeck.sh" names the collector; version numbers keep theirs.
 */
export function paddedKey(text: string): string {
  return ` ${phraseKey(text).replace(/\.(?!\d)|(?<!\d)\./g, ' ')} `;
}

/** The first domain term in a text in the form paddedKey gives. */
export function domainTermIn(padded: string): string | undefined {
  return termsIn(scopeTerms().domain, padded)[0]?.trim();
}

const termIndexes = new WeakMap<readonly string[], Map<string, number[]>>();

/** The positions in a list of padded terms, by each term's first word. */
function termIndex(list: readonly string[]): Map<string, number[]> {
  const cached = termIndexes.get(list);
  if (cached) return cached;
  const index = new Map<string, number[]>();
  list.forEach((term, i) => {
    const first = term.slice(1, term.indexOf(' ', 1));
    index.set(first, [...(index.get(first) ?? []), i]);
  });
  termIndexes.set(list, index);
  return index;
}

/**
 * The terms of a list found in a padded text, in the list's order. Every term starts at a space of the text, so only
 * the terms whose first word is the word after each space are compared: the classifier reads this for every example.
 */
function termsIn(list: readonly string[], padded: string): string[] {
  const index = termIndex(list);
  const found: number[] = [];
  for (let at = padded.indexOf(' '); at >= 0 && at < padded.length - 1;) {
    const next = padded.indexOf(' ', at + 1);
    if (next < 0) break;
    for (const i of index.get(padded.slice(at + 1, next)) ?? []) if (padded.startsWith(list[i]!, at)) found.push(i);
    at = next;
  }
  return [...new Set(found)].sort((a, b) => a - b).map((i) => list[i]!);
}

/** One typo, or two in a long name; the cheap length and one-edit tests run first. */
function nearWord(token: string, word: string): boolean {
  if (Math.abs(token.length - word.length) > 2) return false;
  if (withinOneEdit(token, word)) return true;
  return allowedTypos(word.length) >= 2 && editDistance(token, word, 2) <= 2;
}

const WINDOWS_GUEST = new RegExp(
  `\\b(${PLACEHOLDERS.host}|windows|win)( (?!(?:host|hosts|cluster|node|nodes)\\b)\\S+){0,3} (guest|guests|vm|vms|virtual machines?)\\b`,
);
/** "hyper-v 2016 guests": the guests of a Hyper-V host, not Windows guests. */
const HYPER_V_HOSTS_GUESTS = / (?:hyper v|hyperv)(?: server)? (?:2008|2012|2016|2019|2022|2025)(?: r2)? (?:guest|guests|vm|vms) /;

/**
 * A Windows guest, or Windows itself: a host version next to guest words ("2019 vms", not "the 2022 host the guest"),
 * with no Linux or FreeBSD named.
 */
function aboutWindowsGuest(shape: string, padded: string): boolean {
  return WINDOWS_GUEST.test(shape) && !HYPER_V_HOSTS_GUESTS.test(padded);
}

const VIRTUAL_WORDS = / (vm|vms|guest|guests|virtual machines?|hyper v|hyperv|virtuali[sz]\w*|p2v) /;
const PHYSICAL_MACHINE =
  / (physical|bare metal|bare-metal)( \S+){0,3} (server|servers|box|boxes|machine|machines|hardware|laptop|desktop) /;

/** What the question says of a Linux or FreeBSD guest: it decides which foreign terms are only context. */
interface GuestContext {
  readonly linuxNamed: boolean;
  /** A Linux or FreeBSD guest, a guest feature, or the LIS package. */
  readonly guestNamed: boolean;
  /**
   * "moving our debian vms off vmware onto hyper-v", "freebsd 13.5 on server 2022 after moving off kvm": the other
   * product is where the guests come from.
   */
  readonly movingToHyperV: boolean;
}

/** The Microsoft package by its own name: "is the LIS code GPL?", "what does linux integration services cost?". */
const LIS_BY_NAME = / (linux integration services|lis (?:code|source|open source|drivers?|download|package|rpms?|licen[cs]e)|lis next) /;

/** "linux vms", "the freebsd guest": Linux named as a guest, not as a word ("a linux repository"). */
const LINUX_GUEST = / (linux|freebsd)( \S+){0,2} (vm|vms|guest|guests|virtual machines?|box|boxes) /;

function guestContextOf(extraction: Extraction, padded: string): GuestContext {
  const linuxNamed = extraction.distros.length > 0 || / (linux|freebsd) /.test(padded);
  return {
    linuxNamed,
    guestNamed:
      extraction.distros.length > 0 ||
      extraction.features.length > 0 ||
      extraction.lisReleases.length > 0 ||
      LINUX_GUEST.test(padded) ||
      LIS_BY_NAME.test(padded),
    movingToHyperV:
      extraction.distros.length > 0 &&
      MOVE_WORDS.test(padded) &&
      (HYPER_V.test(padded) || (extraction.hosts.length > 0 && MOVING.test(padded))),
  };
}

/** A Hyper-V driver, daemon or device named in a log line. */
const HYPER_V_LOG =
  /\b(?:hv_\w+|hv\w*vss\w*|hv\w*kvp\w*|storvsc|netvsc|vmbus\w*|hyperv\w*|hyper-v|hid_hyperv|hn\d|hvkvp\d|hvheartbeat\d)\b/i;

const MOVE_WORDS = / (off|from|onto|migrat\w*|moving|move|moved) /;
const HYPER_V = / (hyper v|hyperv) /;
/** A move told as one: beside a Windows Server host (not the words Hyper-V), "off" alone may be "shut off". */
const MOVING = / (migrat\w*|moving|move|moved) /;

const COMPARISON =
  / (like|similar to|equivalent (?:of|to)|counterpart (?:of|to)|instead of|compared (?:to|with)|compare (?:to|with)|comparing (?:to|with)|versus|vs|than)(?: (?:on|in|under|with))? (?:the |a |an |our )?$/;

/** "do I need anything like vmware tools?": another product named to compare a guest's Hyper-V side with. */
function comparedWith(padded: string, term: string): boolean {
  return COMPARISON.test(windowBefore(padded, term));
}

/** The 40 characters before a padded term, up to its leading space. */
function windowBefore(padded: string, term: string): string {
  const at = padded.indexOf(term);
  return padded.slice(Math.max(0, at - 40), at + 1);
}

const RULED_OUT = / (?:not|no|non|isnt|arent|without|never|nothing to do with)(?: a| an| the| on| in| using)? $/;

/** "not WSL — a real hyper-v vm", "no vmware involved": another product named only to rule it out. */
function ruledOut(padded: string, term: string): boolean {
  return RULED_OUT.test(windowBefore(padded, term));
}

const MOVED_ONTO = / (?:onto|to|into)(?: the| our| a| an| new)*(?: \S+)? $/;

/** "coming from esxi", "we're leaving citrix xen", "gave up on virtualbox", "ex-vmware": the platform the guests come from. */
const PLATFORM_LEFT =
  / (?:(?:coming|came|come|moved|moving|migrated|migrating|converted|converting|switched|switching)(?: over)? (?:from|off)|leaving|quit|quitting|ditching|dropping|gave up on|giving up on|ex|former|formerly)(?: the| our| a| an)?(?: \S+)? $/;
/** "it was a pain on kvm", "what we used on vmware": what the admin did on the other platform before. */
const PLATFORM_BEFORE = / (?:was|were|had|used|did|worked|ran)(?: \S+){0,3} (?:on|in|with)(?: the| our| a)? $/;
/** "proxmox refugee", "the vmware exit", "a proxmox-exported guest", "on kvm we used …": where the guest or admin comes from. */
const PLATFORM_BACKGROUND_AFTER =
  /^ (?:refugees?|exit|side|background|days|world|habits?|lab|exported|export|exports|converted|migrated|imported|conversion|migration) /;
const PLATFORM_THEN = / on(?: the| our)? $/;
const WE_DID_THEN = /^ (?:we|our \S+|it|they) (?:had|used|did|was|were|never|always|worked|ran) /;

/**
 * "dynamic memory for freebsd 12.4 on our 2019 hosts? coming from esxi": another platform named as where the guests
 * or the admin come from, or as what they did there, while the question is about the Hyper-V side. (A comparison,
 * "like vmware tools", is context too: comparedWith.)
 */
function asBackground(padded: string, term: string): boolean {
  const before = windowBefore(padded, term);
  const at = padded.indexOf(term);
  const after = padded.slice(at + term.length - 1, at + term.length + 24);
  return (
    PLATFORM_LEFT.test(before) ||
    PLATFORM_BEFORE.test(before) ||
    PLATFORM_BACKGROUND_AFTER.test(after) ||
    (PLATFORM_THEN.test(before) && WE_DID_THEN.test(after))
  );
}

/**
 * A host name's last part: a number of two digits or more ("-02"), or letters and a number ("-w1", "-db3"); after two
 * parts, any number ("ldap-replica-1"). "esxi-8" is a product and its version.
 */
const MACHINE_NAME_END = /^(?:\d{2,}|[a-z]+\d+)$/;
const LATER_MACHINE_NAME_END = /^[a-z]*\d+$/;

/**
 * "queue a check for payroll-02", "scan lnx-ldap-01": the words inside a hyphenated machine name, which name the
 * machine, not a product or topic.
 */
function machineNameWords(question: string): ReadonlySet<string> {
  const words = new Set<string>();
  if (!question.includes('-')) return words;
  for (const token of question.toLowerCase().split(/[^a-z0-9-]+/)) {
    const parts = token.split('-');
    const last = parts.at(-1)!;
    if (parts.length >= 2 && (parts.length >= 3 ? LATER_MACHINE_NAME_END : MACHINE_NAME_END).test(last))
      for (const part of parts.slice(0, -1)) words.add(part);
  }
  return words;
}

/** Domain terms any hypervisor's guests share: they do not say which side a question is on. */
const ANY_HYPERVISOR: ReadonlySet<string> = new Set(
  ['guest', 'guests', 'vm', 'vms', 'virtual machine', 'virtual machines'].map((t) => ` ${t} `),
);

/** "legacy or synthetic nic", "the vhdx": a domain term only Hyper-V has. */
function namesHyperVTerm(padded: string): boolean {
  return termsIn(scopeTerms().domain, padded).some((term) => !ANY_HYPERVISOR.has(term));
}

/** Hyper-V by name, a host, a guest feature or LIS: what makes a distribution's end of life context. */
function namesHyperVSide(padded: string, extraction: Extraction): boolean {
  return (
    HYPER_V.test(padded) ||
    extraction.hosts.length > 0 ||
    extraction.features.length > 0 ||
    extraction.lisReleases.length > 0 ||
    LIS_BY_NAME.test(padded) ||
    / (lis|bis|integration services) /.test(padded)
  );
}

/**
 * The first term of another product or topic in the question, unless the guest context makes it context:
 * other products are waived for a move onto Hyper-V, Windows guests beside a Linux guest, management software,
 * business software and money beside any guest or guest feature, an application in the guest beside a guest
 * feature or Hyper-V by name, and a vendor's lifecycle beside the Hyper-V side.
 */
function foreignTermIn(
  question: string,
  padded: string,
  extraction: Extraction,
  guest: GuestContext,
  context: string[],
): string | undefined {
  const { foreign, foreignTopic, guestApplication, vendorLifecycle, windowsGuest, foreignWords } = scopeTerms();
  // The question is about the Hyper-V side when it names Hyper-V, a host, a guest feature or a Hyper-V term beside its guest.
  const hyperVSide =
    guest.guestNamed && (HYPER_V.test(padded) || extraction.hosts.length > 0 || extraction.features.length > 0 || namesHyperVTerm(padded));
  const lists: ReadonlyArray<readonly [terms: readonly string[], waived: (term: string) => boolean]> = [
    // "off hyper-v 2019 onto esxi 8" is a move too, but away from Hyper-V: the platform moved onto stays foreign.
    [foreign, (term) => guest.movingToHyperV && !MOVED_ONTO.test(windowBefore(padded, term))],
    [windowsGuest, () => guest.linuxNamed],
    [foreignTopic, () => guest.guestNamed],
    [guestApplication, () => extraction.features.length > 0 || HYPER_V.test(padded)],
    [vendorLifecycle, () => namesHyperVSide(padded, extraction)],
  ];
  // Worked out once, at the first term found: most questions name no other product.
  let machineWords: ReadonlySet<string> | undefined;
  const inMachineName = (term: string) => {
    const word = term.trim();
    return !word.includes(' ') && (machineWords ??= machineNameWords(question)).has(word);
  };
  for (const [terms, waived] of lists) {
    for (const term of termsIn(terms, padded)) {
      if (inMachineName(term)) continue;
      const asContext =
        (guest.guestNamed && (comparedWith(padded, term) || ruledOut(padded, term))) || (hyperVSide && asBackground(padded, term));
      if (!waived(term) && !asContext) return term.trim();
      if (asContext && terms === foreign) context.push(term);
    }
  }
  if (guest.movingToHyperV) return undefined;
  // A typo of another product keeps its first letter: "center" is not "vcenter".
  return extraction.tokens.find(
    (token) =>
      token.length >= 5 &&
      foreignWords.some((w) => token[0] === w[0] && nearWord(token, w)) &&
      !(guest.guestNamed && comparedWith(padded, ` ${token} `)) &&
      !(hyperVSide && asBackground(padded, ` ${token} `)),
  );
}

/**
 * The scope gate: a question is lisbot's business only if it names something of this domain. Another product
 * or topic, a Windows guest, or Windows Server itself is declined however the question is phrased.
 */
export function scopeOf(input: ScopeInput): ScopeDecision {
  const { extraction } = input;
  const padded = paddedKey(input.question);
  const named =
    extraction.distros.length > 0 ||
    extraction.features.length > 0 ||
    extraction.lisReleases.length > 0 ||
    extraction.entities.kernel !== undefined;
  const guest = guestContextOf(extraction, padded);
  const context: string[] = [];
  const foreignTerm = foreignTermIn(input.question, padded, extraction, guest, context);
  // A log line keeps the question in scope only when it is Hyper-V's: "vmw_balloon: Started" is another hypervisor's.
  if (foreignTerm && !(input.logLine && HYPER_V_LOG.test(input.question)))
    return { inScope: false, reason: 'foreign', evidence: foreignTerm };
  const decided = inScopeOf(input, padded, guest, named);
  return decided.inScope && context.length > 0 ? { ...decided, context } : decided;
}

function inScopeOf(input: ScopeInput, padded: string, guest: GuestContext, named: boolean): ScopeDecision {
  const { extraction } = input;
  // "zfs on a physical freebsd 13 box": a machine that is not a guest (unless it is about to become one).
  if (PHYSICAL_MACHINE.test(padded) && !VIRTUAL_WORDS.test(padded))
    return { inScope: false, reason: 'foreign', evidence: 'physical machine' };
  if (!guest.linuxNamed && aboutWindowsGuest(extraction.shape, padded))
    return { inScope: false, reason: 'foreign', evidence: 'windows guest' };
  if (named) return { inScope: true, reason: 'entity' };
  if (input.logLine) return { inScope: true, reason: 'log-line' };
  if (namesFinding(input.question)) return { inScope: true, reason: 'domain-term', evidence: 'finding id' };
  const domainTerm = domainTermIn(padded);
  if (domainTerm) return { inScope: true, reason: 'domain-term', evidence: domainTerm };
  // Windows Server named with nothing of Linux, FreeBSD or Hyper-V: a question about Windows itself.
  if (extraction.hosts.length > 0 && !guest.linuxNamed) return { inScope: false, reason: 'windows-itself' };
  if (input.symptomMatch()) return { inScope: true, reason: 'symptom' };
  return { inScope: false, reason: 'no-domain-term' };
}
