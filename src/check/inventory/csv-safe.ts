/** Cells starting with these are read as formulas by spreadsheet programs (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/** Prefixes a formula-looking cell with a quote so spreadsheets show it as text. */
export function neutraliseCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

/** One CSV cell for export: neutralised, then quoted when it holds a separator, quote or line break. */
export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  const text = neutraliseCell(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | undefined | null)[]): string {
  return values.map(csvCell).join(',');
}
