import { BINARY_RATIO, MAX_LINE_CHARS, MAX_LINES, MAX_UPLOAD_BYTES } from './limits.ts';
import type { DiagnosticSink } from './diagnostics.ts';

export interface DecodedUpload {
  /** Clean lines; index i is upload line i + 1. Dropped binary lines stay as '' to keep numbering. */
  lines: string[];
  bytes: number;
  /** The upload was cut (size or line-count limit). */
  cut: boolean;
}

// Bounded, non-nested patterns only: these run on untrusted text. Matching control
// characters is their whole purpose.
/* eslint-disable no-control-regex */
const ANSI_CSI = /\u001b\[[0-9;?]{0,32}[ -/]{0,4}[@-~]/g;
const ANSI_OSC = /\u001b\][^\u0007\u001b]{0,512}(?:\u0007|\u001b\\)/g;
const JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;
/* eslint-enable no-control-regex */

/** A control byte that text never holds (tab, newlines, form feed and ESC are allowed). */
export function isJunkByte(b: number): boolean {
  return b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f;
}

const JUNK_BYTE = Uint8Array.from({ length: 256 }, (_, b) => (isJunkByte(b) ? 1 : 0));

function countJunkBytes(buf: Buffer): number {
  let junk = 0;
  for (let i = 0; i < buf.length; i++) junk += JUNK_BYTE[buf[i]!]!;
  return junk;
}

function countJunkChars(text: string): number {
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b) || c === 0x7f || c === 0xfffd) junk++;
  }
  return junk;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * UTF-16 text without a byte-order mark: ASCII-range text has a NUL in every other byte.
 * (PowerShell's `>` and Notepad's "Unicode" write UTF-16LE, usually with a BOM.)
 */
function utf16WithoutBom(buf: Buffer): TextEncoding | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 16) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Which encoding the bytes are in: a byte-order mark decides, else the NUL pattern of UTF-16, else UTF-8. */
export function detectEncoding(buf: Buffer | Uint8Array): TextEncoding {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  return utf16WithoutBom(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)) ?? 'utf-8';
}

/** Bytes to text in their detected encoding (replacement characters for bad sequences), without the BOM. */
export function decodeText(buf: Buffer | Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(buf);
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const text = encoding === 'utf-8' ? bytes.toString('utf8') : new TextDecoder(encoding).decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

/** Share of characters that are control bytes or undecodable: above ~30% the bytes are no text at all. */
export function junkShare(text: string): number {
  return text.length === 0 ? 0 : countJunkChars(text) / text.length;
}

function countReplacementChars(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * Turns an upload into clean text lines: size cap, UTF-8 with replacement, BOM, CRLF/CR,
 * ANSI escapes and control characters removed, lines capped. Binary uploads are flagged and
 * only their text-looking lines kept.
 */
export function decodeUpload(input: Buffer | Uint8Array | string, diagnostics: DiagnosticSink): DecodedUpload {
  let buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bytes = buf.byteLength;
  let cut = false;
  if (bytes === 0) {
    diagnostics.add('INPUT_EMPTY', 'The upload is empty.');
    return { lines: [], bytes, cut };
  }
  if (bytes > MAX_UPLOAD_BYTES) {
    diagnostics.add('INPUT_TOO_LARGE', `The upload is larger than ${MAX_UPLOAD_BYTES} bytes; only the first part was read.`);
    buf = buf.subarray(0, MAX_UPLOAD_BYTES);
    cut = true;
  }
  const { text, encoding } = decodeText(buf);
  const junk = encoding === 'utf-8' ? (countJunkBytes(buf) + countReplacementChars(text)) / buf.byteLength : junkShare(text);
  if (junk > BINARY_RATIO)
    diagnostics.add('INPUT_BINARY_DATA', 'The upload contains binary data; only lines that look like text were read.');

  const raw = text.split(/\r\n|\r|\n/);
  if (raw.length > MAX_LINES) {
    diagnostics.add('INPUT_TOO_LARGE', `The upload has more than ${MAX_LINES} lines; the rest was not read.`);
    raw.length = MAX_LINES;
    cut = true;
  }
  const lines = raw.map((line, i) => cleanLine(line, i + 1, diagnostics));
  return { lines, bytes, cut };
}

function cleanLine(line: string, lineNo: number, diagnostics: DiagnosticSink): string {
  // Cut very long lines before any regex work so cleaning stays linear and cheap.
  let s = line.length > MAX_LINE_CHARS * 4 ? line.slice(0, MAX_LINE_CHARS * 4) : line;
  if (s.includes('\u001b')) s = s.replace(ANSI_OSC, '').replace(ANSI_CSI, '');
  const before = s.length;
  s = s.replace(JUNK, '');
  const junk = before - s.length;
  if (junk > 0 && junk * 10 > before * 3 && before > 8) {
    diagnostics.add('INPUT_BINARY_DATA', 'Lines made mostly of binary data were skipped.', { line: lineNo });
    return '';
  }
  if (junk > 0)
    diagnostics.add('INPUT_BINARY_DATA', 'Control characters (NUL bytes and the like) were removed from lines.', { line: lineNo });
  if (s.length > MAX_LINE_CHARS || line.length > MAX_LINE_CHARS * 4) {
    diagnostics.add('INPUT_LINE_TOO_LONG', `Lines longer than ${MAX_LINE_CHARS} characters were shortened.`, { line: lineNo });
    s = s.slice(0, MAX_LINE_CHARS);
  }
  return s;
}
