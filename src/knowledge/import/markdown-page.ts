// Splits a Microsoft Learn markdown page into the parts the matrix importer needs:
// front matter, headings, tables (markdown and raw HTML) and the ordered "Notes" list.
import { parseHtmlTable } from './html-table.ts';
import { cleanInline, indentOf } from './text.ts';

export interface Heading {
  readonly level: number;
  /** Heading text without markup or `<a name=…>` anchors. */
  readonly text: string;
  /** 0-based index of the heading's text line. */
  readonly line: number;
  /** 0-based index of the first line after the heading (setext headings take two lines). */
  readonly endLine: number;
}

export interface TableRow {
  /** 1-based line of the row in the page (for HTML tables, the table's first line). */
  readonly line: number;
  /** Raw cell text, trimmed, padded to the header width. */
  readonly cells: string[];
}

export interface PageTable {
  readonly kind: 'markdown' | 'html';
  /** 1-based line where the table starts. */
  readonly line: number;
  /** The nearest heading above the table. */
  readonly heading: Heading | undefined;
  /** Raw header labels per column; two levels for a two-level HTML header ("7.5-7.8", "RHCK"). */
  readonly headerLevels: string[][];
  /** One display label per column: "7.5-7.8 (RHCK)" for a two-level header. */
  readonly header: string[];
  readonly rows: TableRow[];
  /** Rows wider than the header, overlapping spans and the like. */
  readonly problems: string[];
}

export interface PageNote {
  /** Ordinal position in the list (1, 2, 3 …) whatever number the item is written with. */
  readonly position: number;
  /** The number as written ("1." on pages that number every item 1). */
  readonly written: number;
  /** The note's markdown, marker removed and continuation lines dedented. */
  readonly text: string;
  /** "(Intentionally omitted …)": the page keeps the number but the note is gone. */
  readonly placeholder: boolean;
  /** 1-based line of the item. */
  readonly line: number;
}

export interface MarkdownPage {
  readonly frontMatter: Readonly<Record<string, string>>;
  /** Front matter `title`, else the first level-1 heading. */
  readonly title: string | undefined;
  readonly headings: readonly Heading[];
  readonly tables: readonly PageTable[];
  /** The `Notes` list; undefined when the page has no Notes heading. */
  readonly notes: readonly PageNote[] | undefined;
  readonly notesHeading: Heading | undefined;
  /** Signs that the input was cut off: unclosed front matter, HTML table or code fence; or the page ends inside a table. */
  readonly truncation: readonly string[];
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const ORDERED_ITEM = /^(\s*)(\d{1,3})[.)](?:[ \t]+(.*)|[ \t]*)$/;
const PLACEHOLDER = /^\(?\s*intentionally\s+omitted\b/i;

function readFrontMatter(lines: string[]): { frontMatter: Record<string, string>; bodyStart: number; unclosed: boolean } {
  const frontMatter: Record<string, string> = {};
  if (lines[0]?.trim() !== '---') return { frontMatter, bodyStart: 0, unclosed: false };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---' || line.trim() === '...') return { frontMatter, bodyStart: i + 1, unclosed: false };
    const match = /^([A-Za-z0-9_.-]+):\s*(.*)$/.exec(line);
    if (match)
      frontMatter[match[1]!] = match[2]!
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2')
        .trim();
  }
  return { frontMatter, bodyStart: lines.length, unclosed: true };
}

/** Splits a markdown table row on unescaped pipes outside code spans; drops the outer pipes. */
export function splitRow(line: string): string[] {
  const text = line.trim();
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i += 1;
    } else if (ch === '`') {
      inCode = !inCode;
      current += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  if (text.startsWith('|')) cells.shift();
  if (text.endsWith('|') && !text.endsWith('\\|') && cells.length > 0) cells.pop();
  return cells.map((cell) => cell.trim());
}

function isListOrQuote(line: string): boolean {
  return /^\s*([-*+]|\d+[.)])\s/.test(line) || /^\s*>/.test(line);
}

function displayHeader(levels: string[]): string {
  const [first = '', ...rest] = levels;
  return [first, ...rest.map((level) => `(${level})`)].join(' ').trim();
}

