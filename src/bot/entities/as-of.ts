/**
 * Reads "as of when" from a question: "as of 2019", "in the 2016 docs", "back in mid 2020",
 * "was X listed in mid 2019", "as of 2019-06-13", "as of June 2019". Pure: the ISO date the phrase means
 * and where it stood in the text, so the caller can blank it out (its year is not a Hyper-V host).
 *
 * A period means its last day: the KB as it stood by the end of it ("mid 2019" is 30 June 2019,
 * "2016" is 31 December 2016, "June 2019" is 30 June 2019).
 */
export interface AsOfPhrase {
  /** YYYY-MM-DD */
  readonly date: string;
  /** The phrase as it stood in the text, and its span [start, end). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const PERIOD = String.raw`(early|mid|middle of|late|end of|the end of|start of|the start of|beginning of|the beginning of|q[1-4])`;
const DOCS = String.raw`(?:docs?|documentation|matrix|matrices|page|pages|version|tables?|list|support matrix)`;

/** "the 2019-era page". */
const ERA = String.raw`(?:[\s-]+era)?`;

/** The dated expression alone: an ISO date, "13 june 2019", "june 13, 2019", "june 2019", "mid 2019", "2019". */
const WHEN = String.raw`(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s*,?\s*${YEAR}|${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*${YEAR}|${MONTH}\s*,?\s*${YEAR}|${PERIOD}[\s-]*${YEAR}|${YEAR})`;

/** Cues that make a year a date, not a Windows Server host; the first that matches wins. Some need a word naming a page. */
const PATTERNS: ReadonlyArray<{ readonly pattern: RegExp; readonly namesPage: boolean }> = [
  {
    pattern: new RegExp(
      String.raw`\b(?:as\s+of|as\s+at|as\s+it\s+(?:was|stood)\s+(?:in|on)|back\s+(?:in|on)|at\s+the\s+time\s+of|by)\s+${WHEN}(?!\s*r2\b)`,
      'i',
    ),
    namesPage: false,
  },
  { pattern: new RegExp(String.raw`\b(?:in|on|from|per|according\s+to)\s+the\s+${WHEN}${ERA}\s+${DOCS}\b`, 'i'), namesPage: true },
  { pattern: new RegExp(String.raw`\bthe\s+${WHEN}${ERA}\s+${DOCS}\b`, 'i'), namesPage: true },
  // "2019 docs: …", "the 2019 suse table": a year naming a page, with a word or two between (only the year is the phrase).
  {
    pattern: new RegExp(
      String.raw`(?<!(?:server|windows|ws|hyper-v|on|r2)\s+)\b${WHEN}(?=${ERA}\s+(?:(?!(?:per|in|on|from|by|according)\b)[a-z/]+\s+){0,2}?${DOCS}\b)`,
      'i',
    ),
    namesPage: true,
  },
  // A period or month is a date wherever it stands ("listed in mid 2019", "in june 2019").
  {
    pattern: new RegExp(
      String.raw`\b(?:in|during|around|from)\s+(?=(?:early|mid|middle|late|end|the|start|beginning|q[1-4]|\d{4}-|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]|[a-z]{3}))${WHEN}(?!\s*r2\b)`,
      'i',
    ),
    namesPage: false,
  },
];

/** A word naming a page, which three of the patterns need: a question without one skips them. */
const PAGE_WORD = new RegExp(String.raw`${DOCS}\b`, 'i');

/** The Windows Server 2016 technical-preview pages ("the TP docs", "TP era"): their content dates from 2015-16. */
const TECH_PREVIEW =
  /\b(?:(?:the|in|per|from)\s+)?(?:2016\s+)?(?:tp|tech(?:nical)?\s+preview)(?:[\s-]+(?:era|docs?|pages?|matrix|days))?\b(?=[\s:,.?!-]|$)/i;
const TECH_PREVIEW_DATE = '2016-06-30';

/** A bare "in 2019" is a date only in a past-tense question ("was it listed in 2019"); else it may be the host. */
const PAST_TENSE = /\b(?:was|were|did|used to|had)\b/i;
const BARE_YEAR = new RegExp(String.raw`\bin\s+${YEAR}\b(?!\s*r2\b)`, 'i');

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

function isoDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function endOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
}

function periodEnd(period: string, year: number): string {
  const p = period.toLowerCase().replace(/^the\s+/, '');
  if (p.startsWith('q')) return endOfMonth(year, Number(p[1]) * 3);
  if (p === 'early' || p.startsWith('start') || p.startsWith('beginning')) return endOfMonth(year, p === 'early' ? 3 : 1);
  if (p === 'mid' || p.startsWith('middle')) return endOfMonth(year, 6);
  return `${year}-12-31`;
}

