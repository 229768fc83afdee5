import type { GuestFacts } from '../guest-facts.ts';
import { splitCollectorOutput } from './collector-format.ts';
import { decodeUpload } from './decode.ts';
import { DiagnosticSink, type Diagnostic } from './diagnostics.ts';
import { extractFacts } from './facts/index.ts';
import { splitPaste } from './paste.ts';
import { SECTION, type SectionName } from './section-names.ts';
import { SectionStore, type SectionMap } from './section.ts';
import { sniffFormat, type UploadFormat } from './sniff.ts';
import { splitSosreport } from './sosreport.ts';

export type { Diagnostic, DiagnosticCode } from './diagnostics.ts';
export type { Section, SectionMap } from './section.ts';
export type { UploadFormat } from './sniff.ts';
export { SECTION, type SectionName } from './section-names.ts';

export interface ParsedBundle {
  format: UploadFormat;
  sections: SectionMap;
  facts: GuestFacts;
  diagnostics: Diagnostic[];
  stats: {
    /** Sections read (duplicates not counted). */
    sections: number;
    /** The upload ended early: no end marker, the collector's output cap, or our size limits. (Per-section cuts are on each section.) */
    truncated: boolean;
    bytes: number;
    lines: number;
  };
}

const EXPECTED_LINUX: readonly SectionName[] = [SECTION.uname, SECTION.lsmod, SECTION.dmesg, SECTION.packages];
const EXPECTED_FREEBSD: readonly SectionName[] = [SECTION.uname, SECTION.bsdDmesg, SECTION.bsdKldstat];

/**
 * Parses an upload (collector output, a sosreport dump or pasted command output) into
 * sections and typed facts. Never throws on bad input and never runs, fetches or opens
 * anything named in it; problems become diagnostics.
 */
export function parseBundle(input: Buffer | Uint8Array | string): ParsedBundle {
  const diagnostics = new DiagnosticSink();
  const decoded = decodeUpload(input, diagnostics);
  const store = new SectionStore(diagnostics);
  const format = sniffFormat(decoded.lines);
  let truncated = decoded.cut;

  if (format === 'lischeck') {
    const run = splitCollectorOutput(decoded.lines, store, diagnostics);
    if (!run.sawMeta) diagnostics.add('INPUT_SECTION_MISSING', 'The collector header section is missing.', { section: SECTION.meta });
    if (!run.sawEnd || run.collectorCut) {
      truncated = true;
      diagnostics.add('INPUT_TRUNCATED', 'The collector output is incomplete (no end marker); checks ran on what is present.');
    }
    const osType = store.sections
      .get(SECTION.meta)
      ?.lines.find((l) => l.startsWith('os_type='))
      ?.slice(8);
    const expected = osType === 'FreeBSD' ? EXPECTED_FREEBSD : EXPECTED_LINUX;
    for (const name of expected) {
      if (!store.sections.has(name)) diagnostics.add('INPUT_SECTION_MISSING', 'An expected section is missing.', { section: name });
    }
  } else if (format === 'sosreport') {
    splitSosreport(decoded.lines, store, diagnostics);
  } else if (format === 'paste') {
    splitPaste(decoded.lines, store, diagnostics);
  } else if (decoded.bytes > 0) {
    diagnostics.add('INPUT_EMPTY', 'The upload has no readable text.');
  }

  const facts = extractFacts(store.sections, diagnostics);
  return {
    format,
    sections: store.sections,
    facts,
    diagnostics: diagnostics.list(),
    stats: { sections: store.sections.size, truncated, bytes: decoded.bytes, lines: decoded.lines.length },
  };
}
