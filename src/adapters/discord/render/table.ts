import type { APIEmbedField } from 'discord.js';
import type { ReplyTable } from '../../../core/reply.ts';
import { safeMarkdown, truncate } from './escape.ts';
import { EMBED_LIMITS } from './limits.ts';

/** With more distinct values than this a column is listed row by row rather than grouped by value. */
const MAX_GROUPS = 6;

function groupLine(value: string, labels: readonly string[]): string {
  return `${safeMarkdown(value || '·', 40)} ${labels
    .slice(0, 60)
    .map((label) => safeMarkdown(label, 100))
    .join(' · ')}`;
}

/**
 * A table as embed fields, one per data column (a matrix: one per release column). Rows are grouped by
 * cell value; the commonest value is summarised as "N others" so a 30-row column stays a few lines:
 * "✔ 27 others / ✖ TRIM support · SR-IOV networking".
 */
export function tableFields(table: ReplyTable): APIEmbedField[] {
  const columns = table.columns.slice(1);
  return columns.map((column, index) => {
    const name = truncate(safeMarkdown(column.trim() || `Column ${index + 2}`, EMBED_LIMITS.fieldName), EMBED_LIMITS.fieldName);
    if (table.rows.length === 0) return { name, value: 'No rows.' };
    const groups = new Map<string, string[]>();
    for (const row of table.rows) {
      const value = (row[index + 1] ?? '').trim();
      const labels = groups.get(value) ?? [];
      labels.push((row[0] ?? '').trim() || '?');
      groups.set(value, labels);
    }
    let lines: string[];
    if (groups.size > MAX_GROUPS) {
      lines = table.rows
        .slice(0, 60)
        .map((row) => `${safeMarkdown((row[0] ?? '').trim(), 100)}: ${safeMarkdown((row[index + 1] ?? '').trim(), 100)}`);
    } else if (groups.size === 1) {
      const [value, labels] = [...groups][0]!;
      lines = [`${safeMarkdown(value || '·', 40)} all ${labels.length}`];
    } else {
      const ordered = [...groups].sort((a, b) => a[1].length - b[1].length);
      const [largestValue, largest] = ordered.pop()!;
      lines = [
        ...ordered.map(([value, labels]) => groupLine(value, labels)),
        `${safeMarkdown(largestValue || '·', 40)} ${largest.length} others`,
      ];
    }
    return { name, value: truncate(lines.join('\n'), EMBED_LIMITS.fieldValue) };
  });
}

/** A table as one field per row: the first cell names it, the others are "column: value" lines. */
export function rowFields(table: ReplyTable): APIEmbedField[] {
  return table.rows.map((row, index) => ({
    name: truncate(safeMarkdown((row[0] ?? '').trim() || `Row ${index + 1}`, EMBED_LIMITS.fieldName), EMBED_LIMITS.fieldName),
    value: truncate(
      table.columns
        .slice(1, 20)
        .map((column, c) => `${safeMarkdown(column, 100)}: ${safeMarkdown((row[c + 1] ?? '').trim() || '–', 500)}`)
        .join('\n') || '–',
      EMBED_LIMITS.fieldValue,
    ),
  }));
}
