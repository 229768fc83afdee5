import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { GuestFacts } from '../guest-facts.ts';
import type { Diagnostic } from '../parse/diagnostics.ts';
import { INVENTORY_COLUMNS, normaliseColumn, type InventoryColumn, type InventoryRow } from './columns.ts';
import { csvRecords } from './csv-records.ts';
import { looksLikeFormula } from './csv-safe.ts';
import { rowFacts } from './row-facts.ts';

export { csvCell, csvRow, neutraliseCell, looksLikeFormula } from './csv-safe.ts';
export { INVENTORY_COLUMNS, type InventoryColumn } from './columns.ts';

/** One VM of an inventory, or a problem with the file (no vmId then). */
export interface InventoryRecord {
  /** 1-based line of the row in the file. */
  row: number;
  vmId?: string;
  facts: GuestFacts;
  diagnostics: Diagnostic[];
}

export interface InventoryOptions {
  /** Rows after this many are not read. */
  maxRows?: number;
}

export const DEFAULT_MAX_INVENTORY_ROWS = 2_000;
const MAX_JSON_LINE = 64 * 1024;

type Input = Readable | AsyncIterable<string | Buffer> | string | Buffer;

function toStream(input: Input): Readable {
  if (typeof input === 'string' || Buffer.isBuffer(input)) return Readable.from([input]);
  if (input instanceof Readable) return input;
  return Readable.from(input);
}

function diag(code: Diagnostic['code'], message: string, line: number): Diagnostic {
  return { code, message, line, count: 1 };
}

/** Turns CSV records or JSON objects into rows; flags formula-looking cells. */
function toRow(pairs: [string, unknown][], line: number): { row: InventoryRow; diagnostics: Diagnostic[] } {
  const row: InventoryRow = {};
  const diagnostics: Diagnostic[] = [];
  for (const [key, raw] of pairs) {
    const column = normaliseColumn(key);
    if (!column || raw === undefined || raw === null) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') continue;
    const value = String(raw).slice(0, 1000);
    if (looksLikeFormula(value) && !/^-?\d+(?:\.\d+)?$/.test(value)) {
      diagnostics.push(diag('INPUT_CSV_FORMULA', 'A cell starts like a spreadsheet formula; it is treated as plain text.', line));
    }
    row[column] = value;
  }
  return { row, diagnostics };
}

/** Names that are no column: reported once each, at the line that first uses them, so a typo is not silently ignored. */
class UnknownColumns {
  readonly #reported = new Set<string>();

  problem(names: readonly string[], line: number): InventoryRecord | undefined {
    const fresh = [
      ...new Set(names.map((n) => n.trim()).filter((n) => n !== '' && normaliseColumn(n) === undefined && !this.#reported.has(n))),
    ];
    if (fresh.length === 0 || this.#reported.size >= 100) return undefined;
    for (const name of fresh) this.#reported.add(name);
    const shown = fresh
      .slice(0, 10)
      .map((n) => `"${n.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}"`)
      .join(', ');
    const message = `Column${fresh.length > 1 ? 's' : ''} ${shown}${fresh.length > 10 ? ', …' : ''} not recognised and ignored; "lisbot check --help" lists the columns and their aliases (distro, version, host, …).`;
    return { row: line, facts: {}, diagnostics: [diag('INPUT_UNKNOWN_COLUMN', message, line)] };
  }
}

function record(row: InventoryRow, line: number, diagnostics: Diagnostic[]): InventoryRecord {
  const vmId = row.vm_id?.trim() || undefined;
  const out: InventoryRecord = { row: line, facts: rowFacts(row, line), diagnostics };
  if (vmId) out.vmId = vmId.slice(0, 200);
  return out;
}

/**
 * Streams per-VM fact records from a CSV (header row, quoted fields, BOM) or JSON-lines
 * inventory. Lines are read one at a time through node:readline, so memory stays flat
 * whatever the file size. Never throws on bad content; problems are diagnostics.
 */
export async function* parseInventory(input: Input, options: InventoryOptions = {}): AsyncGenerator<InventoryRecord> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_INVENTORY_ROWS;
  const rl = createInterface({ input: toStream(input), crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  let first: IteratorResult<string> = await lines.next();
  let lineNo = 1;
  while (!first.done && first.value.replace(/^\ufeff/, '').trim() === '') {
    first = await lines.next();
    lineNo++;
  }
  if (first.done) return;
  const firstLine = first.value.replace(/^\ufeff/, '');
  const unknown = new UnknownColumns();
  let rows = 0;
  try {
    if (firstLine.trimStart().startsWith('{')) {
      let n = lineNo;
      let text: string | undefined = firstLine;
      while (text !== undefined) {
        if (text.trim() !== '') {
          if (++rows > maxRows) {
            yield { row: n, facts: {}, diagnostics: [diag('INPUT_TOO_MANY_ROWS', `More than ${maxRows} rows; the rest was not read.`, n)] };
            return;
          }
          const parsed = jsonRecord(text, n);
          const notice = unknown.problem(parsed.keys, n);
          if (notice) yield notice;
          yield parsed.record;
        }
        const next: IteratorResult<string> = await lines.next();
        text = next.done ? undefined : next.value;
        n++;
      }
      return;
    }
    async function* rest(): AsyncGenerator<string> {
      yield firstLine;
      for (let next = await lines.next(); !next.done; next = await lines.next()) yield next.value;
    }
    let header: (InventoryColumn | undefined)[] | undefined;
    for await (const event of csvRecords(rest())) {
      const line = ('record' in event ? event.record.line : event.tooLong.line) + lineNo - 1;
      if ('tooLong' in event) {
        yield {
          row: line,
          facts: {},
          diagnostics: [diag('INPUT_ROW_INVALID', 'A row is too long or has an unclosed quote; it was skipped.', line)],
        };
        continue;
      }
      if (!header) {
        header = event.record.fields.map(normaliseColumn);
        if (!header.includes('vm_id')) {
          yield {
            row: line,
            facts: {},
            diagnostics: [
              diag(
                'INPUT_UNKNOWN_FORMAT',
                `The header row has no vm_id column (expected columns: ${INVENTORY_COLUMNS.join(', ')}; vm or vm_name also work).`,
                line,
              ),
            ],
          };
          return;
        }
        const notice = unknown.problem(event.record.fields, line);
        if (notice) yield notice;
        continue;
      }
      if (++rows > maxRows) {
        yield {
          row: line,
          facts: {},
          diagnostics: [diag('INPUT_TOO_MANY_ROWS', `More than ${maxRows} rows; the rest was not read.`, line)],
        };
        return;
      }
      const cols = header;
      const pairs = event.record.fields.map((value, i): [string, unknown] => [cols[i] ?? '', value]);
      const { row, diagnostics } = toRow(pairs, line);
      yield record(row, line, diagnostics);
    }
  } finally {
    rl.close();
  }
}

function jsonRecord(text: string, line: number): { record: InventoryRecord; keys: string[] } {
  const invalid = (message: string) => ({
    record: { row: line, facts: {}, diagnostics: [diag('INPUT_ROW_INVALID', message, line)] },
    keys: [],
  });
  if (text.length > MAX_JSON_LINE) return invalid('A JSON line is too long; it was skipped.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid('A line is not valid JSON; it was skipped.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return invalid('A JSON line is not an object; it was skipped.');
  const { row, diagnostics } = toRow(Object.entries(parsed), line);
  return { record: record(row, line, diagnostics), keys: Object.keys(parsed) };
}
