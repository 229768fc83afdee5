/** Problems with the upload itself (not the VM). They explain why rules were skipped. */
export const DIAGNOSTIC_CODES = [
  'INPUT_TRUNCATED',
  'INPUT_SECTION_MISSING',
  'INPUT_DUPLICATE_SECTION',
  'INPUT_BINARY_DATA',
  'INPUT_LINE_TOO_LONG',
  'INPUT_UNKNOWN_FORMAT',
  'INPUT_NOT_ROOT',
  'INPUT_CSV_FORMULA',
  'INPUT_CONTEXT_IN_UPLOAD',
  'INPUT_REDACTION_APPLIED',
  'INPUT_TOO_LARGE',
  'INPUT_TOO_MANY_SECTIONS',
  'INPUT_SECTION_TOO_LONG',
  'INPUT_FORMAT_NEWER',
  'INPUT_MULTIPLE_BUNDLES',
  'INPUT_VALUE_INVALID',
  'INPUT_TOO_MANY_ROWS',
  'INPUT_ROW_INVALID',
  'INPUT_EMPTY',
  'INPUT_UNKNOWN_COLUMN',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export interface Diagnostic {
  code: DiagnosticCode;
  /** Our own words; never contains upload text. */
  message: string;
  /** First line (or inventory row) where it happened. */
  line?: number;
  /** Canonical section name, when one applies. */
  section?: string;
  /** How many times it happened. */
  count: number;
}

const MAX_DISTINCT = 100;

/** Collects diagnostics, folding repeats of the same code and section into one entry with a count. */
export class DiagnosticSink {
  readonly #byKey = new Map<string, Diagnostic>();

  add(code: DiagnosticCode, message: string, where: { line?: number; section?: string } = {}): void {
    const key = `${code}\u0000${where.section ?? ''}`;
    const known = this.#byKey.get(key);
    if (known) {
      known.count++;
      return;
    }
    if (this.#byKey.size >= MAX_DISTINCT) return;
    this.#byKey.set(key, { code, message, count: 1, ...where });
  }

  has(code: DiagnosticCode): boolean {
    return [...this.#byKey.values()].some((d) => d.code === code);
  }

  list(): Diagnostic[] {
    return [...this.#byKey.values()];
  }
}
