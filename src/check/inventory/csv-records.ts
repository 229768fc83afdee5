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
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
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

export async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<CsvEvent> {
  let pending: string | undefined;
  let start = 0;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\ufeff/, '') : raw;
    if (pending === undefined) { pending = line; start = lineNo; } else pending += `\n${line}`;
    if (pending.length > MAX_RECORD_CHARS) {
      yield { tooLong: { line: start } };
      pending = undefined;
      continue;
    }
    const fields = splitCsv(pending);
    if (!fields) continue;
    pending = undefined;
    if (fields.length === 1 && fields[0]?.trim() === '') continue;
    yield { record: { fields, line: start } };
  }
  if (pending !== undefined) yield { tooLong: { line: start } };
}
