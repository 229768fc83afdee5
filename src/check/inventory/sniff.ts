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
    if (fields.some((f) => normaliseColumn(f) === 'vm_id')) return 'csv';
  }
  return 'bundle';
}
