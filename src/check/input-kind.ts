import { normaliseColumn } from './inventory/columns.ts';
import { splitCsv } from './inventory/csv-records.ts';
import { decodeText, junkShare } from './parse/decode.ts';

const MAGIC: ReadonlyArray<readonly [number[], string]> = [
  [[0x1f, 0x8b], 'gzip-compressed'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
];

/** Above this share of control bytes the start of a file is no text at all. A few NUL bytes in one section are not that. */
const BINARY_HEAD_SHARE = 0.3;

/**
 * Why the start of a file looks like no text at all, or undefined when it looks like text (UTF-8 or UTF-16).
 * Damaged regions inside text (NUL bytes, escapes) are the parser's business: it skips and reports them.
 */
export function binaryReason(head: Buffer): string | undefined {
  for (const [bytes, what] of MAGIC) if (bytes.every((b, i) => head[i] === b)) return what;
  if (head.length === 0 || junkShare(decodeText(head).text) <= BINARY_HEAD_SHARE) return undefined;
  return head.includes(0) ? 'binary (it is mostly NUL bytes and control characters)' : 'binary';
}

export type InputKind = 'bundle' | 'jsonl' | 'csv';

/** An inventory starts with a JSON object line or a CSV header of inventory columns; anything else is one guest's upload. */
export function sniffInput(head: Buffer): InputKind {
  const { text } = decodeText(head);
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (first.trimStart().startsWith('{')) return 'jsonl';
  if (first.includes(',')) {
    const fields = splitCsv(first) ?? [];
    const columns = fields.map(normaliseColumn);
    // A vm_id column (or an alias such as "vm_name"), or at least two inventory columns, makes a header row.
    if (columns.includes('vm_id') || columns.filter(Boolean).length >= 2) return 'csv';
  }
  return 'bundle';
}
