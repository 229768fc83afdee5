import { firstOutputLineAt, firstPromptedCommandAt } from '../check/parse/paste.ts';

/** How much of a message is read for pasted collector output: more than any chat platform lets a message hold. */
const MAX_PASTED_CHARS = 64 * 1024;

const SECTION_MARKER = /^[ \t]*###\s*lischeck-(?:meta|end)\b/m;
const CODE_FENCE = /^[ \t]*```\w*[ \t]*$/gm;

/** Whether a text holds the collector's report (its section markers). */
export function isCollectorReport(text: string): boolean {
  return SECTION_MARKER.test(text);
}

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

const FENCED_BLOCK = /```[^\n]*\n?([\s\S]*?)(?:```|$)/g;

/**
 * Terminal output pasted with a request to check a VM ("check this: $ cat /etc/os-release …"): the fenced blocks,
 * or the message from its first prompted command on. The check reads such a paste as it reads an upload of one.
 * Undefined when the message shows neither.
 */
export function pastedCommandOutput(rawMessage: string): string | undefined {
  const text = rawMessage.length > MAX_PASTED_CHARS ? rawMessage.slice(0, MAX_PASTED_CHARS) : rawMessage;
  const fenced = [...text.matchAll(FENCED_BLOCK)].map((m) => m[1]!.trim()).filter(Boolean);
  if (fenced.length > 0) return fenced.join('\n');
  // The prompts and commands the check's paste reader itself routes to sections.
  const at = firstPromptedCommandAt(text);
  return at === undefined ? undefined : text.slice(at);
}

/**
 * What a request to check a VM holds to check: the collector's report, fenced or prompted command output, or else
 * output pasted bare under the request ("check this vm:" above a Get-VMIntegrationService table), from its first line
 * the check's paste reader recognises.
 */
export function pastedOutputToCheck(rawMessage: string): string | undefined {
  const report = pastedCollectorOutput(rawMessage);
  if (report !== undefined) return report;
  const text = rawMessage.length > MAX_PASTED_CHARS ? rawMessage.slice(0, MAX_PASTED_CHARS) : rawMessage;
  if (text.includes('```')) return pastedCommandOutput(text);
  // Log lines pasted above the first prompt ("kernel: hv_utils: KVP: …" then "$ rpm -q hypervkvpd") are output too.
  const starts = [firstPromptedCommandAt(text), firstOutputLineAt(text)].filter((at): at is number => at !== undefined);
  return starts.length === 0 ? undefined : text.slice(Math.min(...starts));
}
