import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { UsageError, flag, stringOption, writeLine, type CliCommand, type CliIo, type ParsedArgs } from '../command.ts';
import { csvRow } from '../../check/inventory/csv-safe.ts';
import { describeColumns } from '../../check/inventory/columns.ts';
import { binaryReason, sniffInput } from '../../check/input-kind.ts';
import { detectEncoding } from '../../check/parse/decode.ts';
import { MAX_UPLOAD_BYTES } from '../../check/parse/limits.ts';
import {
  checkInventory,
  evaluateBundle,
  INVENTORY_CSV_HEADER,
  inventoryCsvLine,
  InventoryTally,
  renderReportText,
  type CheckOptions,
  type CheckReport,
  type InventoryItem,
  type InventorySummary,
} from '../../check/report/index.ts';
import { plain } from '../../check/rules/helpers.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { dateOption, hostOption, knowledgeBase } from './kb-context.ts';

const HEAD_BYTES = 64 * 1024;
const DEFAULT_MAX_ROWS = 100_000;
const FLUSH_CHARS = 64 * 1024;
const FLUSH_MS = 200;

/** A file we cannot or will not read: exit code 1 with a plain message. */
class InputError extends Error {
  override name = 'InputError';
}

type Source =
  | { kind: 'file'; path: string; size: number; head: Buffer }
  | { kind: 'stdin'; head: Buffer; rest: AsyncIterator<unknown>; ended: boolean };

