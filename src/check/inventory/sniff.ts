import { normaliseColumn } from './columns.ts';
import { splitCsv } from './csv-records.ts';

export type InputKind = 'bundle' | 'jsonl' | 'csv';

/** An inventory starts with a JSON object line or a CSV header naming vm_id; anything else is one guest's upload. */
export function sniffInput(head: Buffer): InputKind {
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (first.trimStart().startsWith('{')) return 'jsonl';
  if (first.includes(',')) {
    const fields = splitCsv(first) ?? [];
    const columns = fields.map(normaliseColumn);
    // A vm_id column (or an alias such as "name"), or at least two inventory columns, makes a header row.
    if (columns.includes('vm_id') || columns.filter(Boolean).length >= 2) return 'csv';
  }
  return 'bundle';
}
