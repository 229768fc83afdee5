// Assembles one MatrixSnapshot from a parsed matrix page: columns per series table, feature cells, notes.
import { noteFingerprint } from '../fingerprint.ts';
import type { DistroId, FeatureId } from '../schema/ids.ts';
import type { HostAvailability, Integration, KernelFlavor, MatrixNote, MatrixSnapshot, NoteRef, ReleaseColumn } from '../schema/matrix.ts';
import type { Source } from '../schema/source.ts';
import { parseAvailability } from './availability.ts';
import { extractNotes, parseCell } from './cells.ts';
import { classifyRowName } from './feature-names.ts';
import { parseHosts } from './hosts.ts';
import type { MarkdownPage, PageNote, PageTable } from './markdown-page.ts';
import { isFeatureTable, isMatrixTable } from './page-kind.ts';
import { cleanInline } from './text.ts';
import { parseVersionHeader, type ParsedVersionHeader } from './version-headers.ts';

export interface ImportOptions {
  /** The version of the same page just before this one: dangling note references are looked up there. */
  readonly previous?: MatrixSnapshot;
  /** Still older versions of the page, newest first, searched after `previous`. */
  readonly earlier?: readonly MatrixSnapshot[];
  /** Keep the upstream wording of each note (a user's own import only; never for committed data). */
  readonly keepUpstreamText?: boolean;
}

export interface BuiltSnapshot {
  readonly snapshot: MatrixSnapshot;
  /** fingerprint → note text, for tooling. */
  readonly noteTexts: Map<string, string>;
  /** Feature-first tables on the page, parsed or not. */
  readonly featureTables: number;
  /** Some cell or Availability entry cites a note. */
  readonly citesNotes: boolean;
}

const PAGE_FAMILIES: Readonly<Record<string, readonly DistroId[]>> = {
  rhel: ['rhel', 'centos'],
  centos: ['rhel', 'centos'],
  'oracle-linux': ['oracle-linux'],
  sles: ['sles'],
  suse: ['sles'],
  ubuntu: ['ubuntu'],
  debian: ['debian'],
  freebsd: ['freebsd'],
};

/** The distributions a matrix page covers, from its slug, else from its title. */
export function pageFamilies(slug: string, title: string | undefined): DistroId[] | undefined {
  const known = PAGE_FAMILIES[slug];
  if (known) return [...known];
  const text = title ?? '';
  if (/CentOS|Red\s+Hat/i.test(text)) return ['rhel', 'centos'];
  if (/Oracle/i.test(text)) return ['oracle-linux'];
  if (/open\s*SUSE/i.test(text) && !/SLES|Enterprise/i.test(text)) return ['opensuse'];
  if (/SUSE|SLES/i.test(text)) return ['sles'];
  if (/Ubuntu/i.test(text)) return ['ubuntu'];
  if (/Debian/i.test(text)) return ['debian'];
  if (/FreeBSD/i.test(text)) return ['freebsd'];
  return undefined;
}

function tableName(table: PageTable, page: MarkdownPage): string {
  const heading = table.heading;
  if (heading && !/legend/i.test(heading.text) && heading.text !== '') return heading.text;
  return page.title ?? `table at line ${table.line}`;
}

/** RHEL/CentOS series tables: "RHEL 10.x Series" covers RHEL only. */
function tableFamilies(name: string, families: readonly DistroId[]): DistroId[] {
  if (!families.includes('rhel') || !families.includes('centos')) return [...families];
  const rhel = /\bRHEL\b|Red\s+Hat/i.test(name);
  const centos = /\bCentOS\b/i.test(name);
  if (rhel && !centos) return ['rhel'];
  if (centos && !rhel) return ['centos'];
  return [...families];
}

function tableKernel(name: string): KernelFlavor | undefined {
  if (/Red\s+Hat\s+compatible\s+Kernel|\bRHCK\b/i.test(name)) return { flavor: 'rhck' };
  if (/Unbreakable\s+Enterprise\s+Kernel|\bUEK\b/i.test(name)) return { flavor: 'uek' };
  return undefined;
}

function kernelKey(kernel: KernelFlavor): string {
  return kernel.label ? kernel.label.toLowerCase().replace(/\s+/g, '-') : kernel.flavor;
}

function integrationKey(integration: Integration): string {
  return integration.package ? `${integration.kind}:${integration.package.toLowerCase().replace(/\s+/g, '-')}` : integration.kind;
}

