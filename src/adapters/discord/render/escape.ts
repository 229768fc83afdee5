import { escapeMarkdown } from 'discord.js';

const ZWJ = '\u200D';

/**
 * Makes mentions inert even where allowedMentions would not reach (embeds render them, and people copy them):
 * "@everyone"/"@here" get a zero-width joiner after the "@", and "<@…>", "<@&…>", "<#…>", "</…>", "<t:…>"
 * style tokens get one after the "<".
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWJ}$1`).replace(/<(?=[@#/:]|a:|t:|id:)/gi, `<${ZWJ}`);
}

/** Cuts text to at most max UTF-16 units, with "…", never splitting a surrogate pair or leaving a dangling escape. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  // An odd run of trailing backslashes would escape the ellipsis or whatever follows.
  const slashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (slashes % 2 === 1) head = head.slice(0, -1);
  return `${head}…`;
}

/**
 * Any text that reaches Discord markdown (descriptions, field names and values, titles): escaped and inert.
 * Only the first `max` characters are escaped (escaping only lengthens text, so nothing shown is lost):
 * escapeMarkdown's look-behinds are quadratic on long runs without spaces, so input is bounded first.
 */
export function safeMarkdown(text: string, max = 4096): string {
  const key = `${max}\u0000${text}`;
  const known = escapedTexts.get(key);
  if (known !== undefined) return known;
  const escaped = neutraliseMentions(
    escapeMarkdown(text.length > max ? truncate(text, max + 1) : text, {
      heading: true,
      bulletedList: true,
      numberedList: true,
      maskedLink: true,
    }),
  );
  if (escapedTexts.size >= ESCAPED_TEXTS_KEPT) escapedTexts.clear();
  escapedTexts.set(key, escaped);
  return escaped;
}

/** Laying out a long reply escapes the same texts for every page it tries; each is escaped once (a bounded memo). */
const escapedTexts = new Map<string, string>();
const ESCAPED_TEXTS_KEPT = 2000;

/** Text shown without markdown (button labels, footers, autocomplete names): only mentions made inert. */
export function safePlain(text: string): string {
  return neutraliseMentions(text);
}

/** A link in markdown: the label escaped (brackets too), the URL only when it is http(s) and cannot break out. */
export function safeLink(label: string, url: string | undefined): string {
  const text = safeMarkdown(label).replace(/[[\]]/g, '\\$&');
  if (!url || !/^https?:\/\/[^\s<>]+$/i.test(url)) return text;
  return `[${text}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}
