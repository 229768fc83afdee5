import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { ReplyTarget } from '../core/delivery.ts';
import { DistroId, FeatureId, HostId, IsoDate } from '../knowledge/schema/index.ts';
import { Schedule } from './schedule.ts';

const ChannelId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'expected a channel id' });

/** Where the digest goes: a channel (never a thread) on one platform. */
export const DigestTarget = z.object({
  platform: z.enum(['slack', 'discord']),
  channel: ChannelId,
  team: ChannelId.optional(),
});

export const DigestFilters = z.object({
  families: z.array(DistroId).min(1).max(20).optional(),
  hosts: z.array(HostId).min(1).max(10).optional(),
  features: z.array(FeatureId).min(1).max(40).optional(),
});
export type DigestFilters = z.infer<typeof DigestFilters>;

/**
 * What a channel has been told about: for each family the newest snapshot at that KB version, and the LIS releases
 * it knew. The next digest is the diff from this baseline to the KB now. Synced snapshots are never overwritten (see
 * knowledge/sync), so every snapshot a baseline names is still in later KB versions; one that is gone (a user layer
 * was removed) falls back to the family's newest snapshot on or before `era`.
 */
export const KbBaseline = z.object({
  /** The KB version (content hash), or "date:YYYY-MM-DD" for a baseline taken from the dated history. */
  version: z.string().min(1).max(40),
  /** The newest era in the KB then. */
  era: IsoDate,
  snapshots: z.partialRecord(DistroId, z.string().max(200)),
  lisReleases: z.array(z.string().max(200)).max(500),
});
export type KbBaseline = z.infer<typeof KbBaseline>;

export const Subscription = z.object({
  /** platform:team?:channel */
  id: z.string().min(3).max(200),
  target: DigestTarget,
  schedule: Schedule,
  filters: DigestFilters,
  /** Nothing changed: no message (true), or one line saying so (false). */
  quietWhenEmpty: z.boolean(),
  /** Who subscribed, hashed: the store never keeps user ids. */
  createdBy: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.iso.datetime(),
  /** The KB the last digest described (at first, the KB when the channel subscribed). */
  baseline: KbBaseline,
  lastSentVersion: z.string().max(40).optional(),
  lastSentAt: z.iso.datetime().optional(),
  /** Why delivery stopped, e.g. "channel_not_found"; a disabled subscription is skipped until subscribed again. */
  disabled: z.string().min(1).max(300).optional(),
  disabledAt: z.iso.datetime().optional(),
});
export type Subscription = z.infer<typeof Subscription>;

export function subscriptionId(target: Pick<ReplyTarget, 'platform' | 'channel' | 'team'>): string {
  return target.team ? `${target.platform}:${target.team}:${target.channel}` : `${target.platform}:${target.channel}`;
}

/** The ReplyTarget a subscription posts to. */
export function replyTargetOf(subscription: Subscription): ReplyTarget {
  const { platform, channel, team } = subscription.target;
  return team ? { platform, channel, team } : { platform, channel };
}

export function hashUser(platform: string, user: string): string {
  return createHash('sha256').update(`${platform}:${user}`).digest('hex').slice(0, 16);
}

/** A short stable hash of a filter set ("-" for none): part of "show all" values. */
export function filtersHash(filters: DigestFilters): string {
  const canonical = {
    families: [...(filters.families ?? [])].sort(),
    hosts: [...(filters.hosts ?? [])].sort(),
    features: [...(filters.features ?? [])].sort(),
  };
  if (!canonical.families.length && !canonical.hosts.length && !canonical.features.length) return '-';
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 10);
}