interface ColumnDraft {
  readonly index: number;
  readonly header: string;
  readonly parsed: ParsedVersionHeader;
  readonly families: DistroId[];
  readonly kernel: KernelFlavor | undefined;
  integration: Integration | undefined;
  readonly features: Partial<Record<FeatureId, HostAvailability[]>>;
}

function mergeNotes(own: readonly NoteRef[], extra: readonly NoteRef[] | undefined): NoteRef[] {
  const out = [...own];
  for (const ref of extra ?? []) if (!out.some((n) => n.position === ref.position && n.scope === ref.scope)) out.push(ref);
  return out;
}

class SnapshotBuilder {
  readonly columns: ReleaseColumn[] = [];
  readonly unparsed: { where: string; reason: string }[] = [];
  readonly diagnostics: string[] = [];
  featureTables = 0;
  private readonly keys = new Set<string>();

  constructor(
    private readonly page: MarkdownPage,
    private readonly families: DistroId[],
  ) {}

  addTable(table: PageTable): void {
    const name = tableName(table, this.page);
    if (!isFeatureTable(table)) {
      this.diagnostics.push(
        `skipped the table at line ${table.line} under "${name}": its first columns are "${table.header
          .slice(0, 2)
          .map((h) => cleanInline(h))
          .join('" | "')}", not Feature and host`,
      );
      return;
    }
    this.featureTables += 1;
    if (!isMatrixTable(table)) {
      this.unparsed.push({
        where: name,
        reason: `the table at line ${table.line} starts with a Feature column but its second column "${cleanInline(table.header[1] ?? '')}" is not the host version, or it has no guest columns`,
      });
      return;
    }
    for (const problem of table.problems) this.diagnostics.push(`${name}: ${problem}`);
    const families = tableFamilies(name, this.families);
    const defaultKernel = tableKernel(name);
    const drafts: ColumnDraft[] = [];
    for (let index = 2; index < table.header.length; index++) {
      const header = cleanInline(table.header[index] ?? '');
      const hasCells = table.rows.some((row) => cleanInline(row.cells[index] ?? '') !== '');
      if (header === '') {
        if (hasCells) this.unparsed.push({ where: `${name} / column ${index + 1}`, reason: 'the column has cells but no header' });
        else this.diagnostics.push(`${name}: ignored the empty column ${index + 1}`);
        continue;
      }
      const parsed = parseVersionHeader(table.header[index] ?? '');
      if (!parsed.ok) {
        this.unparsed.push({ where: `${name} / column "${header}"`, reason: parsed.reason });
        continue;
      }
      const columnFamilies = parsed.header.families.filter((f) => f !== 'oracle-linux' || families.includes('oracle-linux'));
      drafts.push({
        index,
        header,
        parsed: parsed.header,
        families: columnFamilies.length > 0 ? columnFamilies : families,
        kernel: parsed.header.kernel ?? defaultKernel,
        integration: undefined,
        features: {},
      });
    }
    if (drafts.length === 0) {
      this.unparsed.push({ where: name, reason: `no guest column header in the table at line ${table.line} could be read` });
      return;
    }
    const featureRows = this.readRows(table, name, drafts);
    if (featureRows === 0) {
      this.unparsed.push({ where: name, reason: `the table at line ${table.line} has no feature rows` });
      return;
    }
    for (const draft of drafts) this.finishColumn(draft, name);
  }

