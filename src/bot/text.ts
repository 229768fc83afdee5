/** Bounds and cleans a user's question before any parsing: length, control characters, zero-width and bidi marks. */
export const MAX_QUESTION_CHARS = 2000;

/* eslint-disable no-control-regex -- these patterns exist to strip control characters */
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
/* eslint-enable no-control-regex */

/**
 * What `/\s+/g` → ' ' changes: runs of two or more and single whitespace other than a space. A single space is left
 * alone rather than replaced by itself, so a tidy text comes back as it is, without a copy.
 */
export const LOOSE_WHITESPACE = /\s{2,}|[^\S ]/g;

export function cleanQuestion(raw: string): string {
  return raw
    .slice(0, MAX_QUESTION_CHARS * 2)
    .replace(ANSI_ESCAPE, ' ')
    .replace(INVISIBLE, ' ')
    .replace(LOOSE_WHITESPACE, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

/** A user, channel or group mention, or a broadcast one (Slack's <!channel>, Discord's @everyone). */
export const MENTION = String.raw`<[@#!][^>\s]{0,40}>|@(?:everyone|here|channel)\b`;
/** A markdown link, its text in group 1. */
export const MARKDOWN_LINK = String.raw`\[([^\]]{0,200})\]\([^)\s]{0,500}\)`;

const ANY_MENTION = new RegExp(MENTION, 'gi');
const ANY_MARKDOWN_LINK = new RegExp(MARKDOWN_LINK, 'g');

/**
 * The words of a question without chat markup: mentions, channel links, URLs and markdown marks. Chat clients add
 * these around a question; left in, they read as words and can tip the intent classifier.
 */
export function withoutChatMarkup(question: string): string {
  return question
    .replace(ANY_MENTION, ' ')
    .replace(ANY_MARKDOWN_LINK, '$1')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/[*_|~\u0060]{2,}|^#+\s/gm, ' ')
    .replace(LOOSE_WHITESPACE, ' ')
    .trim();
}

/** Quotes a user's words back safely as plain text: short, single line. Adapters still escape for their markup. */
export function quoteBack(text: string, max = 80): string {
  const clean = cleanQuestion(text);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A message's sentences: split after ".", "!" or "?" and at line breaks. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n/);
}

/** A message's clauses: its sentences, and the parts a dash or semicolon sets apart ("a xen export of rhel 5.9 — is 5.9 …?"). */
export function clausesOf(text: string): string[] {
  return text.split(/\n+|(?<=[.?!;])\s+|\s+[-–—]+\s+/);
}

/** Whether a sentence asks rather than tells: it ends with a question mark. */
export function asks(sentence: string): boolean {
  return sentence.trimEnd().endsWith('?');
}
