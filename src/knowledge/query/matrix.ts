import type { KnowledgeBase, ResolvedNote } from '../knowledge-base.ts';
import { FEATURE_IDS, type DistroId, type FeatureId, type HostId, type MatrixSnapshot, type ReleaseColumn } from '../schema/index.ts';
import { cellStatus, type OptionStatus } from './feature.ts';

export interface MatrixCell {
  readonly status: OptionStatus;
  readonly hosts: readonly HostId[];
  readonly notes: readonly ResolvedNote[];
}

export interface FamilyMatrix {
  readonly family: DistroId;
  readonly host: HostId | undefined;
  readonly snapshot: MatrixSnapshot | undefined;
  readonly columns: readonly ReleaseColumn[];
  readonly rows: ReadonlyArray<{ feature: FeatureId; cells: readonly MatrixCell[] }>;
}

/** The family's full feature grid from its newest snapshot (at asOf), optionally read for one host. */
export function queryMatrix(kb: KnowledgeBase, family: DistroId, options: { host?: HostId; asOf?: string } = {}): FamilyMatrix {
  const snapshot = kb.snapshotAt(family, options.asOf);
  const columns = snapshot?.columns.filter((c) => c.families.includes(family)) ?? [];
  const rows = FEATURE_IDS
    .filter((feature) => columns.some((column) => column.features[feature] !== undefined))
    .map((feature) => ({
      feature,
      cells: columns.map((column) => {
        const cell = column.features[feature];
        const { status, hosts } = cellStatus(cell, options.host);
        const refs = cell?.filter((e) => options.host === undefined || e.hosts.includes(options.host)).flatMap((e) => e.notes) ?? [];
        const notes = snapshot ? refs.map((ref) => kb.resolveNote(snapshot, ref)).filter((n): n is ResolvedNote => n !== undefined) : [];
        return { status, hosts, notes };
      }),
    }));
  return { family, host: options.host, snapshot, columns, rows };
}
