// Imports one version of a Microsoft "Supported … virtual machines on Hyper-V" matrix page into a MatrixSnapshot.
import * as z from 'zod';
import { MatrixSnapshot } from '../schema/matrix.ts';
import type { Source } from '../schema/source.ts';
import { EXPECTED_MATRIX_PAGE, ImportError } from './errors.ts';
import { parseMarkdownPage } from './markdown-page.ts';
import { classifyPage, describePageKind } from './page-kind.ts';
import { buildSnapshot, pageFamilies, type ImportOptions } from './snapshot.ts';

export type { ImportOptions } from './snapshot.ts';

export interface ImportResult {
  readonly snapshot: MatrixSnapshot;
  /** fingerprint → upstream note text, for tooling (the paraphrase writer); never committed. */
  readonly noteTexts: Map<string, string>;
}

/** NUL bytes, many control characters or many U+FFFD replacement characters: not a text page. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 64 * 1024);
  let odd = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if ((code < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t' && ch !== '\f') || code === 0xfffd) odd += 1;
  }
  return odd > Math.max(8, sample.length / 100);
}

/**
 * Reads one matrix page version. Throws ImportError for another page type, empty, truncated or binary input,
 * and when none of the page's feature tables can be read. A table, column, row or cell that cannot be read
 * is listed in `unparsed`; anything odd but readable is listed in `diagnostics`.
 */
export function importPage(markdown: string, source: Source, options: ImportOptions = {}): ImportResult {
  const name = source.id;
  if (typeof markdown !== 'string') throw new ImportError(`${name}: the input is not text; ${EXPECTED_MATRIX_PAGE}`);
  if (markdown.trim() === '') throw new ImportError(`${name}: the input is empty; ${EXPECTED_MATRIX_PAGE}`);
  if (looksBinary(markdown))
    throw new ImportError(`${name}: the input looks binary (NUL bytes or control characters), not markdown; ${EXPECTED_MATRIX_PAGE}`);

  const page = parseMarkdownPage(markdown);
  if (page.truncation.some((t) => t.includes('front matter'))) {
    throw new ImportError(`${name}: the input looks truncated (${page.truncation.join('; ')}); ${EXPECTED_MATRIX_PAGE}`);
  }
  const kind = classifyPage(page);
  if (kind !== 'matrix') throw new ImportError(`${name}: ${EXPECTED_MATRIX_PAGE}; this looks like ${describePageKind(kind)}`);
  if (page.truncation.length > 0) {
    throw new ImportError(
      `${name}: the input looks truncated (${page.truncation.join('; ')}); ${EXPECTED_MATRIX_PAGE}, complete with its Notes list`,
    );
  }
  const families = pageFamilies(source.page, page.title);
  if (!families) {
    throw new ImportError(
      `${name}: cannot tell which distribution the page "${page.title ?? '(untitled)'}" covers (page slug "${source.page}"); expected a CentOS/RHEL, Oracle Linux, SUSE, Ubuntu, Debian or FreeBSD matrix page`,
    );
  }

  const built = buildSnapshot(page, source, families, options);
  if (built.snapshot.columns.length === 0) {
    const reasons = built.snapshot.unparsed.map((u) => `${u.where}: ${u.reason}`).join('; ');
    throw new ImportError(
      `${name}: the page "${page.title ?? name}" has ${built.featureTables} feature table(s) but none could be read (${reasons})`,
    );
  }
  if (built.citesNotes && page.notes === undefined) {
    throw new ImportError(
      `${name}: the input looks truncated: cells cite notes but the page has no Notes section; ${EXPECTED_MATRIX_PAGE}, complete with its Notes list`,
    );
  }
  const result = MatrixSnapshot.safeParse(built.snapshot);
  if (!result.success) throw new ImportError(`${name}: the imported snapshot does not fit the schema:\n${z.prettifyError(result.error)}`);
  return { snapshot: result.data, noteTexts: built.noteTexts };
}
