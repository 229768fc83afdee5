// Tells a feature-matrix page from the other Hyper-V Linux/FreeBSD pages, so the importer can refuse those clearly.
import { parseMarkdownPage, type MarkdownPage, type PageTable } from './markdown-page.ts';
import { cleanInline } from './text.ts';

export type PageKind = 'matrix' | 'feature-descriptions' | 'best-practices' | 'index' | 'unknown';

const HOST_COLUMN = /windows\s*server|host|operating\s*system|server\s*version|hyper-v/i;

function headerCell(table: PageTable, index: number): string {
  return cleanInline(table.header[index] ?? '').toLowerCase();
}

/** A table whose first column is "Feature" and whose second names the host: the shape of every matrix table. */
export function isMatrixTable(table: PageTable): boolean {
  return headerCell(table, 0) === 'feature' && table.header.length >= 3 && HOST_COLUMN.test(headerCell(table, 1));
}

/** Any table that starts with a "Feature" column, including ones too broken to read. */
export function isFeatureTable(table: PageTable): boolean {
  return headerCell(table, 0) === 'feature' && headerCell(table, 1) !== 'description';
}

export function classifyPage(page: MarkdownPage): PageKind {
  if (page.tables.some(isMatrixTable)) return 'matrix';
  if (page.tables.some((t) => headerCell(t, 0) === 'feature' && headerCell(t, 1) === 'description')) return 'feature-descriptions';
  const title = page.title ?? '';
  if (/best\s+practices/i.test(title)) return 'best-practices';
  if (/supported\s+linux\s+and\s+freebsd\s+virtual\s+machines/i.test(title)) return 'index';
  return 'unknown';
}

/** What kind of Hyper-V Linux/FreeBSD page some markdown is. */
export function detectPageKind(markdown: string): PageKind {
  return classifyPage(parseMarkdownPage(markdown));
}

export function describePageKind(kind: PageKind): string {
  switch (kind) {
    case 'matrix':
      return 'a feature matrix page';
    case 'feature-descriptions':
      return 'the Feature Descriptions page (a Feature | Description glossary, no support matrix)';
    case 'best-practices':
      return 'a best-practices page (advice sections, no support matrix)';
    case 'index':
      return 'the overview page that links the distribution pages (prose, no support matrix)';
    case 'unknown':
      return 'some other document (no table whose first column is "Feature" and second the host version)';
  }
}
