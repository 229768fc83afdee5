import { ChannelGoneError, type ReplyPosters, type ReplyTarget } from '../core/delivery.ts';
import { deliverOnce, deliveryMarker, type DeliveryLedger } from '../jobs/delivery-ledger.ts';
import { errorText, silentLogger, type JobLogger } from '../jobs/job-logger.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { DigestArchive } from './archive.ts';
import { baselineOf } from './baseline.ts';
import { subscriptionDigest } from './digest.ts';
import { periodKey } from './schedule.ts';
import type { SubscriptionStore } from './store.ts';
import { replyTargetOf } from './subscription.ts';

export interface DigestDeliveryOptions {
  readonly kb: () => KnowledgeBase;
  readonly store: SubscriptionStore;
  /** The jobs' delivery ledger (Redis with REDIS_URL, memory otherwise): what makes a post happen once. */
  readonly ledger: DeliveryLedger;
  /** One poster per platform. */
  readonly posters: ReplyPosters;
  readonly archive?: DigestArchive;
  readonly logger?: JobLogger;
  readonly now?: () => Date;
  /** Change lines before "show all". */
  readonly limit?: number;
  /** deliverOnce's lease and settle times (JobSettings.deliveryLeaseMs / deliverySettleMs). */
  readonly delivery: { readonly leaseMs: number; readonly settleMs: number; readonly pollMs?: number; readonly beatMs?: number };
}

export type DeliveryOutcome =
  /** The digest was posted; the subscription now starts from the KB version it described. */
  | 'posted'
  /** Nothing changed for this channel and it asked for no message; its baseline moved on. */
  | 'empty'
  /** This channel's digest for this period was posted already (another scheduler, or an earlier attempt). */
  | 'already-sent'
  /** An earlier attempt claimed this period and never confirmed: nothing posted, rather than maybe twice. */
  | 'in-doubt'
  | 'missing'
  | 'disabled'
  /** The platform said the channel is gone or lisbot was removed: the subscription is disabled, the others go on. */
  | 'channel-gone';

export interface DeliveryResult {
  readonly outcome: DeliveryOutcome;
  readonly subscription: string;
  readonly period?: string;
  /** The KB version the digest described. */
  readonly version?: string;
  readonly messageId?: string;
  readonly changes?: number;
}

export interface DeliverRun {
  /** On the last attempt an unsettled claim ends as in-doubt instead of throwing DeliveryPendingError. */
  readonly finalAttempt?: boolean;
  readonly signal?: AbortSignal;
}

/** The ledger id of one channel's digest for one period: "digest-slack-T1-C1-2025-W02" (no ':' in job ids). */
export function digestDeliveryId(subscriptionId: string, period: string): string {
  return `digest-${subscriptionId}-${period}`.replace(/:/g, '-');
}

const INSTANCE = 'digest';

/**
 * Delivers one subscription's digest for the period its job fired in, exactly once: the ledger key is the channel
 * and the period (so a second scheduler process, a retried job or a stalled re-run finds it delivered), and the
 * record carries the KB version sent. After the post the subscription's baseline moves to that version, so the next
 * digest starts there. See deliverOnce for the one residual window (a crash between post and record).
 */
export class DigestDelivery {
  private readonly logger: JobLogger;

