// Reads one guest-version cell of a matrix row: check mark, blank or N/A, plus any note references.
import type { CellStatus, NoteRef } from '../schema/matrix.ts';
import { cleanInline, normaliseDashes } from './text.ts';

export interface ParsedCell {
  readonly status: CellStatus;
  readonly notes: NoteRef[];
  /** "(6.x only)": the status holds for some of the column's versions only. */
  readonly scope?: string;
}

export type CellResult = { readonly ok: true; readonly cell: ParsedCell } | { readonly ok: false; readonly reason: string };

/** ✔ (U+2714, also written `&#10004;`), ✓, √ (the TP pages' `**√**`), ✅. */
const CHECK_MARKS = /[\u2714\u2713\u221a\u2705]\ufe0f?/g;
const HAS_CHECK_MARK = /[\u2714\u2713\u221a\u2705]/;
/** "(Note 1 for 6.4-6.8)", "(Note 6 for 6.4-6.7)". */
const SCOPED_NOTE = /\(\s*Notes?\s*(\d+(?:\s*(?:,|and|&)\s*\d+)*)\s+for\s+([^)]+?)\s*\)/gi;
/** "Note 2", "Note 8, 9, 10", "Note 4,5", "Note1", "Note  9, 10", "(Note 6)". */
const NOTE = /\bNotes?\s*(\d+(?:\s*(?:,|and|&)\s*\d+)*)/gi;
/** "(6.x only)". */
const ONLY = /\(\s*([^()]*?\S)\s+only\s*\)/gi;
const NOT_APPLICABLE = /^N\s*\/\s*A$/i;

/** "8, 9, 10" → [8, 9, 10]. */
export function noteNumbers(list: string): number[] {
  return (list.match(/\d+/g) ?? []).map(Number).filter((n) => n >= 1);
}

function pushUnique(notes: NoteRef[], ref: NoteRef): void {
  if (!notes.some((n) => n.position === ref.position && n.scope === ref.scope)) notes.push(ref);
}

/**
 * Pulls every note reference out of a cell's text and returns what is left.
 * Scoped references ("(Note 1 for 6.4-6.8)") keep their scope.
 */
export function extractNotes(text: string): { notes: NoteRef[]; rest: string } {
  const notes: NoteRef[] = [];
  let rest = text.replace(SCOPED_NOTE, (_m, list: string, scope: string) => {
    for (const position of noteNumbers(list)) pushUnique(notes, { position, scope: scope.trim() });
    return ' ';
  });
  rest = rest.replace(NOTE, (_m, list: string) => {
    for (const position of noteNumbers(list)) pushUnique(notes, { position });
    return ' ';
  });
  return { notes, rest };
}

export function parseCell(raw: string): CellResult {
  const text = normaliseDashes(cleanInline(raw));
  const extracted = extractNotes(text);
  let scope: string | undefined;
  let rest = extracted.rest.replace(ONLY, (_m, what: string) => {
    scope = what.trim();
    return ' ';
  });
  const available = HAS_CHECK_MARK.test(rest);
  rest = rest
    .replace(CHECK_MARKS, ' ')
    .replace(/[\s(),;:.]+/g, ' ')
    .trim();
  let status: CellStatus;
  if (available && rest === '') status = 'available';
  else if (!available && rest === '') status = 'not-available';
  else if (!available && NOT_APPLICABLE.test(rest)) status = 'not-applicable';
  else return { ok: false, reason: `cannot read cell "${raw.trim()}"` };
  const cell: ParsedCell = scope === undefined ? { status, notes: extracted.notes } : { status, notes: extracted.notes, scope };
  return { ok: true, cell };
}
