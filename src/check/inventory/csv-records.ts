/**
 * Joins physical lines into CSV records (RFC 4180: quoted fields may hold commas, quotes
 * and line breaks). Works line by line so a large file is never held in memory; a record
 * that grows past the limit (e.g. an unclosed quote) is dropped and reported.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export type CsvEvent = { record: CsvRecord } | { tooLong: { line: number } };

const MAX_RECORD_CHARS = 64 * 1024;
const MAX_FIELDS = 100;

/** Splits one complete record; returns undefined while a quote is still open. */
export function splitCsv(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      if (fields.length >= MAX_FIELDS) return fields;
    } else field += ch;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}

/** Quote state of a record being read, updated line by line so a long quoted field costs linear time. */
interface ScanState {
  quoted: boolean;
  /** The current field holds nothing but whitespace (a quote there opens a quoted field). */
  blank: boolean;
  fields: number;
}

/** What String.prototype.trim removes, checked cheaply for the common ASCII case. */
function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || (ch !== undefined && ch > '\u007f' && /\s/.test(ch));
}

/** Advances the state over one physical line, by the same rules as splitCsv. */
function scan(line: string, s: ScanState): void {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (s.quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          i++;
          s.blank = false;
        } else s.quoted = false;
      } else if (!isSpace(ch)) s.blank = false;
    } else if (ch === '"' && s.blank) {
      s.quoted = true;
    } else if (ch === ',') {
      s.fields++;
      s.blank = true;
      if (s.fields >= MAX_FIELDS) return;
    } else if (!isSpace(ch)) s.blank = false;
  }
}

export async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<CsvEvent> {
  let pending: string | undefined;
  let start = 0;
  let lineNo = 0;
  const state: ScanState = { quoted: false, blank: true, fields: 0 };
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\ufeff/, '') : raw;
    if (pending === undefined) {
      pending = line;
      start = lineNo;
      state.quoted = false;
      state.blank = true;
      state.fields = 0;
    } else pending += `\n${line}`;
    if (pending.length > MAX_RECORD_CHARS) {
      yield { tooLong: { line: start } };
      pending = undefined;
      continue;
    }
    scan(line, state);
    if (state.quoted && state.fields < MAX_FIELDS) continue;
    const fields = splitCsv(pending);
    if (!fields) continue;
    pending = undefined;
    if (fields.length === 1 && fields[0]?.trim() === '') continue;
    yield { record: { fields, line: start } };
  }
  if (pending !== undefined) yield { tooLong: { line: start } };
}