  constructor(private readonly options: DigestDeliveryOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  async deliver(subscriptionId: string, firedAt: Date, run: DeliverRun = {}): Promise<DeliveryResult> {
    const { store, ledger } = this.options;
    const subscription = await store.get(subscriptionId);
    if (!subscription) return { outcome: 'missing', subscription: subscriptionId };
    if (subscription.disabled) return { outcome: 'disabled', subscription: subscriptionId };
    const period = periodKey(subscription.schedule, firedAt);
    const key = { id: digestDeliveryId(subscriptionId, period), instance: INSTANCE };
    const kb = this.options.kb();
    const at = (this.options.now ?? (() => new Date()))().toISOString();

    const delivered = await ledger.lookup(key);
    if (delivered) {
      await this.catchUp(subscriptionId, kb, delivered.details?.kbVersion, subscription.lastSentVersion, at);
      return {
        outcome: 'already-sent',
        subscription: subscriptionId,
        period,
        messageId: delivered.messageId,
        ...(delivered.details?.kbVersion ? { version: delivered.details.kbVersion } : {}),
      };
    }

    const { reply, changes, to } = await subscriptionDigest(kb, subscription, {
      ...(this.options.archive ? { archive: this.options.archive } : {}),
      ...(this.options.limit !== undefined ? { limit: this.options.limit } : {}),
    });
    const mark = { version: kb.version, at, baseline: to };
    if (!reply) {
      await store.markSent(subscriptionId, mark);
      return { outcome: 'empty', subscription: subscriptionId, period, version: kb.version, changes: 0 };
    }
    const target: ReplyTarget = replyTargetOf(subscription);
    const poster = this.options.posters[target.platform];
    if (!poster) throw new Error(`This worker has no ${target.platform} poster for the digest of ${subscriptionId}`);

    let outcome: Awaited<ReturnType<typeof deliverOnce>>;
    try {
      const marker = deliveryMarker(key);
      const find = poster.find?.bind(poster);
      outcome = await deliverOnce(ledger, key, () => poster.post(target, reply, { marker }), {
        ...(find ? { find: (since: number) => find(target, marker, since) } : {}),
        leaseMs: this.options.delivery.leaseMs,
        settleMs: this.options.delivery.settleMs,
        ...(this.options.delivery.pollMs !== undefined ? { pollMs: this.options.delivery.pollMs } : {}),
        ...(this.options.delivery.beatMs !== undefined ? { beatTtlMs: this.options.delivery.beatMs } : {}),
        finalAttempt: run.finalAttempt ?? false,
        ...(run.signal ? { signal: run.signal } : {}),
        details: { kbVersion: kb.version, subscription: subscriptionId, period },
      });
    } catch (error) {
      if (!(error instanceof ChannelGoneError)) throw error;
      const reason = `channel gone or lisbot removed (${error.message.slice(0, 200)})`;
      await store.disable(subscriptionId, reason, at);
      this.logger.warn({ subscription: subscriptionId, err: errorText(error) }, 'digest subscription disabled: the channel is gone');
      return { outcome: 'channel-gone', subscription: subscriptionId, period };
    }
    switch (outcome.status) {
      case 'posted':
        await store.markSent(subscriptionId, mark);
        this.logger.info({ subscription: subscriptionId, period, kbVersion: kb.version, changes: changes.length }, 'digest posted');
        return {
          outcome: 'posted',
          subscription: subscriptionId,
          period,
          version: kb.version,
          messageId: outcome.messageId,
          changes: changes.length,
        };
      case 'found':
        // A dead attempt's digest was on the platform: recorded with this KB version, so the baseline moves as for a post.
        await store.markSent(subscriptionId, mark);
        return { outcome: 'already-sent', subscription: subscriptionId, period, messageId: outcome.messageId };
      case 'already-delivered': {
        const record = await ledger.lookup(key);
        await this.catchUp(subscriptionId, kb, record?.details?.kbVersion, subscription.lastSentVersion, at);
        return { outcome: 'already-sent', subscription: subscriptionId, period, messageId: outcome.messageId };
      }
      case 'in-doubt':
        this.logger.error(
          { subscription: subscriptionId, period, claimAgeMs: outcome.claimAgeMs },
          'an earlier attempt claimed this digest and never confirmed it; not posting again',
        );
        return { outcome: 'in-doubt', subscription: subscriptionId, period };
    }
  }

  /**
   * The period was delivered but the subscription may not say so (the process died between the post and markSent):
   * when the version sent is the KB now, move the baseline there so the next digest does not repeat it.
   */
  private async catchUp(
    id: string,
    kb: KnowledgeBase,
    sentVersion: string | undefined,
    lastSentVersion: string | undefined,
    at: string,
  ): Promise<void> {
    if (sentVersion && sentVersion === kb.version && lastSentVersion !== sentVersion) {
      await this.options.store.markSent(id, { version: kb.version, at, baseline: baselineOf(kb) });
    }
  }
}
