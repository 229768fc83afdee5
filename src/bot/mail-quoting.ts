/**
 * A question forwarded from mail or a ticket: "> " quote marks, "On Mon, Alex wrote:" lines, and a signature after
 * "--" or "Sent from my phone". The quoted words are kept (they often hold the setup being asked about); the
 * marks, the attribution line and the signature are dropped, as they would otherwise read as words of the question.
 */
const ATTRIBUTION = /^\s*(?:>\s*)*On\b[^\n]{0,120}\bwrote:\s*$/gim;
const QUOTE_MARKS = /^[ \t]*(?:>[ \t]?)+/gm;
const SIGNATURE = /\n[ \t]*(?:--[ \t]*|_{5,}|Sent from (?:my )?\S+[^\n]{0,60}|Get Outlook for \S+)\n[\s\S]*$/i;

export function withoutMailQuoting(message: string): string {
  if (!message.includes('\n')) return message;
  return `${message}\n`.replace(SIGNATURE, '\n').replace(ATTRIBUTION, '').replace(QUOTE_MARKS, '').trim();
}
