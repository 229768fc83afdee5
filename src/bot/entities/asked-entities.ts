import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { Entities } from '../../core/reply.ts';
import { askingParts } from '../intent/asked-sentence.ts';
import { extractEntities, type Extraction } from './extract.ts';
import { GUEST_KEYS, pick, sameFamilyRelease, withoutGuest } from './guest-names.ts';
import { guestAfterTurn, toldFine, withTurnedGuest } from './turned-guest.ts';
import { askedClauseGuest, referredGuest } from './referred-guest.ts';

/**
 * The sentence of a message of several sentences that asks, read on its own (exact names only): the classifier hears
 * its shape and withAskedEntities its names. Undefined for a one-sentence message.
 */
export function readAskedSentence(kb: KnowledgeBase, question: string): AskedSentence | undefined {
  const parts = askingParts(question);
  if (parts === undefined) return undefined;
  if (parts.before === undefined) return { ...extractEntities(kb, parts.asking, { fuzzy: false }), sentence: parts.asking };
  // "our debian 10 vm … the ubuntu 20.04 ones are fine. why?": a guest or host the sentence before tells is fine is
  // the contrast, not what the few words ask about.
  const ownReading = extractEntities(kb, parts.asking, { fuzzy: false });
  const own = ownReading.entities;
  if (own.distro === undefined && toldFine(parts.before)) {
    const before = extractEntities(kb, parts.before, { fuzzy: false });
    if (before.distros.length === 1 || (before.distros.length === 0 && before.hosts.length > 0))
      return { ...ownReading, sentence: parts.asking };
  }
  const sentence = `${parts.before} ${parts.asking}`;
  const read = extractEntities(kb, sentence, { fuzzy: false });
  // "… but the freebsd 9.3 vm sees no dvd at all. why the 9.3 one?": the few words that ask name the guest they mean.
  const whole = read.entities;
  const ownRelease =
    own.version !== undefined &&
    (own.distro !== undefined || (whole.version !== undefined && sameFamilyRelease(own.version, whole.version, whole.lis)));
  if (!ownRelease || read.lisReleases.includes(own.version!)) return { ...read, sentence };
  return { ...read, entities: { ...whole, version: own.version, ...(own.distro ? { distro: own.distro } : {}) }, sentence };
}

/** The asking sentence's names, with the sentence itself (the scope gate reads its words). */
export interface AskedSentence extends Extraction {
  readonly sentence: string;
}

/**
 * "VM: cent65-dongle … Is CentOS 6.5 with LIS 4.1 supported on Windows Server 2008 R2?": in a message of several
 * sentences the one that asks names what it asks about, wherever else the message names another guest or host (a
 * host name, pasted output, the story so far). Its guest release and host replace the message's first mentions; a
 * release the message gives more precisely ("RHEL 8" asked, 8.4 said earlier) stays, and a feature only the story
 * names goes. A short message is read so only when that sentence is the one that asks ("ubuntu 22.04 is fine on our
 * 2022 hosts. Is 24.04 supported there?").
 */
export function withAskedEntities(
  question: string,
  extraction: Extraction,
  asked: AskedSentence | undefined,
  /** Reads the names of one clause of the message (exact names only). */
  readClause: (clause: string) => Entities = () => ({}),
): Extraction {
  const read = withAskingSentence(question, extraction, asked, readClause);
  // "centos 6.4 and centos 6.8, both with lis 4.3. for the 6.8 one, DDA on 2016?": a pointer picks one of the guests named.
  const now = read.entities;
  const whole = pick(now, GUEST_KEYS);
  const referred =
    referredGuest(question, asked?.sentence ?? question, readClause, whole) ??
    askedClauseGuest(question, readClause, whole, extraction.distros);
  if (!referred || GUEST_KEYS.every((key) => key === 'arch' || referred[key] === now[key])) return read;
  const entities: Entities = { ...now };
  for (const key of GUEST_KEYS) delete entities[key];
  return { ...read, entities: { ...entities, ...referred } };
}

