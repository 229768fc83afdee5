import type { KnowledgeBase } from './knowledge-base.ts';
import type { HostId, Integration, ReleaseColumn } from './schema/index.ts';
import { HOST_IDS } from './schema/index.ts';
import { describeVersionItems } from './version.ts';

export function describeIntegration(integration: Integration): string {
  switch (integration.kind) {
    case 'built-in':
      return 'built in to the distribution kernel';
    case 'download':
      return `the Microsoft ${integration.package ?? 'LIS'} download`;
    case 'ports':
      return 'FreeBSD ports (not built in)';
    case 'none':
      return 'no integration services';
  }
}

/** How a guest gets its integration services, to follow "integration services": "from the Microsoft LIS 3.5 download". */
export function integrationServicesSource(integration: Integration): string {
  const described = describeIntegration(integration);
  return integration.kind === 'download' || integration.kind === 'ports' ? `from ${described}` : described;
}

// A column's label is a pure function of the KB and the column: every verdict reply names its columns, so each is worked out once.
const columnLabels = new WeakMap<KnowledgeBase, WeakMap<ReleaseColumn, string>>();

/** "RHEL/CentOS 6.0-6.3 (LIS 4.3)", "Oracle Linux 7.5-7.8 UEK5 (built in)". */
export function describeColumn(kb: KnowledgeBase, column: ReleaseColumn): string {
  let labels = columnLabels.get(kb);
  if (!labels) columnLabels.set(kb, (labels = new WeakMap<ReleaseColumn, string>()));
  let label = labels.get(column);
  if (label === undefined) {
    label = columnLabel(kb, column);
    labels.set(column, label);
  }
  return label;
}

function columnLabel(kb: KnowledgeBase, column: ReleaseColumn): string {
  const families = column.families.map((f) => kb.familyName(f)).join('/');
  const kernel = column.kernel ? ` ${column.kernel.label ?? column.kernel.flavor.toUpperCase()}` : '';
  const how =
    column.integration.kind === 'download'
      ? (column.integration.package ?? 'LIS download')
      : column.integration.kind === 'built-in'
        ? 'built in'
        : column.integration.kind;
  return `${families} ${describeVersionItems(column.versions)}${kernel} (${how})`;
}

export function describeHosts(hosts: readonly HostId[]): string {
  return [...new Set(hosts)].sort((a, b) => HOST_IDS.indexOf(b) - HOST_IDS.indexOf(a)).join(', ');
}

/** "Microsoft Learn: Supported Ubuntu virtual machines on Hyper-V (version of 2023-09-27)". */
export function describeSource(kb: KnowledgeBase, sourceId: string): string {
  const source = kb.sources.get(sourceId);
  if (!source) return sourceId;
  return `${source.title} (${sourceId})`;
}
