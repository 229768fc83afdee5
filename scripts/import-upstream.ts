// Imports the saved Microsoft matrix pages into committed snapshots:
//   npx tsx scripts/import-upstream.ts [dir]   (default ../shared/reference/upstream/windowsserverdocs)
// Writes src/knowledge/data/snapshots/<source id>.json (no upstream wording) and, for the person who writes
// our note paraphrases, /tmp/lisbot-note-texts.json (fingerprint → upstream text and where it stands; never committed).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { ImportError } from '../src/knowledge/import/errors.ts';
import { importPage } from '../src/knowledge/import/import-page.ts';
import { detectPageKind } from '../src/knowledge/import/page-kind.ts';
import { sourceIdForFile } from '../src/knowledge/import/upstream-files.ts';
import { Source, type MatrixSnapshot } from '../src/knowledge/schema/index.ts';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, process.argv[2] ?? '../shared/reference/upstream/windowsserverdocs');
const sourcesFile = join(root, 'src/knowledge/data/sources/upstream.json');
const snapshotDir = join(root, 'src/knowledge/data/snapshots');
const noteTextsFile = '/tmp/lisbot-note-texts.json';

const sources = z.array(Source).parse(JSON.parse(readFileSync(sourcesFile, 'utf8')));
const sourceById = new Map(sources.map((s) => [s.id, s]));

interface Job {
  readonly file: string;
  readonly source: Source;
}
const jobs: Job[] = [];
const problems: string[] = [];
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()) {
  const id = sourceIdForFile(file);
  const source = id ? sourceById.get(id) : undefined;
  if (!source) {
    problems.push(`${file}: no Source record${id ? ` with id ${id}` : ''} in ${sourcesFile}`);
    continue;
  }
  if (source.kind !== 'matrix-page') {
    const kind = detectPageKind(readFileSync(join(dir, file), 'utf8'));
    console.log(`skip ${source.id}: ${source.kind} (detected as ${kind}), not a matrix page`);
    if (kind === 'matrix') problems.push(`${source.id}: recorded as ${source.kind} but looks like a matrix page`);
    continue;
  }
  jobs.push({ file, source });
}

const byPage = new Map<string, Job[]>();
for (const job of jobs) {
  const list = byPage.get(job.source.page) ?? [];
  list.push(job);
  byPage.set(job.source.page, list);
}

interface Row {
  id: string;
  columns: number;
  cells: number;
  notes: number;
  unparsed: number;
  diagnostics: number;
}
const rows: Row[] = [];
const noteTexts = new Map<string, { text: string; seenAt: string[] }>();
let unparsedTotal = 0;
mkdirSync(snapshotDir, { recursive: true });

for (const [page, pageJobs] of [...byPage.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  pageJobs.sort((a, b) => a.source.era.localeCompare(b.source.era) || a.source.order - b.source.order);
  const history: MatrixSnapshot[] = [];
  for (const { file, source } of pageJobs) {
    let result;
    try {
      result = importPage(readFileSync(join(dir, file), 'utf8'), source, { previous: history[0], earlier: history.slice(1) });
    } catch (error) {
      if (error instanceof ImportError) {
        problems.push(`${page}: ${error.message}`);
        continue;
      }
      throw error;
    }
    const { snapshot } = result;
    writeFileSync(join(snapshotDir, `${snapshot.id}.json`), `${JSON.stringify(snapshot, null, 2)}\n`);
    history.unshift(snapshot);
    for (const note of snapshot.notes) {
      const text = result.noteTexts.get(note.fingerprint) ?? '';
      const entry = noteTexts.get(note.fingerprint) ?? { text, seenAt: [] };
      entry.seenAt.push(`${snapshot.id}#${note.position}`);
      noteTexts.set(note.fingerprint, entry);
    }
    const cells = snapshot.columns.reduce((sum, column) => sum + Object.keys(column.features).length, 0);
    rows.push({
      id: snapshot.id,
      columns: snapshot.columns.length,
      cells,
      notes: snapshot.notes.length,
      unparsed: snapshot.unparsed.length,
      diagnostics: snapshot.diagnostics.length,
    });
    unparsedTotal += snapshot.unparsed.length;
    for (const part of snapshot.unparsed) problems.push(`${snapshot.id}: unparsed ${part.where}: ${part.reason}`);
    for (const line of snapshot.diagnostics) console.log(`  ${snapshot.id}: ${line}`);
  }
}

writeFileSync(noteTextsFile, `${JSON.stringify(Object.fromEntries(noteTexts), null, 2)}\n`);

const pad = (value: string | number, width: number) => String(value).padStart(width);
console.log(
  `\n${'snapshot'.padEnd(40)} ${pad('columns', 7)} ${pad('cells', 6)} ${pad('notes', 5)} ${pad('unparsed', 8)} ${pad('diagnostics', 11)}`,
);
for (const row of rows) {
  console.log(
    `${row.id.padEnd(40)} ${pad(row.columns, 7)} ${pad(row.cells, 6)} ${pad(row.notes, 5)} ${pad(row.unparsed, 8)} ${pad(row.diagnostics, 11)}`,
  );
}
const sum = (key: 'columns' | 'cells' | 'notes' | 'unparsed' | 'diagnostics') => rows.reduce((total, row) => total + row[key], 0);
console.log(
  `${`total (${rows.length} pages)`.padEnd(40)} ${pad(sum('columns'), 7)} ${pad(sum('cells'), 6)} ${pad(sum('notes'), 5)} ${pad(sum('unparsed'), 8)} ${pad(sum('diagnostics'), 11)}`,
);
console.log(`distinct note fingerprints: ${noteTexts.size} (texts for paraphrasing in ${noteTextsFile})`);

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  ${problem}`);
}
if (unparsedTotal > 0 || problems.length > 0) process.exit(1);
