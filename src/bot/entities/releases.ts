import type { Arch } from '../../knowledge/schema/index.ts';
import { normaliseLis } from '../../knowledge/query/lis-coverage.ts';
import { uekKey, uekRelease } from '../../knowledge/query/uek.ts';
import { askingParts } from '../intent/asked-sentence.ts';
import { firstBareLisRelease, LIS_NAMES } from './lis-mentions.ts';

/** The LIS release, UEK release and architecture a question names, and the text with those mentions blanked out. */
export interface ReleaseMentions {
  /** "4.1.3", "3.5". */
  readonly lis?: string;
  /** "R3 QU1", "R4", "R5". */
  readonly uek?: string;
  readonly arch?: Arch;
  /** The question without the mentions, so their numbers are not read as a distro version. */
  readonly rest: string;
}

// "lis 4.0", "with LIS 3.5", "the ms lis rpms 4.1.3", "lis-4.1.3-2", "LISv4.1", "linux integration services 4.1".
const LIS = new RegExp(
  String.raw`\b(?:${LIS_NAMES})(?:[\s-]*(?:rpms?|packages?|download|drivers?|version|release|ver\.?))*[\s-]*v?(\d(?:\.\d{1,2}){0,3}(?:-\d{1,2})?)(?!\d|\.\d)`,
  'i',
);
// "uek r3 qu1", "UEK R3Q2", "uek4", "uek 5", "uekr4", "uek r6u1", "unbreakable enterprise kernel release 4", and a bare "R3 QU1".
const UEK = /\b(?:uek|unbreakable\s+enterprise\s+kernel)[\s-]*(?:release\s*)?(r?\s*\d(?:\s*(?:qu?|u|update\s*)\s*\d)?)\b/i;
const BARE_UEK = /\b(r\d\s*qu?\s*\d)\b/i;
const ARCH_32 = /\b(?:32[\s-]?bits?|i[3-6]86|x86(?![\s_-]?64))\b/i;
const ARCH_64 = /\b(?:64[\s-]?bits?|x86[_-]64|amd64)\b/i;

const ANY_LIS = new RegExp(LIS.source, 'gi');

/**
 * The LIS mention to read: the first, unless another comes in the sentence that asks ("we were on LIS 4.1. does LIS
 * 4.1.2 install on centos 6.8?").
 */
function askedLisMention(text: string): RegExpExecArray | undefined {
  const mentions = [...text.matchAll(ANY_LIS)] as RegExpExecArray[];
  const asking = mentions.length < 2 ? undefined : askingParts(text)?.asking;
  if (asking === undefined) return mentions[0];
  const from = text.lastIndexOf(asking);
  return mentions.find((m) => m.index >= from && m.index < from + asking.length) ?? mentions[0];
}

function blankMatch(text: string, match: RegExpExecArray | undefined): { text: string; match?: RegExpExecArray } {
  if (!match) return { text };
  return { text: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`, match };
}

function blank(text: string, pattern: RegExp): { text: string; match?: RegExpExecArray } {
  return blankMatch(text, pattern.exec(text) ?? undefined);
}

/** `known`: the KB's release numbers, read without the word LIS where the words around say they are releases. */
export function extractReleases(question: string, known?: ReadonlySet<string>): ReleaseMentions {
  let rest = question;
  const found: { lis?: string; uek?: string; arch?: Arch } = {};
  const lis = blankMatch(rest, askedLisMention(rest));
  const lisVersion = lis.match?.[1] ? normaliseLis(lis.match[1]) : undefined;
  const bare = lisVersion || !known ? undefined : firstBareLisRelease(rest.toLowerCase(), known);
  if (lisVersion) {
    found.lis = lisVersion;
    // Keep the word "lis" for the intent cues; only its number goes.
    rest = `${lis.text} lis`;
  } else if (bare) {
    found.lis = bare.version;
    rest = `${rest.slice(0, bare.index)} ${rest.slice(bare.index + bare.version.length)} lis`;
  }
  const uek = blank(rest, UEK);
  const uekMatch = uek.match?.[1] ? uekKey(uek.match[1]) : undefined;
  if (uekMatch) {
    found.uek = uekRelease(uekMatch);
    rest = `${uek.text} uek`;
  } else {
    const bare = blank(rest, BARE_UEK);
    const key = bare.match?.[1] ? uekKey(bare.match[1]) : undefined;
    if (key) {
      found.uek = uekRelease(key);
      rest = `${bare.text} uek`;
    }
  }
  for (const [pattern, arch] of [
    [ARCH_32, '32-bit'],
    [ARCH_64, '64-bit'],
  ] as const) {
    const hit = blank(rest, pattern);
    if (hit.match && !found.arch) {
      found.arch = arch;
      rest = hit.text;
    }
  }
  return { ...found, rest };
}
