// Inline text clean-up shared by the cell, host, header and row-name readers.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  check: '✔',
  radic: '√',
};

/** Decodes HTML entities: `&#10004;`, `&#x2714;`, `&amp;`, `&nbsp;`. Unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Turns `<br/>` and `<br />` into a separator so a host list split over lines stays a list. */
export function breaksToCommas(text: string): string {
  return text.replace(/<br\s*\/?>/gi, ', ');
}

/**
 * Removes inline markdown and HTML from a table cell: bold, italics, links (keeping their text),
 * backslash escapes (`\>`, `Hyper\-V`, `Key\/value`, `\(LIS\)`), tags, entities; collapses spaces.
 */
export function cleanInline(text: string): string {
  let out = text
    .replace(/<a\s+name=["'][^"']*["']\s*>\s*<\/a>/gi, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(\S(?:[^*]*\S)?)\*(?=$|[\s).,;:])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
  out = decodeEntities(out);
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** En and em dashes, and the minus sign, read as a hyphen. */
export function normaliseDashes(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Width of a line's leading whitespace, a tab counting as four columns. */
export function indentOf(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}