/** Pads short rows to the header width; trims rows that are longer only by empty cells. */
function fitRow(cells: string[], width: number, line: number, problems: string[]): string[] {
  if (cells.length < width) return [...cells, ...Array<string>(width - cells.length).fill('')];
  if (cells.length > width) {
    const extra = cells.slice(width);
    if (extra.some((cell) => cell !== ''))
      problems.push(
        `line ${line}: row has ${cells.length} cells, header has ${width}; extra cells ignored: ${extra.filter(Boolean).join(' | ')}`,
      );
    return cells.slice(0, width);
  }
  return cells;
}

function headingText(raw: string): string {
  return cleanInline(raw.replace(/<a\s+name=["'][^"']*["']\s*>\s*<\/a>/gi, ''));
}

export function parseMarkdownPage(input: string): MarkdownPage {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const { frontMatter, bodyStart, unclosed } = readFrontMatter(lines);
  const truncation: string[] = [];
  if (unclosed) truncation.push('the front matter is never closed');
  const headings: Heading[] = [];
  const tables: PageTable[] = [];
  let fence: string | undefined;
  let lastBlock: 'table' | 'other' = 'other';

  let i = bodyStart;
  while (i < lines.length) {
    const line = lines[i]!;
    if (fence !== undefined) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[1]) fence = undefined;
      i += 1;
      continue;
    }
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = open[1]!;
      lastBlock = 'other';
      i += 1;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      headings.push({ level: atx[1]!.length, text: headingText(atx[2] ?? ''), line: i, endLine: i + 1 });
      lastBlock = 'other';
      i += 1;
      continue;
    }
    if (/^\s*<table\b/i.test(line)) {
      const { table, next } = readHtmlTable(lines, i, headings[headings.length - 1], truncation);
      tables.push(table);
      lastBlock = 'table';
      i = next;
      continue;
    }
    const next = lines[i + 1];
    if (line.includes('|') && next !== undefined && next.includes('|') && next.includes('-') && DELIMITER_ROW.test(next)) {
      const { table, next: after } = readPipeTable(lines, i, headings[headings.length - 1]);
      tables.push(table);
      lastBlock = 'table';
      i = after;
      continue;
    }
    if (
      next !== undefined &&
      SETEXT_UNDERLINE.test(next) &&
      !line.includes('|') &&
      !isListOrQuote(line) &&
      (i === bodyStart || lines[i - 1]!.trim() === '')
    ) {
      headings.push({ level: next.trim().startsWith('=') ? 1 : 2, text: headingText(line), line: i, endLine: i + 2 });
      lastBlock = 'other';
      i += 2;
      continue;
    }
    lastBlock = 'other';
    i += 1;
  }
  if (fence !== undefined) truncation.push('a code block is never closed');
  if (lastBlock === 'table' && tables.length > 0)
    truncation.push(`the page ends inside the table at line ${tables[tables.length - 1]!.line}`);

  const title = frontMatter.title ? cleanInline(frontMatter.title) : headings.find((h) => h.level === 1)?.text;
  const { notes, notesHeading } = readNotes(lines, headings, tables[0]?.line ?? 0);
  return { frontMatter, title, headings, tables, notes, notesHeading, truncation };
}

/** An HTML table from its opening line to `</table>` (or the end of the page, which is reported). */
function readHtmlTable(
  lines: readonly string[],
  start: number,
  heading: Heading | undefined,
  truncation: string[],
): { table: PageTable; next: number } {
  let end = start;
  while (end < lines.length && !/<\/table>/i.test(lines[end]!)) end += 1;
  if (end >= lines.length) {
    truncation.push(`the HTML table at line ${start + 1} is never closed`);
    end = lines.length - 1;
  }
  const grid = parseHtmlTable(lines.slice(start, end + 1).join('\n'));
  const width = grid.headerLevels.length;
  const table: PageTable = {
    kind: 'html',
    line: start + 1,
    heading,
    headerLevels: grid.headerLevels,
    header: grid.headerLevels.map(displayHeader),
    rows: grid.rows.map((cells) => ({ line: start + 1, cells: cells.slice(0, width) })),
    problems: grid.problems,
  };
  return { table, next: end + 1 };
}

