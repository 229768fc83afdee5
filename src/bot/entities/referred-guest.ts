import type { Entities } from '../../core/reply.ts';
import { GUEST_KEYS, pick } from './guest-names.ts';

/**
 * Words that point at one of several guests the message names: "the 6.8 one", "the UEK5 box", "the debian vm", "for the
 * 11 SP3 machine", "trim on the 12.04?".
 */
const POINTER =
  /\b(?:the|that)\s+([a-z0-9][\w.+-]*(?:\s+[\w.+-]+)?)\s+(?:one|ones|box|boxes|vms?|machines?|guests?|side|instances?)\b|\bon\s+the\s+(\d{1,2}(?:\.\d{1,2})?|sp\d{1,2})\s*\?/gi;

/** Where a message lists its guests: "centos 6.4 and centos 6.8", "sles 12 sp5 / sles 12 sp2", "7.7 with LIS 4.3 plus 7.9". */
const GUEST_LIST_BREAK = /(?<=[.!?;,:])\s+|\n+|\s+(?:and|&|n|plus|vs\.?|versus|while|but|or|then)\s+|\s*\/\s*|\s+[-–—]{1,2}\s+/i;

type Guest = Pick<Entities, (typeof GUEST_KEYS)[number]>;

/** Words that set a guest beside the one asked about ("like the RHCK ones"), and words that tell one works. */
const COMPARING = String.raw`like|unlike|than|as with|besides|apart from`;
const FINE = String.raw`fine|ok|okay|good|rock solid`;
/** Just before a pointer: "… like the RHCK ones", "not the 6.5 one". */
const COMPARED = new RegExp(String.raw`\b(?:${COMPARING}|not|except)\s+$`, 'i');
/** Just after a pointer: "the ubuntu ones are fine". */
const TOLD_FINE = new RegExp(
  String.raw`^\W*(?:(?:are|is|were|was|seem|seems|look|looks|run|runs|work|works)\s+)?(?:all\s+)?(?:${FINE}|working|happy)\b`,
  'i',
);

/**
 * The guest a pointer picks out of the several the message names, each read from its own part of the message; undefined
 * when the message names fewer than two, or the pointer fits none or more than one.
 */
