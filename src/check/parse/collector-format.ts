import type { DiagnosticSink } from './diagnostics.ts';
import { MAX_HEADER_CHARS } from './limits.ts';
import { canonicalSection, SECTION } from './section-names.ts';
import type { Section, SectionStore } from './section.ts';

const RC_LINE = /^# rc=(\d{1,9})(?: .*)?$/;
const CUT_NOTE = /^# (?:truncated at \d{1,9} lines|omitted \d{1,9} lines)$/;

export interface CollectorParse {
  sawMeta: boolean;
  sawEnd: boolean;
  /** The collector stopped itself at its output cap. */
  collectorCut: boolean;
}

/**
 * Splits collector output (the format check/collector/lis-collect.sh writes) into sections. Only known headers open a
 * section; unknown ones are reported and their bodies dropped unread. A user-context block
 * is only trusted after lischeck-end (the bot appends it there).
 */
export function splitCollectorOutput(lines: readonly string[], store: SectionStore, diagnostics: DiagnosticSink): CollectorParse {
  const result: CollectorParse = { sawMeta: false, sawEnd: false, collectorCut: false };
  let current: Section | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const lineNo = i + 1;
    if (text.startsWith('### ')) {
      const header = text.slice(4);
      const name = header.length <= MAX_HEADER_CHARS ? canonicalSection(header) : undefined;
      if (name === undefined) {
        diagnostics.add('INPUT_UNKNOWN_FORMAT', 'Unknown section headers were found; their contents were ignored.', { line: lineNo });
        current = undefined;
        continue;
      }
      if (name === SECTION.meta && result.sawEnd) {
        diagnostics.add('INPUT_MULTIPLE_BUNDLES', 'The upload holds more than one collector run; only the first was read.', {
          line: lineNo,
        });
        break;
      }
      if (name === SECTION.meta) result.sawMeta = true;
      if (name === SECTION.end) result.sawEnd = true;
      if (name === SECTION.truncated) result.collectorCut = true;
      if (name === SECTION.userContext && !result.sawEnd) {
        diagnostics.add('INPUT_CONTEXT_IN_UPLOAD', 'A user-context block inside the collector output was ignored.', { line: lineNo });
        current = undefined;
        continue;
      }
      current = store.open(name, name === SECTION.userContext ? 'bot' : 'collector', lineNo);
      continue;
    }
    if (!current) continue;
    const rc = RC_LINE.exec(text);
    if (rc) {
      current.rc = Number(rc[1]);
      continue;
    }
    if (CUT_NOTE.test(text)) {
      current.truncated = true;
      continue;
    }
    store.push(current, text, lineNo);
  }
  return result;
}
