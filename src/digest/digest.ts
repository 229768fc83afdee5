import type { Reply } from '../core/reply.ts';
import type { KbChange } from '../knowledge/diff.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { DigestArchive } from './archive.ts';
import { baselineOf, changesBetween } from './baseline.ts';
import { composeDigest } from './compose.ts';
import { encodeDigestMore } from './more.ts';
import { filtersHash, type DigestFilters, type KbBaseline, type Subscription } from './subscription.ts';

export interface DigestResult {
  /** Undefined: nothing to post. */
  readonly reply: Reply | undefined;
  readonly changes: readonly KbChange[];
  /** The KB the digest describes: the subscription's next baseline. */
  readonly to: KbBaseline;
}

export interface DigestBetweenOptions {
  readonly limit?: number;
  readonly quietWhenEmpty?: boolean;
  readonly since?: string;
  readonly heading?: string;
  /** Where "show all" can find the baselines and filters again; without it a long digest has no button. */
  readonly archive?: DigestArchive;
}

/** Composes the digest from one baseline to another, remembering both ends and the filters for "show all". */
export async function digestBetween(
  kb: KnowledgeBase,
  from: KbBaseline,
  to: KbBaseline,
  filters: DigestFilters,
  options: DigestBetweenOptions = {},
): Promise<DigestResult> {
  const changes = changesBetween(kb, from, to, filters);
  const hash = filtersHash(filters);
  const more = options.archive ? encodeDigestMore({ from: from.version, to: to.version, filters: hash }) : undefined;
  const reply = composeDigest(kb, changes, filters, {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.quietWhenEmpty !== undefined ? { quietWhenEmpty: options.quietWhenEmpty } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.heading ? { heading: options.heading } : {}),
    ...(more ? { more } : {}),
  });
  if (options.archive && reply?.actions.some((a) => a.kind === 'show-more')) {
    if (!from.version.startsWith('date:')) await options.archive.putBaseline(from);
    if (!to.version.startsWith('date:')) await options.archive.putBaseline(to);
    if (hash !== '-') await options.archive.putFilters(hash, filters);
  }
  return { reply, changes, to };
}

/** "since the last digest (2025-01-06)" or "since this channel subscribed (2024-12-02)". */
export function sinceLabel(subscription: Subscription): string {
  return subscription.lastSentAt
    ? `since the last digest (${subscription.lastSentAt.slice(0, 10)})`
    : `since this channel subscribed (${subscription.createdAt.slice(0, 10)})`;
}

/** What the subscription's next digest says: from what the channel was last told to the KB now. */
export function subscriptionDigest(
  kb: KnowledgeBase,
  subscription: Subscription,
  options: Omit<DigestBetweenOptions, 'quietWhenEmpty' | 'since'> = {},
): Promise<DigestResult> {
  return digestBetween(kb, subscription.baseline, baselineOf(kb), subscription.filters, {
    ...options,
    quietWhenEmpty: subscription.quietWhenEmpty,
    since: sinceLabel(subscription),
  });
}
