import type { KnowledgeBase, ResolvedNote } from '../../knowledge/knowledge-base.ts';
import type { OptionStatus } from '../../knowledge/query/feature.ts';
import { decideVerdict } from '../../knowledge/query/verdict.ts';
import type { ColumnMatch } from '../../knowledge/query/support.ts';
import { FEATURE_IDS, type Arch, type DistroId, type FeatureId, type HostId } from '../../knowledge/schema/index.ts';
import { describeVersionItems } from '../../knowledge/version.ts';

/** One feature for one guest: the KB's verdict, then what the guest itself shows. */
export interface FeatureStatus {
  readonly feature: FeatureId;
  /** Undefined when the KB has no answer (no data, or the feature does not apply). */
  readonly available: boolean | undefined;
  readonly kbStatus: OptionStatus;
  /** Our own words: which column said what, and any guest-side reason. */
  readonly why: string;
  /** Hosts on which the column lists the feature. */
  readonly hosts: readonly HostId[];
  readonly column?: ColumnMatch;
  readonly notes: readonly ResolvedNote[];
}

export interface FeatureQuery {
  readonly family: DistroId;
  readonly version: string;
  readonly kernel?: 'rhck' | 'uek' | undefined;
  /** The UEK release as a key ("r5"), when the kernel tells it. */
  readonly uek?: string | undefined;
  readonly arch?: Arch | undefined;
  readonly integration: 'built-in' | 'download';
  /** The installed download as the KB names its columns, e.g. "LIS 3.5". */
  readonly lisPackage?: string | undefined;
  readonly host?: HostId | undefined;
}

function columnLabel(match: ColumnMatch): string {
  const how =
    match.column.integration.kind === 'download' ? (match.column.integration.package ?? 'LIS download') : match.column.integration.kind;
  return `${how} column for ${describeVersionItems(match.column.versions)} (${match.snapshot.id})`;
}

function why(match: ColumnMatch, status: OptionStatus, hosts: readonly HostId[], host: HostId | undefined): string {
  const label = columnLabel(match);
  switch (status) {
    case 'available':
      return host ? `${label}: available on ${host}` : `${label}: available${hosts.length ? ` on ${hosts.join(', ')}` : ''}`;
    case 'not-on-host':
      return `${label}: listed for ${hosts.join(', ')}, not for ${host ?? 'this host'}`;
    case 'not-available':
      return `${label}: not available`;
    case 'not-applicable':
      return `${label}: does not apply`;
    case 'no-data':
      return `${label}: no data`;
  }
}

function computeTable(kb: KnowledgeBase, q: FeatureQuery): Map<FeatureId, FeatureStatus> {
  // The verdict engine reads every era, so an installed LIS 3.5 is judged by the pages that had a LIS 3.5 column.
  const lis = q.lisPackage?.replace(/^LIS /, '');
  const base = {
    family: q.family,
    version: q.version,
    ...(q.kernel ? { kernel: q.kernel } : {}),
    ...(q.uek ? { uek: q.uek } : {}),
    ...(q.arch ? { arch: q.arch } : {}),
    ...(q.host ? { host: q.host } : {}),
    ...(lis && kb.lisReleases.some((r) => r.version === lis) ? { lis } : { integration: q.integration }),
  };
  const table = new Map<FeatureId, FeatureStatus>();
  for (const feature of FEATURE_IDS) {
    let answer = decideVerdict(kb, { ...base, feature });
    // An installed LIS no page shows for this version: fall back to the integration kind, as before.
    if (answer.deciding.length === 0 && 'lis' in base)
      answer = decideVerdict(kb, { ...base, lis: undefined, integration: q.integration, feature });
    const reading =
      answer.deciding.find((r) => q.lisPackage !== undefined && r.column.integration.package === q.lisPackage) ??
      answer.deciding.find((r) => r.column.integration.kind === q.integration) ??
      answer.deciding[0];
    if (!reading) continue;
    const available = reading.verdict === 'yes' || reading.verdict === 'conditional' ? true : reading.verdict === 'no' ? false : undefined;
    const match: ColumnMatch = { snapshot: reading.snapshot, column: reading.column, match: reading.match };
    const reason = reading.verdict === 'no' && reading.reason && reading.status === 'available' ? `; ${reading.reason}` : '';
    table.set(feature, {
      feature,
      available,
      kbStatus: reading.status,
      why: `${why(match, reading.status, reading.hosts, q.host)}${reason}`,
      hosts: reading.hosts,
      column: match,
      notes: reading.notes,
    });
  }
  return table;
}

const MAX_CACHED = 512;
const caches = new WeakMap<KnowledgeBase, Map<string, Map<FeatureId, FeatureStatus>>>();

/**
 * The KB's feature verdicts for one guest column and host. Inventories repeat the same few
 * combinations, so answers are cached per KB (bounded; the oldest entry goes first).
 */
export function kbFeatureTable(kb: KnowledgeBase, q: FeatureQuery): ReadonlyMap<FeatureId, FeatureStatus> {
  let cache = caches.get(kb);
  if (!cache) {
    cache = new Map();
    caches.set(kb, cache);
  }
  const key = [q.family, q.version, q.kernel ?? '', q.uek ?? '', q.arch ?? '', q.integration, q.lisPackage ?? '', q.host ?? ''].join('|');
  const hit = cache.get(key);
  if (hit) return hit;
  const table = computeTable(kb, q);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? key);
  cache.set(key, table);
  return table;
}
