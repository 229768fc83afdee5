import type { KnowledgeBase, ResolvedNote } from '../knowledge-base.ts';
import type { CellStatus, FeatureCell, FeatureId, HostId } from '../schema/index.ts';
import { querySupport, type ColumnMatch, type SupportAnswer, type SupportQuery } from './support.ts';

export type Verdict = 'supported' | 'not_supported' | 'unknown';

export type OptionStatus = CellStatus | 'not-on-host' | 'no-data';

export interface FeatureOption {
  readonly match: ColumnMatch;
  readonly status: OptionStatus;
  /** Hosts on which the feature is available in this column. */
  readonly hosts: readonly HostId[];
  readonly notes: readonly ResolvedNote[];
}

export interface FeatureAnswer {
  readonly support: SupportAnswer;
  readonly feature: FeatureId;
  readonly host: HostId | undefined;
  readonly options: readonly FeatureOption[];
  readonly verdict: Verdict;
}

/** What one cell says for one host (or for any host when none is asked). */
export function cellStatus(cell: FeatureCell | undefined, host: HostId | undefined): { status: OptionStatus; hosts: HostId[] } {
  if (!cell) return { status: 'no-data', hosts: [] };
  const hosts = cell.filter((entry) => entry.status === 'available').flatMap((entry) => entry.hosts);
  if (host === undefined) {
    const statuses = new Set(cell.map((entry) => entry.status));
    const status: CellStatus = statuses.has('available')
      ? 'available'
      : statuses.has('not-applicable')
        ? 'not-applicable'
        : 'not-available';
    return { status, hosts };
  }
  // A row that states no hosts (the >256 vCPU rows) applies to whichever host is asked about.
  const entry = cell.find((e) => e.hosts.includes(host)) ?? cell.find((e) => e.hosts.length === 0);
  if (!entry) return { status: cell.some((e) => e.status === 'available') ? 'not-on-host' : 'not-available', hosts };
  return { status: entry.status, hosts };
}

function notesFor(kb: KnowledgeBase, match: ColumnMatch, cell: FeatureCell | undefined, host: HostId | undefined): ResolvedNote[] {
  if (!cell) return [];
  const entries = host === undefined ? cell : cell.filter((e) => e.hosts.includes(host));
  return entries
    .flatMap((entry) => entry.notes)
    .map((ref) => kb.resolveNote(match.snapshot, ref))
    .filter((note): note is ResolvedNote => note !== undefined);
}

function verdictOf(support: SupportAnswer, options: readonly FeatureOption[]): Verdict {
  if (support.status === 'does-not-run' || support.status === 'emulated-only') return 'not_supported';
  if (support.status === 'not-listed' || support.status === 'no-data') return 'unknown';
  if (options.some((o) => o.status === 'available')) return 'supported';
  if (options.every((o) => o.status === 'no-data')) return 'unknown';
  return 'not_supported';
}

/** Whether a feature works for a distro version, per column, on one host or on each host the matrix names. */
export function queryFeature(kb: KnowledgeBase, query: SupportQuery & { feature: FeatureId; host?: HostId }): FeatureAnswer {
  const support = querySupport(kb, query);
  const options = support.matches.map((match) => {
    const cell = match.column.features[query.feature];
    const { status, hosts } = cellStatus(cell, query.host);
    return { match, status, hosts, notes: notesFor(kb, match, cell, query.host) };
  });
  return { support, feature: query.feature, host: query.host, options, verdict: verdictOf(support, options) };
}
