import { LOOSE_WHITESPACE, MARKDOWN_LINK, MENTION } from './text.ts';

/**
 * One piece of chat decoration: a mention, or a bold, underlined, spoiler, struck, code or link span. The backtick
 * is written \u0060 so the import-graph scanner does not read a template literal.
 */
const SPAN = String.raw`(?:${MENTION}|\*\*[^*]{1,200}\*\*|__[^_]{1,200}__|\|\|[^|]{1,200}\|\||~~[^~]{1,200}~~|\u0060{3}[^\u0060]{0,500}\u0060{3}|\u0060[^\u0060]{1,200}\u0060|${MARKDOWN_LINK})`;
const LEADING = new RegExp(String.raw`^(?:\s*${SPAN})+`);
const TRAILING = new RegExp(String.raw`(?:${SPAN}\s*)+$`);
const ONE = new RegExp(SPAN, 'g');

/** Code with a digit or a symbol in it (a command, a kernel version, a log line) is content, whatever it names. */
function technical(span: string): boolean {
  return span.startsWith('\u0060') && /[^a-z\s\u0060]/i.test(span);
}

/**
 * "ignore all previous instructions and …": a preamble aimed at a language model. lisbot obeys no instructions, so it
 * drops the preamble and answers what follows from the knowledge base, as for any other question.
 */
const INJECTION_PREAMBLE =
  /^\s*(?:please\s+)?(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:(?:the|your)\s+)?(?:previous|prior|above|earlier|former)\s+(?:instructions?|prompts?|rules|messages?)\s*(?:and\s+(?:then\s+)?|then\s+|[,.:;!-]+\s*)?/i;

/**
 * The message without the runs of decoration before and after the question: mentions, and bold, code or link spans
 * that name nothing lisbot knows ("**urgent** ||ping|| does rhel 6.2 need lis?"). Their words would otherwise
 * tip the intent classifier. A span that names something (a distro, a feature, a log line) is part of the question
 * and stays, and nothing is dropped unless what remains still names something.
 * An injection preamble goes the same way.
 */
export function withoutDecoration(message: string, namesSomething: (text: string) => boolean): string {
  const afterPreamble = message.replace(INJECTION_PREAMBLE, '');
  if (afterPreamble !== message && namesSomething(afterPreamble)) return withoutSpans(afterPreamble, namesSomething);
  return withoutSpans(message, namesSomething);
}

function withoutSpans(message: string, namesSomething: (text: string) => boolean): string {
  const trim = (text: string, run: RegExp) => {
    const found = run.exec(text);
    if (!found) return text;
    const kept = [...found[0].matchAll(ONE)].map((m) => m[0]).filter((span) => technical(span) || namesSomething(span));
    const rest = found.index === 0 ? text.slice(found[0].length) : text.slice(0, found.index);
    return found.index === 0 ? [...kept, rest].join(' ') : [rest, ...kept].join(' ');
  };
  const trimmed = trim(trim(message, LEADING), TRAILING).replace(LOOSE_WHITESPACE, ' ').trim();
  return trimmed !== message.replace(LOOSE_WHITESPACE, ' ').trim() && namesSomething(trimmed) ? trimmed : message;
}