  private readRows(table: PageTable, name: string, drafts: ColumnDraft[]): number {
    let current: { feature: FeatureId; rowName: string } | undefined;
    let categoryNotes = new Map<number, NoteRef[]>();
    const seen = new Set<FeatureId>();
    const noHostReported = new Set<FeatureId>();
    let featureRows = 0;

    const addEntries = (feature: FeatureId, rowName: string, cells: string[]) => {
      const hosts = parseHosts(cells[1] ?? '');
      if (hosts.unknown.length > 0)
        this.diagnostics.push(`${name} / ${rowName}: host text not understood: "${hosts.unknown.join('", "')}"`);
      if (hosts.hosts.length === 0 && hosts.otherHosts.length === 0 && !noHostReported.has(feature)) {
        noHostReported.add(feature);
        this.diagnostics.push(`${name} / ${rowName}: the row names no host; its entries have an empty host list`);
      }
      for (const draft of drafts) {
        const raw = cells[draft.index] ?? '';
        const result = parseCell(raw);
        if (!result.ok) {
          this.unparsed.push({ where: `${name} / ${rowName} / ${draft.header}`, reason: result.reason });
          continue;
        }
        const entry: HostAvailability = {
          status: result.cell.status,
          hosts: [...hosts.hosts],
          otherHosts: [...hosts.otherHosts],
          notes: mergeNotes(result.cell.notes, categoryNotes.get(draft.index)),
          ...(result.cell.scope === undefined ? {} : { scope: result.cell.scope }),
        };
        (draft.features[feature] ??= []).push(entry);
      }
    };

    for (const row of table.rows) {
      const rawName = row.cells[0] ?? '';
      const rowName = cleanInline(rawName);
      if (rowName === '') {
        if (row.cells.every((cell) => cleanInline(cell) === '')) continue;
        if (!current) {
          this.unparsed.push({ where: `${name} / line ${row.line}`, reason: 'a row without a feature name follows no feature row' });
          continue;
        }
        // A split row: the feature above continues with other hosts.
        addEntries(current.feature, current.rowName, row.cells);
        continue;
      }
      const kind = classifyRowName(rawName);
      if (kind.kind === 'availability') {
        current = undefined;
        this.readAvailabilityRow(row.cells, `${name} / ${rowName}`, drafts);
      } else if (kind.kind === 'category') {
        current = undefined;
        categoryNotes = this.readCategoryRow(row.cells, `${name} / ${rowName}`, drafts);
      } else if (kind.kind === 'feature') {
        featureRows += 1;
        if (seen.has(kind.feature))
          this.diagnostics.push(`${name} / ${rowName}: ${kind.feature} appears in two rows; both rows' entries are kept`);
        seen.add(kind.feature);
        current = { feature: kind.feature, rowName };
        addEntries(kind.feature, rowName, row.cells);
      } else {
        current = undefined;
        this.unparsed.push({ where: `${name} / row "${kind.name}"`, reason: 'unknown feature name' });
      }
    }
    return featureRows;
  }

  /** The Availability row: how each column gets its integration services. */
  private readAvailabilityRow(cells: readonly string[], where: string, drafts: ColumnDraft[]): void {
    for (const draft of drafts) {
      const result = parseAvailability(cells[draft.index] ?? '');
      if (!result.ok) this.unparsed.push({ where: `${where} / ${draft.header}`, reason: result.reason });
      else if (result.integration) draft.integration = result.integration;
    }
  }

  /** A category row ("Networking"): the notes it cites per column, which apply to every feature row below it. */
  private readCategoryRow(cells: readonly string[], where: string, drafts: ColumnDraft[]): Map<number, NoteRef[]> {
    const categoryNotes = new Map<number, NoteRef[]>();
    for (const draft of drafts) {
      const { notes, rest } = extractNotes(cleanInline(cells[draft.index] ?? ''));
      if (notes.length > 0) categoryNotes.set(draft.index, notes);
      if (rest.trim() !== '') this.diagnostics.push(`${where} / ${draft.header}: ignored text "${rest.trim()}" on a category row`);
    }
    if (cleanInline(cells[1] ?? '') !== '') this.diagnostics.push(`${where}: ignored the host list on a category row`);
    if (categoryNotes.size > 0) {
      this.diagnostics.push(`${where}: the category row cites notes; they apply to every feature of the category in that column`);
    }
    return categoryNotes;
  }

  private finishColumn(draft: ColumnDraft, table: string): void {
    let confidence: 'high' | 'medium' = 'high';
    let integration = draft.integration;
    if (!integration) {
      integration = { kind: 'built-in', notes: [] };
      confidence = 'medium';
      this.diagnostics.push(`${table} / ${draft.header}: the Availability cell is empty; assumed built in`);
    }
    if (draft.parsed.versionsInferred) {
      confidence = 'medium';
      this.diagnostics.push(
        `${table} / ${draft.header}: the header names a kernel release only; versions ${draft.parsed.versions.map((v) => (v.kind === 'series' ? `${v.major}.x` : '')).join(', ')} inferred from it`,
      );
    }
    const group = draft.families.includes(this.families[0]!) ? this.families[0]! : draft.families[0]!;
    const parts: string[] = [group];
    if (!draft.parsed.versionsInferred) parts.push(draft.parsed.key);
    if (draft.kernel) parts.push(kernelKey(draft.kernel));
    parts.push(integrationKey(integration));
    let key = parts.join(':');
    if (this.keys.has(key)) {
      let n = 2;
      while (this.keys.has(`${key}#${n}`)) n += 1;
      this.diagnostics.push(`${table} / ${draft.header}: another column already has the key ${key}; this one is ${key}#${n}`);
      key = `${key}#${n}`;
    }
    this.keys.add(key);
    const column: ReleaseColumn = {
      key,
      families: draft.families,
      table,
      header: draft.header,
      versions: draft.parsed.versions,
      ...(draft.kernel ? { kernel: draft.kernel } : {}),
      integration,
      features: draft.features,
      confidence,
    };
    this.columns.push(column);
  }
}