/** A pipe table: the header line, the delimiter row, then rows until a blank line, a heading or a line without `|`. */
function readPipeTable(lines: readonly string[], start: number, heading: Heading | undefined): { table: PageTable; next: number } {
  const header = splitRow(lines[start]!);
  const problems: string[] = [];
  const rows: TableRow[] = [];
  let j = start + 2;
  while (j < lines.length && lines[j]!.trim() !== '' && lines[j]!.includes('|') && !ATX.test(lines[j]!)) {
    rows.push({ line: j + 1, cells: fitRow(splitRow(lines[j]!), header.length, j + 1, problems) });
    j += 1;
  }
  const table: PageTable = {
    kind: 'markdown',
    line: start + 1,
    heading,
    headerLevels: header.map((h) => (h === '' ? [] : [h])),
    header,
    rows,
    problems,
  };
  return { table, next: j };
}

/** The Notes list: under the first "Notes" heading after the first table (or the first one at all). */
function readNotes(
  lines: readonly string[],
  headings: readonly Heading[],
  firstTableLine: number,
): { notes: PageNote[] | undefined; notesHeading: Heading | undefined } {
  const notesHeadings = headings.filter((h) => /^notes:?$/i.test(h.text));
  const notesHeading = notesHeadings.find((h) => h.line + 1 > firstTableLine) ?? notesHeadings[0];
  if (!notesHeading) return { notes: undefined, notesHeading: undefined };
  const end = headings.find((h) => h.line > notesHeading.line)?.line ?? lines.length;
  return { notes: parseNoteList(lines, notesHeading.endLine, end), notesHeading };
}

/**
 * Reads the ordered list under the Notes heading. Notes count by position, so a list that writes every
 * item as "1." still gives notes 1, 2, 3. A note runs to the next item at the list's own indent; nested
 * lists, code blocks and indented paragraphs belong to it. A paragraph back at the list's indent after a
 * blank line ("See Also", "**Additional Notes**") ends the list.
 */
export function parseNoteList(lines: readonly string[], start: number, end: number): PageNote[] {
  interface Draft {
    written: number;
    line: number;
    first: string;
    rest: string[];
    contentIndent: number;
  }
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let topIndent: number | undefined;
  let blankBefore = false;
  let fence: string | undefined;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (fence !== undefined) {
      current?.rest.push(line);
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && line.trim() === close[1]) fence = undefined;
      continue;
    }
    if (line.trim() === '') {
      if (current) current.rest.push('');
      blankBefore = true;
      continue;
    }
    const indent = indentOf(line);
    const item = ORDERED_ITEM.exec(line);
    if (item && (topIndent === undefined ? indent <= 3 : indent <= topIndent)) {
      topIndent ??= indent;
      const markerWidth = item[0].length - (item[3]?.length ?? 0);
      current = { written: Number(item[2]), line: i + 1, first: item[3] ?? '', rest: [], contentIndent: Math.max(markerWidth, indent + 2) };
      drafts.push(current);
    } else if (current && (indent > (topIndent ?? 0) || !blankBefore)) {
      current.rest.push(line);
      const open = FENCE.exec(line);
      if (open) fence = open[1];
    } else if (current) {
      break;
    }
    blankBefore = false;
  }
  return drafts.map((draft, index) => {
    const rest = draft.rest.map((line) => stripIndent(line, draft.contentIndent).trimEnd());
    const text = [draft.first.trim(), ...rest]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { position: index + 1, written: draft.written, text, placeholder: PLACEHOLDER.test(text), line: draft.line };
  });
}

function stripIndent(line: string, columns: number): string {
  let width = 0;
  let cut = 0;
  while (cut < line.length && width < columns && (line[cut] === ' ' || line[cut] === '\t')) {
    width += line[cut] === '\t' ? 4 - (width % 4) : 1;
    cut += 1;
  }
  return line.slice(cut);
}
