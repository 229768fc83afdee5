import type { DiagnosticSink } from './diagnostics.ts';
import { MAX_LINE_CHARS, MAX_SECTION_LINES, MAX_SECTIONS } from './limits.ts';
import type { SectionName } from './section-names.ts';

export type SectionOrigin = 'collector' | 'sosreport' | 'paste' | 'bot';

export interface Section {
  name: SectionName;
  lines: string[];
  /** 1-based upload line number of each entry in `lines` (0 for synthesised lines). */
  lineNumbers: number[];
  /** Exit status the collector recorded, when it did. */
  rc?: number;
  /** How many more times the header appeared; the first occurrence is the one kept. */
  duplicates: number;
  /** The collector, the upload size or the section cap cut this section short. */
  truncated: boolean;
  origin: SectionOrigin;
}

export type SectionMap = Map<SectionName, Section>;

/** Builds the section map under the section and line limits. */
export class SectionStore {
  readonly sections: SectionMap = new Map();
  readonly #diagnostics: DiagnosticSink;

  constructor(diagnostics: DiagnosticSink) {
    this.#diagnostics = diagnostics;
  }

  /** Returns the section to append to, or undefined when it must be skipped (duplicate or over the cap). */
  open(name: SectionName, origin: SectionOrigin, line: number, merge = false): Section | undefined {
    const known = this.sections.get(name);
    if (known) {
      if (merge) return known;
      known.duplicates++;
      this.#diagnostics.add('INPUT_DUPLICATE_SECTION', 'A section appeared more than once; the first one was used.', {
        line,
        section: name,
      });
      return undefined;
    }
    if (this.sections.size >= MAX_SECTIONS) {
      this.#diagnostics.add('INPUT_TOO_MANY_SECTIONS', `More than ${MAX_SECTIONS} sections; the rest were skipped.`, { line });
      return undefined;
    }
    const section: Section = { name, lines: [], lineNumbers: [], duplicates: 0, truncated: false, origin };
    this.sections.set(name, section);
    return section;
  }

  push(section: Section, text: string, line: number): void {
    if (section.lines.length >= MAX_SECTION_LINES) {
      if (!section.truncated) {
        this.#diagnostics.add('INPUT_SECTION_TOO_LONG', `A section had more than ${MAX_SECTION_LINES} lines; the rest was skipped.`, {
          line,
          section: section.name,
        });
      }
      section.truncated = true;
      return;
    }
    // Rewritten lines (sosreport, pastes) get a prefix, so the cap applies again here.
    section.lines.push(text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text);
    section.lineNumbers.push(line);
  }
}
