/**
 * The sentence of a message that asks: in "We moved our CentOS 7 VMs last week. Memory never grows. Is dynamic memory
 * supported?" the context comes first and the question last. Pasted output (code fences, log lines) is never it.
 * Undefined when the message is one sentence.
 */
export function askedSentence(text: string): string | undefined {
  const sentences = text
    .replace(/```[\s\S]*?(```|$)/g, '\n')
    .split(/\n+|(?<=[.?!])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]{2}/i.test(s));
  if (sentences.length < 2) return undefined;
  let at = sentences.length - 1;
  for (let i = sentences.length - 1; i >= 0; i--)
    if (sentences[i]!.includes('?')) {
      at = i;
      break;
    }
  // "Do they?", "What's the trick?": a few words ask about what the sentence before says.
  const asked = sentences[at]!;
  return at > 0 && asked.split(/\s+/).length < 5 ? `${sentences[at - 1]} ${asked}` : asked;
}