/** The date a WHEN match means; groups are offset by where WHEN's groups start in the pattern. */
function dateOf(g: ReadonlyArray<string | undefined>): string | undefined {
  const [isoY, isoM, isoD, dDay, dMonth, dYear, mMonth, mDay, mYear, monthOnly, monthYear, period, periodYear, yearOnly] = g;
  if (isoY && isoM && isoD) return isoDay(Number(isoY), Number(isoM), Number(isoD));
  if (dDay && dMonth && dYear) return isoDay(Number(dYear), monthIndex(dMonth), Number(dDay));
  if (mMonth && mDay && mYear) return isoDay(Number(mYear), monthIndex(mMonth), Number(mDay));
  if (monthOnly && monthYear) return endOfMonth(Number(monthYear), monthIndex(monthOnly));
  if (period && periodYear) return periodEnd(period, Number(periodYear));
  if (yearOnly) return `${yearOnly}-12-31`;
  return undefined;
}

/** Hyper-V ships from 2008; a date before it or far ahead is a typo, not a question about the KB's history. */
function plausible(date: string, today: string | undefined): boolean {
  // The clock is read only when a date was found: most questions have none.
  const year = today === undefined ? new Date().getUTCFullYear() : Number(today.slice(0, 4));
  return date >= '2008-01-01' && date.slice(0, 4) <= String(year + 1);
}

export function extractAsOf(text: string, today?: string): AsOfPhrase | undefined {
  const preview = /tp|preview/i.test(text) ? TECH_PREVIEW.exec(text) : null;
  if (preview) return { date: TECH_PREVIEW_DATE, text: preview[0], start: preview.index, end: preview.index + preview[0].length };
  // Every other date names a year: most questions have no four digits, and skip the patterns.
  if (!/\d{4}/.test(text)) return undefined;
  const namesPage = PAGE_WORD.test(text);
  for (const { pattern, namesPage: needsPage } of PATTERNS) {
    if (needsPage && !namesPage) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    const date = dateOf(match.slice(1, 15));
    if (date && plausible(date, today)) return { date, text: match[0], start: match.index, end: match.index + match[0].length };
  }
  if (PAST_TENSE.test(text)) {
    const match = BARE_YEAR.exec(text);
    if (match?.[1]) {
      const date = `${match[1]}-12-31`;
      if (plausible(date, today)) return { date, text: match[0], start: match.index, end: match.index + match[0].length };
    }
  }
  return undefined;
}

/** The text with the phrase blanked out (same length, so other spans keep their offsets). */
export function withoutAsOf(text: string, phrase: AsOfPhrase): string {
  return `${text.slice(0, phrase.start)}${' '.repeat(phrase.end - phrase.start)}${text.slice(phrase.end)}`;
}

const ASKS_ABOUT_NOW =
  /\b(?:now|today|currently|these days|nowadays|anymore|any more|at present|(?:the )?(?:later|newer|latest|current|newest) (?:one|page|pages|version|versions|matrix|table|grid|docs?)|(?:is|are) (?:that|it|this|they) still|still (?:the case|true|the answer|so|valid|correct|blank|the same))\b/;

/**
 * Whether a dated phrase dates the question: "the 2019 page had it blank, is it supported now?" tells a dated page as
 * the story of a question about today, whose answer is not dated; its year is still no host.
 */
export function datesTheQuestion(text: string): boolean {
  return !ASKS_ABOUT_NOW.test(text) && !STILL_ASKED.test(text) && !(PAGE_TOLD.test(text) && !ASKED_IN_PAST.test(text));
}

/** "the mid-2019 matrix had that blank, still?" */
const STILL_ASKED = /\bstill\s*\?/;
/** "the 2023 page only went to 12.3", "the old TP page had UEFI blank": what an older page said, told as the story. */
const PAGE_TOLD =
  /\b(?:page|pages|matrix|docs?|table|grid|version)\s+(?:only\s+|just\s+|clearly\s+)?(?:had|showed|said|went|listed|marked|left|gave|stopped|ticked|dropped)\b/;
/** "on the 2017 page, was live backup ticked for 11.0?": a question asked in the past tense asks about that page. */
const ASKED_IN_PAST = /\b(?:was|were|did|had)\b[^.?!]*\?/;
