// Reads a raw HTML <table> (as on the Oracle 2023 7.x series) into a grid, expanding rowspan and colspan.
import { Parser } from 'htmlparser2';

interface HtmlCell {
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
  readonly isHeader: boolean;
}

export interface HtmlTableGrid {
  /** Header labels per column, top level first: ["7.5-7.8", "RHCK"]. */
  readonly headerLevels: string[][];
  /** Body rows, every row as wide as the widest row. A feature name carried down by rowspan reads as empty. */
  readonly rows: string[][];
  readonly problems: string[];
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
}

function readRows(html: string): HtmlCell[][] {
  const rows: HtmlCell[][] = [];
  let row: HtmlCell[] | undefined;
  let cell: { parts: string[]; rowspan: number; colspan: number; isHeader: boolean } | undefined;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'table') depth += 1;
        if (depth > 1) {
          if (cell && name === 'br') cell.parts.push('<br/>');
          return;
        }
        if (name === 'tr') row = [];
        else if ((name === 'td' || name === 'th') && row) {
          cell = { parts: [], rowspan: span(attribs.rowspan), colspan: span(attribs.colspan), isHeader: name === 'th' };
        } else if (name === 'br' && cell) cell.parts.push('<br/>');
      },
      ontext(text) {
        if (cell) cell.parts.push(text);
      },
      onclosetag(name) {
        if (name === 'table') depth -= 1;
        if (depth > 1) return;
        if ((name === 'td' || name === 'th') && cell && row) {
          row.push({
            text: cell.parts.join('').replace(/\s+/g, ' ').trim(),
            rowspan: cell.rowspan,
            colspan: cell.colspan,
            isHeader: cell.isHeader,
          });
          cell = undefined;
        } else if (name === 'tr' && row) {
          rows.push(row);
          row = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return rows;
}

/** Expands a table's rows into a rectangular grid. The header is the first row plus the rows its rowspans cover. */
export function parseHtmlTable(html: string): HtmlTableGrid {
  const problems: string[] = [];
  const rows = readRows(html);
  if (rows.length === 0) return { headerLevels: [], rows: [], problems: ['the HTML table has no rows'] };

  interface Slot {
    text: string;
    origin: boolean;
    fromAbove: boolean;
  }
  const grid: Slot[][] = [];
  rows.forEach((cells, r) => {
    const slots = (grid[r] ??= []);
    let c = 0;
    for (const cell of cells) {
      while (slots[c] !== undefined) c += 1;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const target = (grid[r + dr] ??= []);
          if (target[c + dc] !== undefined) problems.push(`overlapping cells at row ${r + dr + 1}, column ${c + dc + 1}`);
          target[c + dc] = { text: cell.text, origin: dr === 0 && dc === 0, fromAbove: dr > 0 };
        }
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(...grid.map((r) => r.length));

  const firstRow = rows[0]!;
  let headerCount = Math.max(1, ...firstRow.map((cell) => cell.rowspan));
  while (headerCount < rows.length && rows[headerCount]!.length > 0 && rows[headerCount]!.every((cell) => cell.isHeader)) headerCount += 1;
  headerCount = Math.min(headerCount, grid.length);

  const headerLevels: string[][] = [];
  for (let c = 0; c < width; c++) {
    const levels: string[] = [];
    for (let r = 0; r < headerCount; r++) {
      const text = grid[r]?.[c]?.text ?? '';
      if (text !== '' && levels[levels.length - 1] !== text) levels.push(text);
    }
    headerLevels.push(levels);
  }
  const body = grid.slice(headerCount).map((slots) =>
    Array.from({ length: width }, (_, c) => {
      const slot = slots[c];
      if (!slot) return '';
      // A feature name carried down by rowspan starts a continuation row, as in a split markdown row.
      return c === 0 && slot.fromAbove ? '' : slot.text;
    }),
  );
  return { headerLevels, rows: body, problems };
}
