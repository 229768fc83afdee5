import { canonicalSection } from './section-names.ts';
import { looksLikeSosreport } from './sosreport.ts';

export type UploadFormat = 'lischeck' | 'sosreport' | 'paste' | 'empty';

/** Guesses what kind of text was uploaded from its first few thousand lines. */
export function sniffFormat(lines: readonly string[]): UploadFormat {
  if (!lines.some((l) => l.trim() !== '')) return 'empty';
  let headers = 0;
  for (const line of lines.slice(0, 20_000)) {
    if (!line.startsWith('### ')) continue;
    const name = canonicalSection(line.slice(4));
    if (name === 'lischeck-meta' || name === 'lischeck-end') return 'lischeck';
    if (name && ++headers >= 2) return 'lischeck';
  }
  if (looksLikeSosreport(lines)) return 'sosreport';
  return 'paste';
}
