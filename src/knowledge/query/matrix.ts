import type { KnowledgeBase, ResolvedNote } from '../knowledge-base.ts';
import { FEATURE_IDS, type DistroId, type FeatureId, type HostId, type MatrixSnapshot, type ReleaseColumn } from '../schema/index.ts';
import { cellStatus, type OptionStatus } from './feature.ts';
import { erasAt } from './eras.ts';

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

/** The family's full feature grid from its newest snapshot (at asOf: a date or a snapshot id), optionally read for one host. */
export function queryMatrix(kb: KnowledgeBase, family: DistroId, options: { host?: HostId; asOf?: string } = {}): FamilyMatrix {
  const snapshot = erasAt(kb, family, options.asOf)[0];
  const columns = snapshot?.columns.filter((c) => c.families.includes(family)) ?? [];
  const rows = FEATURE_IDS.filter((feature) => columns.some((column) => column.features[feature] !== undefined)).map((feature) => ({
    feature,
    cells: columns.map((column) => {
      const cell = column.features[feature];
      const read = cellStatus(cell, options.host);
      const { hosts } = read;
      let { status } = read;
      // Read for one host, a feature counts only where the guest itself is listed on that host.
      if (
        options.host !== undefined &&
        feature !== 'core' &&
        status === 'available' &&
        column.features.core &&
        cellStatus(column.features.core, options.host).status !== 'available'
      )
        status = 'not-on-host';
      const refs = cell?.filter((e) => options.host === undefined || e.hosts.includes(options.host)).flatMap((e) => e.notes) ?? [];
      const notes = snapshot ? refs.map((ref) => kb.resolveNote(snapshot, ref)).filter((n): n is ResolvedNote => n !== undefined) : [];
      return { status, hosts, notes };
    }),
  }));
  return { family, host: options.host, snapshot, columns, rows };
}
