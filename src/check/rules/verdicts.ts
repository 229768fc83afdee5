import type { KnowledgeBase } from '../../knowledge/index.ts';
import { querySupport, type SupportAnswer } from '../../knowledge/query/support.ts';
import type { DistroId, FeatureId, HostId } from '../../knowledge/schema/index.ts';
import { kbFeatureTable, type FeatureStatus } from './features.ts';
import { cached } from './kb-cache.ts';

/** What the rules ask the KB about one guest: its release, kernel line, integration and host. */
export interface VerdictQuery {
  readonly family: DistroId;
  readonly version: string;
  readonly integration: 'download' | 'built-in';
  /** Oracle Linux: Red Hat compatible kernel or UEK. */
  readonly kernel?: 'rhck' | 'uek' | undefined;
  /** The LIS release the guest runs ("LIS 4.2"), when it runs the download. */
  readonly lisPackage?: string | undefined;
  readonly host?: HostId | undefined;
}

/**
 * The one place the guest check asks the KB for support and feature verdicts. When the
 * verdict engine (src/knowledge/query/verdict.ts) takes over support and feature facts, only
 * this function changes.
 */
export function supportVerdict(kb: KnowledgeBase, q: VerdictQuery): SupportAnswer {
  return cached(kb, 'support', `${q.family}|${q.version}|${q.integration}|${q.kernel ?? ''}`, () =>
    querySupport(kb, {
      family: q.family,
      version: q.version,
      integration: q.integration,
      ...(q.kernel ? { kernel: q.kernel } : {}),
    }),
  );
}

/** The KB's answer per feature for this guest and host (see supportVerdict). */
export function featureVerdicts(kb: KnowledgeBase, q: VerdictQuery): ReadonlyMap<FeatureId, FeatureStatus> {
  return kbFeatureTable(kb, q);
}
