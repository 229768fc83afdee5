/**
 * A line of pasted output rather than the user's words: a shell prompt, a key=value pair, a table row, a log line by
 * its time stamp or driver prefix.
 */
const PASTED_LINE =
  /^(?:\[\s*\d+(?:\.\d+)?\]|(?:hv_\w+|storvsc|netvsc|vmbus\w*|hn\d+|sd \d+:\d|scsi \d+:\d)[:\s]|[$#>]\s|PS\s?[A-Z]:?\\?[^>]*>|[A-Z_]+=|[\w.-]+:\s*<|\d+:\s+\w+:\s*<|[-=]{3,}|[\w-]+\s{2,}\S+\s{2,})/;

/**
 * The sentence of a message that asks: in "We moved our CentOS 7 VMs last week. Memory never grows. Is dynamic memory
 * supported?" the context comes first and the question last. Pasted output (code fences, log lines) is never it.
 * Undefined when the message is one sentence.
 */
export function askedSentence(text: string): string | undefined {
  const parts = askingParts(text);
  return parts && (parts.before === undefined ? parts.asking : `${parts.before} ${parts.asking}`);
}

/**
 * The sentence that asks, and the sentence before it when the asking one is only a few words ("Do they?", "why the 9.3
 * one?"): those ask about what the sentence before says.
 */
export function askingParts(text: string): { readonly asking: string; readonly before?: string } | undefined {
  const sentences = text
    .replace(/```[\s\S]*?(```|$)/g, '\n')
    // A quote or bracket may close after the full stop: '… hosts are WS2019." Is RHEL 8.6 supported?'
    .split(/\n+|(?<=[.?!]["'”’)\]]?)\s+(?=\S)/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]{2}/i.test(s) && !PASTED_LINE.test(s));
  if (sentences.length < 2) return undefined;
  let at = sentences.length - 1;
  for (let i = sentences.length - 1; i >= 0; i--)
    if (sentences[i]!.includes('?')) {
      at = i;
      break;
    }
  const asking = sentences[at]!;
  return at > 0 && asking.split(/\s+/).length < 5 ? { asking, before: sentences[at - 1]! } : { asking };
}