/** Where a dangling note number can be found in earlier versions of the page, newest first. */
function findInHistory(position: number, history: readonly MatrixSnapshot[]): { snapshot: string; position: number } | undefined {
  for (const snapshot of history) {
    if (snapshot.notes.some((n) => n.position === position && !n.placeholder)) return { snapshot: snapshot.id, position };
    for (const column of snapshot.columns) {
      const refs = [...column.integration.notes, ...Object.values(column.features).flatMap((cell) => cell.flatMap((e) => e.notes))];
      const chained = refs.find((ref) => ref.position === position && ref.resolvedFrom);
      if (chained?.resolvedFrom) return chained.resolvedFrom;
    }
  }
  return undefined;
}

function resolveNotes(
  columns: ReleaseColumn[],
  notes: readonly PageNote[],
  history: readonly MatrixSnapshot[],
  diagnostics: string[],
): boolean {
  const byPosition = new Map(notes.map((n) => [n.position, n]));
  const outcome = new Map<number, string>();
  let cites = false;
  const resolve = (refs: NoteRef[]): NoteRef[] =>
    refs.flatMap((ref) => {
      cites = true;
      const own = byPosition.get(ref.position);
      if (own && !own.placeholder) return [ref];
      const found = findInHistory(ref.position, history);
      const what = own ? 'which the page marks as intentionally omitted' : `which the page's list (${notes.length} notes) does not have`;
      if (found) {
        outcome.set(ref.position, `cells cite note ${ref.position}, ${what}; resolved from ${found.snapshot}#${found.position}`);
        return [{ ...ref, resolvedFrom: found }];
      }
      outcome.set(
        ref.position,
        `cells cite note ${ref.position}, ${what}, and no earlier version of the page has it${own ? '' : '; the reference is dropped'}`,
      );
      return own ? [ref] : [];
    });
  for (const column of columns) {
    column.integration.notes = resolve(column.integration.notes);
    for (const entries of Object.values(column.features)) {
      for (const entry of entries) entry.notes = resolve(entry.notes);
    }
  }
  for (const position of [...outcome.keys()].sort((a, b) => a - b)) diagnostics.push(outcome.get(position)!);
  return cites;
}

export function buildSnapshot(page: MarkdownPage, source: Source, families: DistroId[], options: ImportOptions = {}): BuiltSnapshot {
  const builder = new SnapshotBuilder(page, families);
  for (const table of page.tables) builder.addTable(table);
  const pageNotes = page.notes ?? [];
  const history = [options.previous, ...(options.earlier ?? [])].filter((s): s is MatrixSnapshot => s !== undefined);
  const citesNotes = resolveNotes(builder.columns, pageNotes, history, builder.diagnostics);
  const noteTexts = new Map<string, string>();
  const notes: MatrixNote[] = pageNotes.map((note) => {
    const fingerprint = noteFingerprint(note.text);
    noteTexts.set(fingerprint, note.text);
    return options.keepUpstreamText
      ? { position: note.position, fingerprint, placeholder: note.placeholder, upstreamText: note.text }
      : { position: note.position, fingerprint, placeholder: note.placeholder };
  });
  const columnFamilies = new Set(builder.columns.flatMap((c) => c.families));
  const snapshot: MatrixSnapshot = {
    id: source.id,
    source: source.id,
    page: source.page,
    era: source.era,
    order: source.order,
    families: families.filter((f) => columnFamilies.has(f)).concat([...columnFamilies].filter((f) => !families.includes(f))),
    columns: builder.columns,
    notes,
    unparsed: builder.unparsed,
    diagnostics: builder.diagnostics,
  };
  if (snapshot.families.length === 0) snapshot.families = families;
  return { snapshot, noteTexts, featureTables: builder.featureTables, citesNotes };
}