function withAskingSentence(
  question: string,
  extraction: Extraction,
  asked: AskedSentence | undefined,
  /** Reads the names of one clause of the message (exact names only). */
  readClause: (clause: string) => Entities = () => ({}),
): Extraction {
  // "still ok??" asks once.
  const questionMarks = (question.match(/\?+/g) ?? []).length;
  // "centos 7.9 backups are fine, but the oracle linux 8.4 vm …": a guest named after a turn decides, unless the asking
  // sentence names a guest release itself and comes after the turn. Two questions ("kvp ok? what about centos 6.5?")
  // are answered for the first, so no turn is looked for; a pick ("specifically 22.04") counts anywhere.
  const turn = questionMarks <= 1 ? guestAfterTurn(question, readClause) : undefined;
  const askedAt = asked ? question.indexOf(asked.sentence.slice(0, 30)) : -1;
  const inAsked = turn !== undefined && asked !== undefined && turn.at >= askedAt && turn.at < askedAt + asked.sentence.length;
  const turnDecides = turn !== undefined && (asked?.entities.version === undefined || inAsked || turn.pick);
  const turned = turnDecides ? withTurnedGuest(extraction, turn.names) : extraction;
  // A short message's last sentence is as often an aside ("… supported? and uefi generally?") as the question itself:
  // it decides only when it is the one sentence that asks.
  const long = extraction.tokens.length > LONG_MESSAGE_WORDS;
  if (!long && questionMarks !== 1) return turned;
  if (asked === undefined) return turned;
  const named = !turnDecides
    ? asked.entities
    : asked.entities.version === undefined
      ? withoutGuest(asked.entities)
      : { ...withoutGuest(asked.entities), ...pick(turned.entities, GUEST_KEYS) };
  const entities: Entities = { ...turned.entities };
  const whole = turned.entities;
  if (named.distro && named.version) {
    const sameGuest = named.distro === whole.distro;
    const refined = sameGuest && whole.version?.startsWith(`${named.version}.`);
    if (!sameGuest || !refined) {
      for (const key of GUEST_KEYS) delete entities[key];
      Object.assign(entities, pick(named, GUEST_KEYS));
    }
  }
  // "ubuntu guests show their ip, the debian 10 ones stay blank. why only debian?": in a short message, another family
  // than the one named first, at the release the message gives it.
  if (!long && named.distro && !named.version && whole.distro && named.distro !== whole.distro) {
    for (const key of GUEST_KEYS) delete entities[key];
    Object.assign(entities, pick(named, ['distro', 'kernel', 'uek', 'arch']));
    const version = releaseGivenTo(named.distro, question, readClause);
    if (version) entities.version = version;
  }
  // "centos 7.9 is fine on 2016. can 6.2 live on those same hosts?": a release asked of the guest family the message names.
  // Beside a named LIS release a bare number is as likely another LIS release ("we run lis 3.4 … what would 3.5 give").
  if (
    !named.distro &&
    named.version &&
    whole.distro &&
    whole.version &&
    extraction.lisReleases.length === 0 &&
    sameFamilyRelease(named.version, whole.version, whole.lis)
  )
    entities.version = named.version;
  if (named.host) entities.host = named.host;
  // "… we also use SR-IOV on the new cluster. Is CentOS 7.9 supported on 2022?": a feature the asking sentence leaves
  // out, when it names the guest itself, is the story's, not the question's.
  if (long && named.distro && named.version && !named.feature) delete entities.feature;
  // "… the VMs sit in an isolated VLAN … are Hyper-V Sockets supported for Ubuntu 20.04?": the feature asked about.
  if (long && named.feature) entities.feature = named.feature;
  return { ...extraction, entities };
}

/** The release the message gives a family in one of its clauses ("… but the debian 10 guests …", "ubuntu 22.04 and centos 7.9"). */
function releaseGivenTo(distro: string, question: string, readClause: (clause: string) => Entities): string | undefined {
  for (const clause of question.split(/(?<=[.!?;,])\s+|\n+|\s+(?:but|while|and|vs\.?|versus)\s+/)) {
    const named = readClause(clause);
    if (named.distro === distro && named.version !== undefined) return named.version;
  }
  return undefined;
}

/** Past this many words, a message is a ticket or a story with its question in one sentence. */
const LONG_MESSAGE_WORDS = 40;
