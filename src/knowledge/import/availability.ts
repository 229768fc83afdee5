// Reads a column's Availability ("LIS Availability") cell into how the guest gets its integration services.
import type { Integration } from '../schema/matrix.ts';
import { extractNotes } from './cells.ts';
import { cleanInline } from './text.ts';

export type AvailabilityResult =
  | { readonly ok: true; readonly integration: Integration }
  | { readonly ok: true; readonly integration: undefined }
  | { readonly ok: false; readonly reason: string };

/**
 * "Built in" / "Built-in" / "Built in (Note 6)" → built-in; "[LIS 4.3](…)" / "LIS 4.1" → download of that package;
 * "[Ports](…) Note 1" → ports. An empty cell gives no integration (the caller decides what to assume).
 */
export function parseAvailability(raw: string): AvailabilityResult {
  const { notes, rest } = extractNotes(cleanInline(raw));
  const text = rest
    .replace(/[\s(),;:]+/g, ' ')
    .replace(/\.$/, '')
    .trim();
  if (text === '' && notes.length === 0) return { ok: true, integration: undefined };
  if (/^built[\s-]*in$/i.test(text)) return { ok: true, integration: { kind: 'built-in', notes } };
  const lis = /^(?:Microsoft\s+)?LIS\s*v?(\d+(?:\.\d+)*)(?:\s+download)?$/i.exec(text);
  if (lis) return { ok: true, integration: { kind: 'download', package: `LIS ${lis[1]}`, notes } };
  if (/^ports?$/i.test(text)) return { ok: true, integration: { kind: 'ports', notes } };
  if (/^(?:none|not available|n\/a)$/i.test(text)) return { ok: true, integration: { kind: 'none', notes } };
  return { ok: false, reason: `cannot read the Availability cell "${raw.trim()}"` };
}
