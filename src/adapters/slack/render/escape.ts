/**
 * Escaping for Slack's mrkdwn. Everything lisbot did not write itself (the user's words, KB text) goes
 * through here before it reaches a message, so it can neither ping anyone nor open a link.
 */

const BROADCAST = /@(everyone|here|channel)/gi;
const ZERO_WIDTH_JOINER = '\u200d';

/** `&`, `<` and `>` become entities, so `<!channel>`, `<@U…>` and `<url|text>` stay literal text. */
export function escapeMrkdwn(text: string): string {
  return neutraliseBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** A literal `@everyone`, `@here` or `@channel` gets a zero-width joiner after the `@`. */
export function neutraliseBroadcasts(text: string): string {
  return text.replace(BROADCAST, `@${ZERO_WIDTH_JOINER}$1`);
}

/**
 * Text for a plain_text object (headers, button labels). Slack does not parse mentions there, and whether it decodes
 * entities is not something to rely on, so `&` stays as it is and angle brackets become look-alikes: nothing can read
 * as `<!channel>` or `<@U…>` either way.
 */
export function escapePlain(text: string): string {
  return neutraliseBroadcasts(text.replace(/</g, '‹').replace(/>/g, '›'));
}

/** Text for a code block: escaped, and with backticks swapped for a look-alike so the fence cannot be closed early. */
export function escapeCode(text: string): string {
  return escapeMrkdwn(text).replace(/`/g, 'ˋ');
}

/** Cuts at max characters (counting the ellipsis), never inside an `&amp;`-style entity. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1)).replace(/&[a-z0-9#]{0,6}$/i, '');
  return `${cut}…`;
}

/**
 * A link to a source. Only http(s) URLs without characters that could end the link markup are used;
 * anything else is shown as plain (escaped) text.
 */
export function sourceLink(title: string, url: string | undefined): string {
  const label = escapeMrkdwn(title).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url)) return label;
  return `<${url.replace(/&/g, '&amp;')}|${label}>`;
}

/**
 * Turns a message as Slack delivers it into the plain question the bot reads: mentions, broadcasts and
 * link markup are dropped or reduced to their text, and Slack's own entity escapes are undone.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<(https?:[^>|]*)\|([^>]*)>/g, '$2')
    .replace(/<(https?:[^>]*)>/g, '$1')
    .replace(/<mailto:[^>|]*\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
