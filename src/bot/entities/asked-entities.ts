import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { Entities } from '../../core/reply.ts';
import { askingParts } from '../intent/asked-sentence.ts';
import { extractEntities, type Extraction } from './extract.ts';

/**
 * The sentence of a message of several sentences that asks, read on its own (exact names only): the classifier hears
 * its shape and withAskedEntities its names. Undefined for a one-sentence message.
 */
export function readAskedSentence(kb: KnowledgeBase, question: string): AskedSentence | undefined {
  const parts = askingParts(question);
  if (parts === undefined) return undefined;
  if (parts.before === undefined) return { ...extractEntities(kb, parts.asking, { fuzzy: false }), sentence: parts.asking };
  const sentence = `${parts.before} ${parts.asking}`;
  const read = extractEntities(kb, sentence, { fuzzy: false });
  // "… but the freebsd 9.3 vm sees no dvd at all. why the 9.3 one?": the few words that ask name the guest they mean.
  const own = extractEntities(kb, parts.asking, { fuzzy: false }).entities;
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
  asked: Extraction | undefined,
  /** Reads the names of one clause of the message (exact names only). */
  readClause: (clause: string) => Entities = () => ({}),
): Extraction {
  // A short message's last sentence is as often an aside ("… supported? and uefi generally?") as the question itself:
  // it decides only when it is the one sentence that asks.
  const long = extraction.tokens.length > LONG_MESSAGE_WORDS;
  if (!long && (question.match(/\?/g) ?? []).length !== 1) return extraction;
  if (asked === undefined) return extraction;
  const named = asked.entities;
  const entities: Entities = { ...extraction.entities };
  const whole = extraction.entities;
  if (named.distro && named.version) {
    const sameGuest = named.distro === whole.distro;
    const refined = sameGuest && whole.version?.startsWith(`${named.version}.`);
    if (!sameGuest || !refined) {
      for (const key of ['distro', 'version', 'kernel', 'uek', 'arch'] as const) delete entities[key];
      Object.assign(entities, pick(named, ['distro', 'version', 'kernel', 'uek', 'arch']));
    }
  }
  // "ubuntu guests show their ip, the debian 10 ones stay blank. why only debian?": in a short message, another family
  // than the one named first, at the release the message gives it.
  if (!long && named.distro && !named.version && whole.distro && named.distro !== whole.distro) {
    for (const key of ['distro', 'version', 'kernel', 'uek', 'arch'] as const) delete entities[key];
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

/** The release the message gives a family in one of its clauses ("… but the debian 10 guests …"). */
function releaseGivenTo(distro: string, question: string, readClause: (clause: string) => Entities): string | undefined {
  for (const clause of question.split(/(?<=[.!?;])\s+|\n+|,?\s+but\s+|,?\s+while\s+/)) {
    const named = readClause(clause);
    if (named.distro === distro && named.version !== undefined) return named.version;
  }
  return undefined;
}

/**
 * Whether a bare release asked about ("can 6.2 …") is another release of the family whose release the message named
 * (7.9), rather than a kernel, a build or an LIS release: a major.minor near the named major, and not the LIS release.
 */
function sameFamilyRelease(asked: string, named: string, lis: string | undefined): boolean {
  if (asked === named || named.startsWith(`${asked}.`) || asked === lis || !/^\d+(?:\.\d+| SP\d+)?$/.test(asked)) return false;
  return Math.abs(Number.parseInt(asked, 10) - Number.parseInt(named, 10)) <= 3;
}

/** Past this many words, a message is a ticket or a story with its question in one sentence. */
const LONG_MESSAGE_WORDS = 40;

function pick(entities: Entities, keys: readonly (keyof Entities)[]): Partial<Entities> {
  return Object.fromEntries(keys.filter((k) => entities[k] !== undefined).map((k) => [k, entities[k]]));
}
