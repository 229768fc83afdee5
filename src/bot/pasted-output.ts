/** How much of a message is read for pasted collector output: more than any chat platform lets a message hold. */
const MAX_PASTED_CHARS = 64 * 1024;

const SECTION_MARKER = /^[ \t]*###\s*lischeck-(?:meta|end)\b/m;
const CODE_FENCE = /^[ \t]*```\w*[ \t]*$/gm;

/**
 * The collector's report pasted into a chat message rather than uploaded: from its first section marker on, with the
 * code fences chat clients wrap it in removed. Undefined when the message holds none.
 */
export function pastedCollectorOutput(rawMessage: string): string | undefined {
  const text = rawMessage.length > MAX_PASTED_CHARS ? rawMessage.slice(0, MAX_PASTED_CHARS) : rawMessage;
  const at = text.search(SECTION_MARKER);
  if (at < 0) return undefined;
  return text.slice(at).replace(CODE_FENCE, '');
}
