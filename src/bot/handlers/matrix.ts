import type { KnowledgeBase } from '../../knowledge/index.ts';
import { queryMatrix } from '../../knowledge/query/matrix.ts';
import { drawMatrix } from '../../knowledge/render/matrix-picture.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';
import { describeVersionItems } from '../../knowledge/version.ts';
import { reply, type Reply, type ReplyAttachment } from '../../core/reply.ts';
import { CHECK_VM_ACTION, noteLines, sourcesOf } from '../../core/cite.ts';

const MARK = { available: '✔', 'not-available': '✖', 'not-applicable': 'n/a', 'not-on-host': '–', 'no-data': '?' } as const;

/** The matrix as a picture for the adapters to attach; the reply's table is its text fallback. */
function matrixPicture(kb: KnowledgeBase, family: DistroId, host: HostId | undefined, asOf: string | undefined): ReplyAttachment[] {
  const drawing = drawMatrix(kb, family, { host, asOf });
  if (!drawing) return [];
  return [
    {
      kind: 'matrix-picture',
      family,
      ...(host ? { host } : {}),
      ...(asOf ? { asOf } : {}),
      filename: drawing.filename,
      altText: drawing.altText,
    },
  ];
}

/** The full feature grid of a family (as the KB stood on asOf, when given), for the "Show full matrix" button and `/lis matrix`. */
export function matrixReply(kb: KnowledgeBase, family: DistroId, host?: HostId, asOf?: string): Reply {
  const matrix = queryMatrix(kb, family, { host, asOf });
  if (!matrix.snapshot) {
    return reply({
      intent: 'distro_support',
      answered: false,
      entities: { distro: family },
      title: `${kb.familyName(family)}: no matrix`,
      text: `No Microsoft matrix lists ${kb.familyName(family)}${asOf ? ` as of ${asOf}` : ''}.`,
    });
  }
  const columns = matrix.columns.map(
    (c) =>
      `${describeVersionItems(c.versions)}${c.kernel ? ` ${c.kernel.label ?? c.kernel.flavor.toUpperCase()}` : ''} ${c.integration.kind === 'download' ? (c.integration.package ?? 'LIS') : c.integration.kind}`,
  );
  return reply({
    intent: 'distro_support',
    entities: { distro: family, ...(host ? { host } : {}), ...(asOf ? { asOf } : {}) },
    title: `${kb.familyName(family)} feature matrix${host ? ` on ${host}` : ''}`,
    text: `${matrix.columns.length} release columns from the ${matrix.snapshot.era} matrix${asOf ? ` (the newest page version on ${asOf})` : ''}. ✔ available, ✖ not available, – only on other hosts, n/a not applicable.`,
    table: {
      columns: ['Feature', ...columns],
      rows: matrix.rows.map((row) => [kb.featureName(row.feature), ...row.cells.map((c) => MARK[c.status])]),
    },
    notes: noteLines(matrix.rows.flatMap((r) => r.cells.flatMap((c) => c.notes))),
    sources: sourcesOf(kb, [matrix.snapshot.source]),
    actions: [CHECK_VM_ACTION],
    attachments: matrixPicture(kb, family, host, asOf),
  });
}