export function referredGuest(
  question: string,
  /** The sentence that asks: a pointer in the story before it ("only the 8.4 one sees all 300 vcpus.") is the contrast. */
  asking: string,
  readClause: (clause: string) => Entities,
  /** The guest the message names as a whole: a part that names only a kernel or a release takes the rest from it. */
  whole: Guest,
): Guest | undefined {
  // "… the ubuntu ones are fine", "… like the RHCK ones?": a guest pointed at as working, or compared with, is the contrast.
  const pointers = [...asking.matchAll(POINTER)].filter(
    (p) => !TOLD_FINE.test(asking.slice(p.index + p[0].length)) && !COMPARED.test(asking.slice(0, p.index)),
  );
  const pointer = pointers[pointers.length - 1];
  if (pointer === undefined) return undefined;
  const reference = (pointer[1] ?? pointer[2]!).toLowerCase();
  const at = question.lastIndexOf(pointer[0]);
  const rest = at < 0 ? question : `${question.slice(0, at)} ${question.slice(at + pointer[0].length)}`;
  const guests = guestsListed(rest, readClause, whole);
  if (guests.length < 2) return undefined;
  const fitting = guests.filter((guest) => fits(reference, guest, readClause));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/**
 * The distinct guests a message names, part by part; a release named without its family takes the family named before
 * it, or the message's.
 */
function guestsListed(text: string, readClause: (clause: string) => Entities, whole: Guest): Guest[] {
  const guests = new Map<string, Guest>();
  let family = whole.distro;
  for (const part of text.split(GUEST_LIST_BREAK)) {
    if (!part?.trim()) continue;
    const named = pick(readClause(part), GUEST_KEYS) as Guest;
    if (named.version === undefined && named.kernel === undefined && named.uek === undefined) continue;
    const distro = named.distro ?? family;
    // "some on RHCK, some on UEK5": a kernel named alone runs the release the message names.
    const version = named.version ?? (distro === whole.distro ? whole.version : undefined);
    const guest: Guest = { ...(distro ? { distro } : {}), ...(version ? { version } : {}), ...named };
    family = guest.distro;
    guests.set([guest.distro, guest.version, guest.kernel, guest.uek].join('\u0000'), guest);
  }
  return [...guests.values()];
}

/** Whether the pointer's words name this guest: its release, its service pack, its kernel or UEK release, or its family. */
function fits(reference: string, guest: Guest, readClause: (clause: string) => Entities): boolean {
  const words = ` ${reference} `;
  const version = guest.version?.toLowerCase();
  if (version && words.includes(` ${version} `)) return true;
  // "the sp2 one" alone; "the 11 SP3 machine" names its major too, and must name this guest's.
  const servicePack = / sp(\d{1,2})$/.exec(version ?? '')?.[1];
  if (servicePack && reference === `sp${servicePack}`) return true;
  const uek = /\buek\s*-?\s*r?(\d)\b/.exec(reference)?.[1];
  if (uek) return guest.uek?.startsWith(`R${uek}`) === true;
  const update = /\bqu(\d)\b/.exec(reference)?.[1];
  if (update) return guest.uek?.endsWith(`QU${update}`) === true;
  if (/\brhck\b/.test(reference)) return guest.kernel === 'rhck';
  const named = readClause(reference);
  return named.distro !== undefined && named.distro === guest.distro && named.version === undefined;
}

/** A family spelt out, not read from shorthand ("el") or a word of another language. */
const FAMILY_WORD = /\b(?:debian|ubuntu|centos|rhel|red\s?hat|suse|sles|opensuse|oracle(?:\s+linux)?|freebsd|aix|hp-?ux|solaris)\b/i;
/** Anywhere in the asking clause: "like the old rhel one", "or just the centos 6 ones", "… is fine". */
const COMPARED_ANYWHERE = new RegExp(String.raw`\b(?:${COMPARING}|or just|or only|or also)\b`, 'i');
const TOLD_FINE_ANYWHERE = new RegExp(String.raw`\b(?:is|are|was|were|runs?|works?)\s+(?:all\s+)?(?:${FINE})\b`, 'i');

/** The clause a one-question message asks in: "rhel 8.2 n rhel 9.2 both on ws2019, [is rhel 9.2 ok on 2019]?" */
const ASKING_CLAUSE = /(?:^|[,;:]\s+|\s[-–—]{1,2}\s+|[.!]\s+|\n)([^,;:.!?\n]*?)\?+[^?]*$/;

/**
 * The guest the clause that asks names, when it is another than the one the message names first: "ubuntu 22.04 is fine
 * on 2019 -- does debian do secure boot?" asks of Debian. Undefined when the clause names no guest, or tells one is fine.
 */
export function askedClauseGuest(
  question: string,
  readClause: (clause: string) => Entities,
  whole: Guest,
  /** The families the whole message names: a clause read alone may hear one in an everyday word ("more precise?"). */
  families: readonly string[],
): Guest | undefined {
  // The clause must name another family the message names: with none, nothing need be read.
  if (!families.some((family) => family !== whole.distro)) return undefined;
  if ((question.match(/\?+/g) ?? []).length !== 1) return undefined;
  const clause = ASKING_CLAUSE.exec(question)?.[1];
  if (!clause?.trim() || TOLD_FINE_ANYWHERE.test(clause) || COMPARED_ANYWHERE.test(clause)) return undefined;
  const named = pick(readClause(clause), GUEST_KEYS) as Guest;
  if (named.distro === undefined || named.distro === whole.distro || !families.includes(named.distro)) return undefined;
  // A family without a release is switched to only when spelt out: "el" or a word of another language may read as one.
  return named.version !== undefined || FAMILY_WORD.test(clause) ? named : undefined;
}
