import type { KnowledgeBase, ResolvedNote } from '../../knowledge/knowledge-base.ts';
import { queryFeature, type OptionStatus } from '../../knowledge/query/feature.ts';
import type { ColumnMatch } from '../../knowledge/query/support.ts';
import { FEATURE_IDS, type DistroId, type FeatureId, type HostId } from '../../knowledge/schema/index.ts';
import { describeVersionItems, matchVersionItems, parseVersion } from '../../knowledge/version.ts';

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
  readonly kernel?: 'rhck' | 'uek';
  readonly integration: 'built-in' | 'download';
  /** The installed download as the KB names its columns, e.g. "LIS 3.5". */
  readonly lisPackage?: string;
  readonly host?: HostId;
}

function columnLabel(match: ColumnMatch): string {
  const how = match.column.integration.kind === 'download' ? match.column.integration.package ?? 'LIS download' : match.column.integration.kind;
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

/** The era of the newest snapshot with a column for this download package that holds the version. */
function packageEra(kb: KnowledgeBase, family: DistroId, version: string, lisPackage: string): string | undefined {
  const parsed = parseVersion(version);
  if (!parsed) return undefined;
  for (const snapshot of kb.history(family)) {
    const hit = snapshot.columns.some((c) => c.families.includes(family) && c.integration.package === lisPackage && matchVersionItems(parsed, c.versions) !== 'none');
    if (hit) return snapshot.era;
  }
  return undefined;
}

function computeTable(kb: KnowledgeBase, q: FeatureQuery): Map<FeatureId, FeatureStatus> {
  const base = { family: q.family, version: q.version, integration: q.integration, ...(q.kernel ? { kernel: q.kernel } : {}), ...(q.host ? { host: q.host } : {}) };
  // The current matrix only shows the newest download (LIS 4.3); an older installed release
  // (LIS 3.5) is judged by the newest page that still had a column for it.
  let asOf: string | undefined;
  if (q.lisPackage) {
    const current = queryFeature(kb, { ...base, feature: 'core' });
    if (!current.options.some((o) => o.match.column.integration.package === q.lisPackage)) asOf = packageEra(kb, q.family, q.version, q.lisPackage);
  }
  const table = new Map<FeatureId, FeatureStatus>();
  for (const feature of FEATURE_IDS) {
    const answer = queryFeature(kb, { ...base, feature, ...(asOf ? { asOf } : {}) });
    const option = answer.options.find((o) => q.lisPackage !== undefined && o.match.column.integration.package === q.lisPackage)
      ?? answer.options.find((o) => o.match.column.integration.kind === q.integration)
      ?? answer.options[0];
    if (!option) continue;
    const available = option.status === 'available' ? true : option.status === 'not-available' || option.status === 'not-on-host' ? false : undefined;
    table.set(feature, {
      feature, available, kbStatus: option.status, why: why(option.match, option.status, option.hosts, q.host),
      hosts: option.hosts, column: option.match, notes: option.notes,
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
  if (!cache) { cache = new Map(); caches.set(kb, cache); }
  const key = [q.family, q.version, q.kernel ?? '', q.integration, q.lisPackage ?? '', q.host ?? ''].join('|');
  const hit = cache.get(key);
  if (hit) return hit;
  const table = computeTable(kb, q);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? key);
  cache.set(key, table);
  return table;
}
