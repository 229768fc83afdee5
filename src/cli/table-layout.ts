import { ellipsis } from '../core/ellipsis.ts';

/** A table with a label column and data columns whose headers may take two lines. */
export interface WideTable {
  readonly labelHeader: string;
  readonly labels: readonly string[];
  /** Each column's header as lines (e.g. the versions, then how integration services come). */
  readonly headers: ReadonlyArray<readonly string[]>;
  /** cells[row][column], one or a few characters each. */
  readonly cells: ReadonlyArray<readonly string[]>;
}

const MAX_COLUMN = 14;
const MIN_LABEL = 16;

/** The width to lay text out for: the terminal's, COLUMNS when piped, else 100. */
export function outputWidth(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): number {
  const tty = stream as { isTTY?: boolean; columns?: number };
  if (tty.isTTY && tty.columns) return Math.max(40, tty.columns);
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv >= 40 ? fromEnv : 100;
}

/**
 * Lays the table out within `width` characters: long labels and headers are cut with "…", and columns that do not
 * fit go to further blocks, each repeating the label column, so nothing wraps and nothing is lost.
 */
export function layoutWideTable(table: WideTable, width: number): string[] {
  const headerLines = Math.max(1, ...table.headers.map((h) => h.length));
  const widths = table.headers.map((h, i) =>
    Math.min(MAX_COLUMN, Math.max(3, ...h.map((l) => l.length), ...table.cells.map((r) => (r[i] ?? '').length))),
  );
  const labelWidth = Math.min(
    Math.max(table.labelHeader.length, ...table.labels.map((l) => l.length)),
    Math.max(MIN_LABEL, Math.floor(width / 3)),
  );
  const blocks: number[][] = [];
  let current: number[] = [];
  let used = labelWidth;
  widths.forEach((w, i) => {
    if (current.length > 0 && used + 3 + w > width) {
      blocks.push(current);
      current = [];
      used = labelWidth;
    }
    current.push(i);
    used += 3 + w;
  });
  if (current.length) blocks.push(current);

  const lines: string[] = [];
  blocks.forEach((columns, b) => {
    if (blocks.length > 1)
      lines.push(`${b > 0 ? '\n' : ''}Columns ${columns[0]! + 1}–${columns[columns.length - 1]! + 1} of ${widths.length}:`);
    const row = (label: string, values: string[]) => `${ellipsis(label, labelWidth).padEnd(labelWidth)} | ${values.join(' | ')}`.trimEnd();
    for (let l = 0; l < headerLines; l++) {
      lines.push(
        row(
          l === 0 ? table.labelHeader : '',
          columns.map((c) => ellipsis(table.headers[c]![l] ?? '', widths[c]!).padEnd(widths[c]!)),
        ),
      );
    }
    lines.push(`${'-'.repeat(labelWidth)}-|-${columns.map((c) => '-'.repeat(widths[c]!)).join('-|-')}`);
    table.labels.forEach((label, r) =>
      lines.push(
        row(
          label,
          columns.map((c) => (table.cells[r]![c] ?? '').padEnd(widths[c]!)),
        ),
      ),
    );
  });
  return lines;
}
