import type { KnowledgeBase } from '../../knowledge/index.ts';
import { queryMatrix } from '../../knowledge/query/matrix.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';
import { describeVersionItems } from '../../knowledge/version.ts';
import { reply, type Reply } from '../../core/reply.ts';
import { CHECK_VM_ACTION, noteLines, sourcesOf } from '../../core/cite.ts';

const MARK = { available: '✔', 'not-available': '✖', 'not-applicable': 'n/a', 'not-on-host': '–', 'no-data': '?' } as const;

/** The full feature grid of a family, for the "Show full matrix" button. */
export function matrixReply(kb: KnowledgeBase, family: DistroId, host?: HostId): Reply {
  const matrix = queryMatrix(kb, family, { host });
  if (!matrix.snapshot) {
    return reply({ intent: 'distro_support', answered: false, entities: { distro: family }, title: `${kb.familyName(family)}: no matrix`, text: `No Microsoft matrix lists ${kb.familyName(family)}.` });
  }
  const columns = matrix.columns.map((c) => `${describeVersionItems(c.versions)}${c.kernel ? ` ${c.kernel.label ?? c.kernel.flavor.toUpperCase()}` : ''} ${c.integration.kind === 'download' ? c.integration.package ?? 'LIS' : c.integration.kind}`);
  return reply({
    intent: 'distro_support',
    entities: { distro: family, ...(host ? { host } : {}) },
    title: `${kb.familyName(family)} feature matrix${host ? ` on ${host}` : ''}`,
    text: `${matrix.columns.length} release columns from the ${matrix.snapshot.era} matrix. ✔ available, ✖ not available, – only on other hosts, n/a not applicable.`,
    table: { columns: ['Feature', ...columns], rows: matrix.rows.map((row) => [kb.featureName(row.feature), ...row.cells.map((c) => MARK[c.status])]) },
    notes: noteLines(matrix.rows.flatMap((r) => r.cells.flatMap((c) => c.notes))),
    sources: sourcesOf(kb, [matrix.snapshot.source]),
    actions: [CHECK_VM_ACTION],
  });
}
