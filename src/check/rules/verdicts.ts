import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { ColumnMatch, SupportAnswer, SupportStatus } from '../../knowledge/query/support.ts';
import { decideVerdict, type VerdictAnswer } from '../../knowledge/query/verdict.ts';
import type { Arch, DistroId, FeatureId, HostId } from '../../knowledge/schema/index.ts';
import { kbFeatureTable, type FeatureStatus } from './features.ts';

/** What the rules ask the KB about one guest: its release, kernel line, integration and host. */
export interface VerdictQuery {
  readonly family: DistroId;
  readonly version: string;
  readonly integration: 'download' | 'built-in';
  /** Oracle Linux: Red Hat compatible kernel or UEK. */
  readonly kernel?: 'rhck' | 'uek' | undefined;
  /** The UEK release the kernel belongs to, as a key ("r5"), when it can be told. */
  readonly uek?: string | undefined;
  readonly arch?: Arch | undefined;
  /** The installed LIS download as the KB names its columns ("LIS 4.2"). */
  readonly lisPackage?: string | undefined;
  /** The installed LIS release as the guest reports it ("4.2.6"). */
  readonly lisRelease?: string | undefined;
  readonly host?: HostId | undefined;
}

/** The support answer the rules read, decided by the verdict engine. */
export interface GuestSupport extends SupportAnswer {
  /** The engine's answer for this guest on its host: every dated page (older pages' hosts too), its UEK release and architecture. */
  readonly verdict: VerdictAnswer;
  /** The engine's answer for the LIS release the guest runs, when it names one the KB knows. */
  readonly lis?: VerdictAnswer;
}

function statusOf(answer: VerdictAnswer): { status: SupportStatus; listedIn?: number } {
  if (answer.otherOs) return { status: answer.otherOs.outcome === 'does-not-run' ? 'does-not-run' : 'emulated-only' };
  if (answer.reason === 'no-data') return { status: 'no-data' };
  const listedIn = answer.eras.findIndex((e) => e.columns.length > 0);
  if (listedIn < 0) return { status: 'not-listed' };
  return { status: listedIn === 0 ? 'listed' : 'listed-earlier', listedIn };
}

function engineQuery(q: VerdictQuery, host: boolean) {
  return {
    family: q.family,
    version: q.version,
    integration: q.integration,
    ...(q.kernel ? { kernel: q.kernel } : {}),
    ...(q.uek ? { uek: q.uek } : {}),
    ...(q.arch ? { arch: q.arch } : {}),
    ...(host && q.host ? { host: q.host } : {}),
  } as const;
}

/**
 * The one place the guest check asks whether its release is supported: the verdict engine
 * (src/knowledge/query/verdict.ts) over every page, with the guest's UEK release, architecture,
 * host and LIS release. Listed, listed earlier or not listed says where the release itself
 * stands; `verdict` says what that means on this host.
 */
export function supportVerdict(kb: KnowledgeBase, q: VerdictQuery): GuestSupport {
  const verdict = decideVerdict(kb, engineQuery(q, true));
  // Whether the release is listed at all is a question about the pages, not the host.
  const listing = q.host ? decideVerdict(kb, engineQuery(q, false)) : verdict;
  const { status, listedIn } = statusOf(listing);
  const era = listedIn === undefined ? undefined : listing.eras[listedIn];
  const matches: ColumnMatch[] = (era?.columns ?? []).map((c) => ({ snapshot: c.snapshot, column: c.column, match: c.match }));
  const lisAnswer = q.lisRelease ? decideVerdict(kb, { ...engineQuery(q, true), lis: q.lisRelease }) : undefined;
  return {
    query: { family: q.family, version: q.version, integration: q.integration, ...(q.kernel ? { kernel: q.kernel } : {}) },
    status,
    matches,
    current: listing.eras[0]?.snapshot ?? kb.snapshotAt(q.family),
    ...(listedIn !== undefined && listedIn > 0 ? { droppedIn: listing.eras[listedIn - 1]!.snapshot } : {}),
    nearest: listing.nearest,
    ...(listing.otherOs ? { otherOs: listing.otherOs } : {}),
    verdict,
    ...(lisAnswer && lisAnswer.reason !== 'lis-unknown' ? { lis: lisAnswer } : {}),
  };
}

/** The KB's answer per feature for this guest and host (see supportVerdict). */
export function featureVerdicts(kb: KnowledgeBase, q: VerdictQuery): ReadonlyMap<FeatureId, FeatureStatus> {
  return kbFeatureTable(kb, q);
}
