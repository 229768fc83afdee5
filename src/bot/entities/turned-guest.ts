import type { Entities } from '../../core/reply.ts';
import type { Extraction } from './extract.ts';
import { GUEST_KEYS, pick, sameFamilyRelease } from './guest-names.ts';

/**
 * Words after which a message turns to the guest it asks about: a contrast with one that works ("X is fine, but Y …"),
 * a pick among several ("specifically Y", "what about Y") or the release a guest runs now ("rebuilt on Y", "now runs Y", "will be Y").
 */
const TURN =
  /\b(?:but|whereas|however|unlike|except|what about|how about|rebuilt\b[^.?!]{0,40}?\bon|now runs?|now running|will be|(specifically|particularly|especially|(?:really |mostly )?only (?:asking|care|caring) about|(?:mostly )?(?:i |we )?care about|asking about))\b/g;

const WORKS = /\b(?:works?|working|worked|is fine|are fine|fine|runs? fine|boots? fine|no (?:issues?|problems?)|ok|okay)\b/;

/** The message's entities with the guest named after a turn in place of the one named first. */
export function withTurnedGuest(extraction: Extraction, turned: Entities): Extraction {
  const whole = extraction.entities;
  const entities: Entities = { ...whole };
  // "debian 7.8 … can't find the package in wheezy": the same guest named less precisely.
  const lessPrecise = turned.distro === whole.distro && whole.version?.startsWith(`${turned.version}.`);
  if (turned.distro && !lessPrecise && (turned.distro !== whole.distro || turned.version !== whole.version)) {
    for (const key of GUEST_KEYS) delete entities[key];
    Object.assign(entities, pick(turned, GUEST_KEYS));
  } else if (!turned.distro && whole.distro && whole.version && sameFamilyRelease(turned.version!, whole.version, whole.lis))
    entities.version = turned.version;
  else return extraction;
  return { ...extraction, entities };
}

/**
 * The names the message gives after its last turn, when they name a guest or a release of one; where the turn is, and
 * whether it picks one guest out ("specifically …") rather than contrasting two.
 */
export function guestAfterTurn(
  question: string,
  readClause: (clause: string) => Entities,
): { names: Entities; at: number; pick: boolean } | undefined {
  let last: RegExpExecArray | undefined;
  for (const turn of question.matchAll(TURN)) last = turn;
  if (last === undefined) return guestAfterFineSentence(question, readClause);
  // The rest of the turn's sentence; a kernel build's el tag there is the same guest updated, not another one.
  // Its first words: "but the host never gets an ip, unlike our 10.2 boxes" turns to the host, not to 10.2. A guest
  // that works there ("… while the rhel 6.8 installer works") is the contrast, not the one asked about.
  const clause = question
    .slice(last.index + last[0].length)
    .split(/[?!\n]|\.(?:\s|$)/, 1)[0]!
    .split(/\s+/)
    .slice(0, 9)
    .join(' ');
  if (/\.el\d/.test(clause) || WORKS.test(clause)) return undefined;
  const named = readClause(clause);
  const pick = last[1] !== undefined;
  if (named.version !== undefined) return { names: named, at: last.index, pick };
  // "… really only asking about 11": a bare release, alone after the turn.
  const bare = /^\W*(?:the\s+)?(\d{1,2}(?:\.\d{1,2})?)(?:\s+(?:one|ones|box|boxes|vms?|guests?))?\W*$/.exec(clause);
  return bare ? { names: { version: bare[1]! }, at: last.index, pick } : undefined;
}

/** A guest told to be fine in its own sentence: WORKS, or "without trouble", "all good". */
const FINE = /\b(?:without (?:any )?(?:trouble|issues?|problems?)|no trouble|all good)\b/;
const NOT_WORKING = /\b(?:not|n't|never|no longer|stopped|stops)\s+(?:\w+\s+)?(?:works?|working|fine|ok|okay)\b/;

/** Whether a sentence tells that something works: "the ubuntu 20.04 ones are fine", "runs without trouble". */
export function toldFine(sentence: string): boolean {
  const text = sentence.toLowerCase();
  return (WORKS.test(text) || FINE.test(text)) && !NOT_WORKING.test(text);
}

/**
 * "The Ubuntu VM on that switch works all day. The FreeBSD 13.1 VM drops off …": a sentence that tells of a guest that
 * works, then a later one naming another family's guest that does not say so, turns to that one without a "but".
 */
function guestAfterFineSentence(
  question: string,
  readClause: (clause: string) => Entities,
): { names: Entities; at: number; pick: boolean } | undefined {
  const sentences = [...question.matchAll(/[^.!?\n]+(?:[.!?]+|\n|$)/g)];
  // Most messages tell of nothing that works: no sentence need be read for names then.
  if (sentences.length < 2 || !sentences.some((sentence) => toldFine(sentence[0]))) return undefined;
  let fine: string | undefined;
  for (const sentence of sentences) {
    const works = toldFine(sentence[0]);
    const named = readClause(sentence[0]);
    if (named.distro === undefined) continue;
    if (fine === undefined) {
      if (!works) return undefined;
      fine = named.distro;
    } else if (named.distro !== fine && !works) return { names: named, at: sentence.index, pick: false };
  }
  return undefined;
}
