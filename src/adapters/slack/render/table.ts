import type { ReplyTable } from '../../../core/reply.ts';
import { escapeCode, escapeMrkdwn, truncate } from './escape.ts';

/** A table as message sections: each is complete on its own (header repeated), so pages can split between them. */
export interface TableSections {
  readonly sections: readonly string[];
  /** Data rows per section, in order. */
  readonly rowsPerSection: readonly number[];
}

/** A code-block grid is used up to this many characters per line; wider tables use numbered columns or records. */
const GRID_WIDTH = 90;
const NUMBERED_GRID_WIDTH = 110;
/** Cells longer than this make a grid unreadable: such tables become one line per row. */
const GRID_CELL_MAX = 60;
const CELL_MAX = 1000;
/** Numbered columns only pay off for many narrow columns (a family matrix). */
const NUMBERED_MIN_COLUMNS = 5;

function cleanCell(cell: string | undefined): string {
  return truncate((cell ?? '').replace(/\s+/g, ' ').trim(), CELL_MAX);
}

function gridLines(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  gap: string,
): { head: string[]; body: string[]; width: number } {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(gap)
      .trimEnd();
  const width = widths.reduce((sum, w) => sum + w, 0) + gap.length * Math.max(0, widths.length - 1);
  return { head: [line(header), widths.map((w) => '─'.repeat(w)).join(gap)], body: rows.map(line), width };
}

/** Packs lines into sections of at most maxChars, each wrapped by the same prefix and suffix. */
function pack(lines: readonly string[], prefix: string, suffix: string, maxChars: number): TableSections {
  const sections: string[] = [];
  const counts: number[] = [];
  let current: string[] = [];
  const size = (candidate: readonly string[]) => prefix.length + suffix.length + candidate.reduce((n, l) => n + l.length + 1, 0);
  for (const raw of lines) {
    const line = truncate(raw, maxChars - prefix.length - suffix.length - 1);
    if (current.length > 0 && size([...current, line]) > maxChars) {
      sections.push(`${prefix}${current.join('\n')}${suffix}`);
      counts.push(current.length);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) {
    sections.push(`${prefix}${current.join('\n')}${suffix}`);
    counts.push(current.length);
  }
  return { sections, rowsPerSection: counts };
}

/**
 * Renders a table for Slack. Narrow tables become a monospace grid; wide ones a grid with numbered columns and a
 * legend (a family matrix: about 30 features by up to 15 releases); tables with long cells become one line per row.
 * Every cell is escaped.
 */
export function renderTable(table: ReplyTable, maxSectionChars: number): TableSections {
  const header = table.columns.map(cleanCell);
  const rows = table.rows.map((row) => header.map((_, i) => cleanCell(row[i])));
  const escapedHeader = header.map(escapeCode);
  const escapedRows = rows.map((row) => row.map(escapeCode));

  const narrowCells = rows.every((row) => row.every((cell) => cell.length <= GRID_CELL_MAX));
  const full = gridLines(escapedHeader, escapedRows, '  ');
  if (narrowCells && full.width <= GRID_WIDTH) {
    return pack(full.body, `\`\`\`\n${full.head.join('\n')}\n`, '\n```', maxSectionChars);
  }
  const numberedHeader = [escapedHeader[0] ?? '', ...escapedHeader.slice(1).map((_, i) => String(i + 1))];
  const numbered = gridLines(numberedHeader, escapedRows, ' ');
  if (narrowCells && header.length >= NUMBERED_MIN_COLUMNS && numbered.width <= NUMBERED_GRID_WIDTH) {
    const legend = escapedHeader.slice(1).map((label, i) => `${String(i + 1).padStart(2)} = ${label}`);
    return pack(numbered.body, `\`\`\`\n${numbered.head.join('\n')}\n`, `\n\n${legend.join('\n')}\n\`\`\``, maxSectionChars);
  }
  const records = rows.map((row) => {
    const [first, ...rest] = row;
    const details = rest.map((cell, i) => `${escapeMrkdwn(header[i + 1] ?? '')}: ${escapeMrkdwn(cell)}`).join('; ');
    return `• *${escapeMrkdwn(first ?? '')}*${details ? ` — ${details}` : ''}`;
  });
  return pack(records, '', '', maxSectionChars);
}
