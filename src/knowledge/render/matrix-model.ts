import type { KnowledgeBase, ResolvedNote } from '../knowledge-base.ts';
import type { FamilyMatrix, MatrixCell } from '../query/matrix.ts';
import type { HostId } from '../schema/index.ts';
import { describeVersionItems } from '../version.ts';

/** What one cell of the picture shows. "conditional" is available with a note that limits it. */
export type PictureMark = 'available' | 'conditional' | 'not-available' | 'not-on-host' | 'not-applicable' | 'no-data';

export const MARK_LABELS: Record<PictureMark, string> = {
  available: 'Available',
  conditional: 'Available with a condition (see note)',
  'not-available': 'Not available',
  'not-on-host': 'Only on other hosts',
  'not-applicable': 'Not applicable',
  'no-data': 'Not stated',
};

export interface PictureCell {
  readonly mark: PictureMark;
  /** Note labels as the page numbers them ("3"; "2′" for a note carried over from an earlier page version). */
  readonly notes: readonly string[];
}

/** A family matrix reduced to what the picture draws: every label already worded, every cell already judged. */
export interface MatrixPictureModel {
  readonly title: string;
  readonly subtitle: string;
  readonly columns: ReadonlyArray<{ readonly versions: string; readonly how: string }>;
  readonly rows: ReadonlyArray<{ readonly feature: string; readonly cells: readonly PictureCell[] }>;
  readonly notes: ReadonlyArray<{ readonly label: string; readonly text: string }>;
  readonly footer: readonly string[];
}

function noteLabel(matrix: FamilyMatrix, note: ResolvedNote): string {
  return note.snapshot === matrix.snapshot?.id ? String(note.position) : `${note.position}′`;
}

function markOf(cell: MatrixCell): PictureMark {
  if (cell.status === 'available') return cell.notes.length > 0 ? 'conditional' : 'available';
  return cell.status;
}

function hostLabel(host: HostId): string {
  return `Windows Server ${host}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function pictureModel(kb: KnowledgeBase, matrix: FamilyMatrix): MatrixPictureModel {
  const snapshot = matrix.snapshot;
  const family = kb.familyName(matrix.family);
  const notes = new Map<string, { label: string; text: string; order: number }>();
  const rows = matrix.rows.map((row) => ({
    feature: kb.featureName(row.feature),
    cells: row.cells.map((cell) => {
      const labels: string[] = [];
      for (const note of cell.notes) {
        const label = noteLabel(matrix, note);
        if (!labels.includes(label)) labels.push(label);
        if (!notes.has(label)) {
          const text = `${note.summary ?? 'See the page.'}${note.scope ? ` (${note.scope})` : ''}${note.snapshot === snapshot?.id ? '' : ` [from ${note.snapshot}]`}`;
          notes.set(label, { label, text, order: note.position + (note.snapshot === snapshot?.id ? 0 : 0.5) });
        }
      }
      return { mark: markOf(cell), notes: labels };
    }),
  }));
  const source = snapshot ? kb.sources.get(snapshot.source) : undefined;
  return {
    title: `${family}: Hyper-V feature matrix${matrix.host ? ` on ${hostLabel(matrix.host)}` : ''}`,
    subtitle: snapshot
      ? `Page version ${snapshot.era} (${snapshot.id}) · ${plural(matrix.columns.length, 'release column')} × ${plural(rows.length, 'feature')}${matrix.host ? '' : ' · a mark holds on at least one host the row lists'}`
      : 'No page version lists this family.',
    columns: matrix.columns.map((c) => ({
      versions: `${describeVersionItems(c.versions)}${c.kernel ? ` ${c.kernel.label ?? c.kernel.flavor.toUpperCase()}` : ''}`,
      how: c.integration.kind === 'download' ? (c.integration.package ?? 'LIS download') : c.integration.kind,
    })),
    rows,
    notes: [...notes.values()].sort((a, b) => a.order - b.order).map(({ label, text }) => ({ label, text })),
    footer: [
      source ? `Source: ${source.title} (${source.era})${source.url ? ` ${source.url}` : ''}` : `Source: ${snapshot?.source ?? 'none'}`,
      `lisbot · knowledge base ${kb.version}`,
    ],
  };
}

/** One or two sentences a screen reader can say instead of the picture. */
export function pictureAltText(model: MatrixPictureModel): string {
  const counts = new Map<PictureMark, number>();
  for (const row of model.rows) for (const cell of row.cells) counts.set(cell.mark, (counts.get(cell.mark) ?? 0) + 1);
  const parts = (['available', 'conditional', 'not-available', 'not-on-host', 'not-applicable', 'no-data'] as const)
    .filter((mark) => counts.has(mark))
    .map((mark) => `${MARK_LABELS[mark].toLowerCase()} ${counts.get(mark)!}`);
  const releases = model.columns.map((c) => `${c.versions} (${c.how})`).join('; ');
  return `${model.title}. ${model.subtitle}. Releases: ${releases}. Cells: ${parts.join(', ')}. The same grid follows as text.`.slice(
    0,
    1000,
  );
}
