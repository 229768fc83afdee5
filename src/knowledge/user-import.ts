import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from './knowledge-base.ts';
import { ImportError } from './import/errors.ts';
import { importPage } from './import/import-page.ts';
import { parseMarkdownPage } from './import/markdown-page.ts';
import { pageFamilies } from './import/snapshot.ts';
import { Source, type MatrixSnapshot } from './schema/index.ts';

export const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;

export interface PageInput {
  readonly name: string;
  readonly text: string;
  readonly url?: string;
}

/** Reads a page from a local path or an http(s) URL, bounded in size and time. */
export async function readPageInput(spec: string, fetchImpl: typeof fetch = fetch): Promise<PageInput> {
  if (/^https?:\/\//i.test(spec)) {
    const response = await fetchImpl(spec, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok) throw new ImportError(`${spec}: the server answered ${response.status} ${response.statusText}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_PAGE_BYTES) throw new ImportError(`${spec}: the page is ${length} bytes; the limit is ${MAX_PAGE_BYTES}`);
    const buffer = Buffer.from(await response.arrayBuffer());
    if (buffer.length > MAX_PAGE_BYTES) throw new ImportError(`${spec}: the page is larger than ${MAX_PAGE_BYTES} bytes`);
    return { name: spec, text: buffer.toString('utf8'), url: spec };
  }
  if (!existsSync(spec)) throw new ImportError(`${spec}: no such file`);
  const size = statSync(spec).size;
  if (size > MAX_PAGE_BYTES) throw new ImportError(`${spec}: the file is ${size} bytes; the limit is ${MAX_PAGE_BYTES}`);
  return { name: spec, text: readFileSync(spec, 'utf8') };
}

const PAGE_SLUG: Record<string, string> = {
  rhel: 'rhel',
  'oracle-linux': 'oracle-linux',
  sles: 'sles',
  opensuse: 'opensuse',
  ubuntu: 'ubuntu',
  debian: 'debian',
  freebsd: 'freebsd',
};

/** "09/27/2023" → "2023-09-27". */
function isoFromMsDate(msDate: string | undefined): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(msDate?.trim() ?? '');
  return match ? `${match[3]}-${match[1]!.padStart(2, '0')}-${match[2]!.padStart(2, '0')}` : undefined;
}

export interface UserImport {
  readonly source: Source;
  readonly snapshot: MatrixSnapshot;
  readonly previous: MatrixSnapshot | undefined;
}

/**
 * Imports one page as the user's own data: its era is the page's ms.date (or today), and it keeps the
 * upstream wording of notes, since it stays on the user's machine.
 */
export function importUserPage(kb: KnowledgeBase, input: PageInput, today: string): UserImport {
  const page = parseMarkdownPage(input.text);
  const families = pageFamilies('', page.title);
  const slug = families?.[0] ? PAGE_SLUG[families[0]] : undefined;
  if (!slug)
    throw new ImportError(
      `${input.name}: cannot tell which distribution the page "${page.title ?? '(untitled)'}" covers; expected a Microsoft matrix page for CentOS/RHEL, Oracle Linux, SUSE, Ubuntu, Debian or FreeBSD`,
    );
  const era = isoFromMsDate(page.frontMatter['ms.date']) ?? today;
  const source = Source.parse({
    id: `${slug}@${era}_import`,
    kind: 'user-import',
    title: page.title ?? input.name,
    page: slug,
    era,
    order: 10,
    ...(input.url ? { url: input.url } : {}),
    upstreamPath: input.name.slice(0, 500),
  });
  const earlier = [...kb.snapshots.values()].filter((s) => s.page === slug && s.id !== source.id && s.era <= era);
  const { snapshot } = importPage(input.text, source, { previous: earlier[0], earlier: earlier.slice(1), keepUpstreamText: true });
  return { source, snapshot, previous: earlier[0] };
}

/** Writes imports into the user layer. Each file is written whole and renamed into place, so a reader never sees half a file. */
export function saveUserImports(userDir: string, imports: readonly UserImport[]): void {
  const sourcesDir = join(userDir, 'sources');
  const snapshotsDir = join(userDir, 'snapshots');
  mkdirSync(sourcesDir, { recursive: true });
  mkdirSync(snapshotsDir, { recursive: true });
  const sourcesFile = join(sourcesDir, 'imported.json');
  const existing = existsSync(sourcesFile) ? (JSON.parse(readFileSync(sourcesFile, 'utf8')) as Source[]) : [];
  const byId = new Map(existing.map((s) => [s.id, s]));
  for (const { source } of imports) byId.set(source.id, source);
  const writeAtomic = (path: string, data: unknown) => {
    writeFileSync(`${path}.tmp`, `${JSON.stringify(data, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
  };
  for (const { snapshot } of imports) writeAtomic(join(snapshotsDir, `${snapshot.id}.json`), snapshot);
  writeAtomic(sourcesFile, [...byId.values()]);
}