function fileSource(path: string): Source {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${plain(path, 200)} is a directory; give the collector output file (or an inventory).`);
    if (!stat.isFile()) throw new InputError(`${plain(path, 200)} is not a regular file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `No such file: ${plain(path, 200)}` : `Cannot read ${plain(path, 200)} (${code ?? 'error'}).`);
  }
  const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new InputError(`Cannot read ${plain(path, 200)} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return { kind: 'file', path, size, head };
}

async function stdinSource(stdin: NodeJS.ReadableStream): Promise<Source> {
  const rest = (stdin as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < HEAD_BYTES) {
    const next = await rest.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
    chunks.push(chunk);
    length += chunk.length;
  }
  return { kind: 'stdin', head: Buffer.concat(chunks), rest, ended };
}

/** The whole upload of one guest, refusing anything over the upload limit. */
async function readBundle(source: Source): Promise<Buffer> {
  const tooBig = () =>
    new InputError(
      `The input is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the limit for one guest's collector output. Run the collector again (it caps its output) or check the right file was given.`,
    );
  if (source.kind === 'file') {
    if (source.size > MAX_UPLOAD_BYTES) throw tooBig();
    try {
      return readFileSync(source.path);
    } catch (error) {
      throw new InputError(`Cannot read ${plain(source.path, 200)} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  }
  const chunks = [source.head];
  let length = source.head.length;
  if (length > MAX_UPLOAD_BYTES) throw tooBig();
  if (!source.ended) {
    for (let next = await source.rest.next(); !next.done; next = await source.rest.next()) {
      const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
      length += chunk.length;
      if (length > MAX_UPLOAD_BYTES) throw tooBig();
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

/** A UTF-16 inventory (Excel's "Unicode text", PowerShell's Export-Csv on old versions) re-read as text. */
async function* utf16Text(bytes: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** A stream over the whole inventory as text, counting bytes for the progress bar. */
function inventoryStream(source: Source, onBytes: (n: number) => void): Readable {
  const encoding = detectEncoding(source.head);
  const raw = rawInventoryStream(source, onBytes);
  return encoding === 'utf-8' ? raw : Readable.from(utf16Text(raw, encoding));
}

function rawInventoryStream(source: Source, onBytes: (n: number) => void): Readable {
  if (source.kind === 'file') {
    const stream = createReadStream(source.path, { highWaterMark: HEAD_BYTES });
    stream.on('data', (chunk) => onBytes(chunk.length));
    return stream;
  }
  async function* replay(src: Extract<Source, { kind: 'stdin' }>): AsyncGenerator<Buffer> {
    onBytes(src.head.length);
    yield src.head;
    if (src.ended) return;
    for (let next = await src.rest.next(); !next.done; next = await src.rest.next()) {
      const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
      onBytes(chunk.length);
      yield chunk;
    }
  }
  return Readable.from(replay(source));
}

/** Buffers output lines and respects backpressure, so a large inventory streams in constant memory. */
class LineWriter {
  #buffer: string[] = [];
  #chars = 0;
  #flushed = 0;
  constructor(private readonly stream: NodeJS.WritableStream) {}

  /** Flushes by size, and by time so a slow producer's lines still come out promptly. */
  async line(text: string): Promise<void> {
    this.#buffer.push(text);
    this.#chars += text.length + 1;
    if (this.#chars >= FLUSH_CHARS || Date.now() - this.#flushed >= FLUSH_MS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const text = `${this.#buffer.join('\n')}\n`;
    this.#buffer = [];
    this.#chars = 0;
    this.#flushed = Date.now();
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }
}

/** A one-line progress bar on a terminal's stderr; silent when stderr is a file or pipe. */
class Progress {
  #last = 0;
  #bytes = 0;
  readonly #tty: boolean;
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly total: number | undefined,
  ) {
    this.#tty = (stream as { isTTY?: boolean }).isTTY === true;
  }

  bytes(n: number): void {
    this.#bytes += n;
  }

  tick(rows: number): void {
    if (!this.#tty) return;
    const now = Date.now();
    if (now - this.#last < 100) return;
    this.#last = now;
    const share = this.total ? Math.min(1, this.#bytes / this.total) : undefined;
    const bar = share === undefined ? '' : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.round(share * 100)}% `;
    this.stream.write(`\r${bar}${rows.toLocaleString('en-US')} VMs checked`);
  }

  done(): void {
    if (this.#tty && this.#last > 0) this.stream.write('\r\u001b[K');
  }
}

function textLine(report: InventoryItem & { kind: 'vm' }): string {
  const r = report.report;
  const guest = `${r.guest.distro ?? '?'} ${r.guest.version ?? ''}`.trim();
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const ids = r.findings
    .filter((f) => f.severity === 'critical' || f.severity === 'warning')
    .map((f) => f.id)
    .slice(0, 6);
  return `${plain(r.vm_id ?? `(row ${report.row})`, 40).padEnd(24)} ${guest.padEnd(16)} ${(r.host?.id ?? '-').padEnd(8)} ${r.status.padEnd(13)} ${count('critical')} critical, ${count('warning')} warnings${ids.length ? `  ${ids.join(' ')}` : ''}`;
}

function summaryText(s: InventorySummary): string {
  const lines = [
    '',
    `${s.vms} VMs checked${s.problems ? `, ${s.problems} rows skipped` : ''} in ${(s.elapsed_ms / 1000).toFixed(1)} s.`,
    `Status: ${s.status.supported} supported, ${s.status.not_supported} not supported, ${s.status.unknown} unknown.`,
    `Findings: ${s.severity.critical} critical, ${s.severity.warning} warnings, ${s.severity.info} info, ${s.severity.tip} tips.`,
  ];
  if (s.top_findings.length)
    lines.push(
      `Most common: ${s.top_findings
        .slice(0, 8)
        .map((t) => `${t.id} (${t.vms})`)
        .join(', ')}.`,
    );
  for (const d of s.diagnostics) lines.push(`  ${d}`);
  return lines.join('\n');
}

type Output = 'text' | 'json' | 'csv';

async function runInventory(
  kb: KnowledgeBase,
  source: Source,
  output: Output,
  options: CheckOptions,
  maxRows: number,
  io: CliIo,
): Promise<number> {
  const progress = new Progress(io.stderr, source.kind === 'file' ? source.size : undefined);
  const out = new LineWriter(io.stdout);
  const tally = new InventoryTally();
  const stream = inventoryStream(source, (n) => progress.bytes(n));
  if (output === 'csv') await out.line(csvRow(INVENTORY_CSV_HEADER));
  try {
    for await (const item of checkInventory(kb, stream, { ...options, maxRows })) {
      tally.add(item);
      if (item.kind === 'vm') {
        if (output === 'json') await out.line(JSON.stringify(item.report));
        else if (output === 'csv') await out.line(inventoryCsvLine(item.report));
        else await out.line(textLine(item));
      }
      progress.tick(tally.vms);
    }
  } catch (error) {
    progress.done();
    await out.flush();
    throw new InputError(`Reading the inventory failed: ${plain((error as Error).message, 200)}`);
  }
  progress.done();
  const summary = tally.summary();
  if (output === 'json') await out.line(JSON.stringify({ summary }));
  else if (output === 'text') await out.line(summaryText(summary));
  await out.flush();
  if (output === 'csv') writeLine(io.stderr, summaryText(summary).trim());
  return 0;
}

function singleCsv(report: CheckReport): string {
  return `${csvRow(INVENTORY_CSV_HEADER)}\n${inventoryCsvLine({ vm_id: null, ...report })}\n`;
}

function maxRowsOption(args: ParsedArgs): number {
  const text = stringOption(args, 'max-rows');
  if (text === undefined) return DEFAULT_MAX_ROWS;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new UsageError(`--max-rows takes a positive number, not "${text.slice(0, 20)}".`);
  return Number(text);
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'lisbot check [--json | --csv] [--as-of YYYY-MM-DD] [--host HOSTID] [--max-rows N] FILE|-',
  details: [
    'FILE is the output of lis-collect.sh (get it with "lisbot collector"), a sosreport-style text dump or pasted command output; "-" reads standard input.',
    'An inventory (CSV with a header row, or JSON lines with the same keys) is checked row by row: one result per VM, then a summary.',
    'Inventory columns (case, spaces and dashes do not matter; unknown columns are reported and ignored):',
    ...describeColumns().map((line) => `  ${line}`),
    '--json prints the report as JSON (inventories: one JSON line per VM, then {"summary": ...}).',
    '--csv prints one CSV row per VM; cells that look like spreadsheet formulas are neutralised.',
    '--as-of sets the date end-of-life rules judge against (default: today); --host names the Hyper-V host when the upload does not show it.',
    `One guest's upload may be up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; inventories stream, up to --max-rows rows (default ${DEFAULT_MAX_ROWS}).`,
    'Text in UTF-8 or UTF-16 (with or without a byte-order mark) is read; damaged parts (NUL bytes, escapes, over-long lines, a cut-off end) are skipped and listed under input diagnostics.',
    'Exit codes: 0 checked, 1 input unreadable (missing, a directory, compressed or binary, too large), 2 usage error.',
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    'as-of': { type: 'string' },
    host: { type: 'string' },
    'max-rows': { type: 'string' },
  },
  async run(args, io) {
    const [target, ...extra] = args.positionals;
    if (target === undefined) throw new UsageError('Give the collector output file to check (or - for standard input).');
    if (extra.length > 0) throw new UsageError('Give one file at a time.');
    if (flag(args, 'json') && flag(args, 'csv')) throw new UsageError('Choose --json or --csv, not both.');
    const output: Output = flag(args, 'json') ? 'json' : flag(args, 'csv') ? 'csv' : 'text';
    const asOf = dateOption(args, 'as-of');
    const host = hostOption(args);
    const maxRows = maxRowsOption(args);
    const options: CheckOptions = { ...(asOf ? { asOf } : {}), ...(host ? { host } : {}) };
    try {
      const source = target === '-' ? await stdinSource(io.stdin) : fileSource(target);
      if (source.head.length === 0) throw new InputError(target === '-' ? 'Standard input is empty.' : `${plain(target, 200)} is empty.`);
      const binary = binaryReason(source.head);
      if (binary)
        throw new InputError(
          `${target === '-' ? 'Standard input' : plain(target, 200)} looks ${binary}, not text. Give the collector's text output (sh lis-collect.sh > lischeck.txt).`,
        );
      const kb = knowledgeBase(io.env);
      const kind = sniffInput(source.head);
      if (kind !== 'bundle') return await runInventory(kb, source, output, options, maxRows, io);
      const result = evaluateBundle(kb, await readBundle(source), options);
      if (output === 'json') writeLine(io.stdout, JSON.stringify(result.report, null, 2));
      else if (output === 'csv') io.stdout.write(singleCsv(result.report));
      else
        io.stdout.write(renderReportText(result.report, { notEvaluated: [...result.states.values()].filter((s) => s === 'skip').length }));
      return 0;
    } catch (error) {
      if (error instanceof InputError) {
        writeLine(io.stderr, `lisbot check: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};
