import type { ReplyPoster, ReplyPosters, ReplyTarget } from '../core/delivery.ts';
import { errorText, silentLogger, type JobLogger } from '../jobs/job-logger.ts';
import { MemoryPostPacer, type PostPacer } from '../jobs/post-pacer.ts';
import type { JobProcessor, JobQueue } from '../jobs/job-queue.ts';
import type { DigestScheduleHook } from './commands.ts';
import type { DeliveryOutcome, DigestDelivery } from './delivery.ts';
import type { SubscriptionStore } from './store.ts';
import type { Subscription } from './subscription.ts';

/** The queue digest jobs run on (JobQueues.queue(DIGEST_QUEUE)). */
export const DIGEST_QUEUE = 'digest';

export interface DigestJobData {
  readonly subscription: string;
}

export interface DigestJobResult {
  readonly outcome: DeliveryOutcome;
  readonly period?: string;
  readonly version?: string;
  readonly messageId?: string;
}

/** One job scheduler per subscription: "digest-slack-T1-C1". */
export function digestSchedulerId(subscriptionId: string): string {
  return `digest-${subscriptionId.replace(/:/g, '-')}`;
}

/** BullMQ patterns have six fields, seconds first. */
export function bullPattern(subscription: Subscription): string {
  return `0 ${subscription.schedule.pattern}`;
}

/**
 * When a scheduled job fired: its id ends with the tick in epoch milliseconds (BullMQ's "repeat:<scheduler>:<ms>",
 * the in-process queue's "repeat-<scheduler>-<ms>"), so a retry hours later still belongs to the same period.
 */
export function firedAtOf(jobId: string, fallback: Date): Date {
  const match = /(\d{12,14})$/.exec(jobId);
  const ms = match ? Number(match[1]) : NaN;
  return Number.isFinite(ms) ? new Date(ms) : fallback;
}

/**
 * Keeps one job scheduler per subscription on the digest queue (upsertJobScheduler underneath, idempotent, so two
 * processes upserting the same subscription make one scheduler). DigestCommandsService calls it on subscribe and
 * unsubscribe; `reconcile` re-creates every scheduler from the store at start-up.
 */
export class DigestJobScheduler implements DigestScheduleHook {
  constructor(private readonly queue: JobQueue<DigestJobData, DigestJobResult>) {}

  async scheduled(subscription: Subscription): Promise<void> {
    if (subscription.disabled) {
      await this.unscheduled(subscription.id);
      return;
    }
    await this.queue.upsertScheduler(
      digestSchedulerId(subscription.id),
      { pattern: bullPattern(subscription), tz: subscription.schedule.tz },
      { subscription: subscription.id },
    );
  }

  async unscheduled(id: string): Promise<void> {
    await this.queue.removeScheduler(digestSchedulerId(id));
  }

  /**
   * Upserts a scheduler for every enabled subscription, and removes every other digest scheduler: a disabled
   * subscription's, and an orphan's, left by a subscription deleted elsewhere (another process, or by hand).
   */
  async reconcile(store: SubscriptionStore): Promise<{ scheduled: number; removed: number }> {
    let scheduled = 0;
    let removed = 0;
    for (const subscription of await store.list()) {
      await this.scheduled(subscription);
      if (subscription.disabled) removed += 1;
      else scheduled += 1;
    }
    const schedulers = await this.queue.listSchedulers();
    // Read again after listing, so a subscription made meanwhile by another process keeps its new scheduler.
    const wanted = new Set((await store.list()).filter((s) => !s.disabled).map((s) => digestSchedulerId(s.id)));
    for (const id of schedulers) {
      if (!id.startsWith('digest-') || wanted.has(id)) continue;
      if (await this.queue.removeScheduler(id)) removed += 1;
    }
    return { scheduled, removed };
  }
}

/**
 * Spaces digest posts per platform: when many channels are due at once, Slack (about one message a second per
 * channel, with the Web API client waiting out any 429) and Discord (per-route buckets) are not flooded. The slots
 * come from `pacer`: with Redis, shared by every worker process.
 */
export function pacedPosters(
  posters: ReplyPosters,
  spacingMs: Partial<Record<ReplyTarget['platform'], number>> = { slack: 1100, discord: 250 },
  pacer: PostPacer = new MemoryPostPacer(),
): ReplyPosters {
  const paced: { -readonly [K in keyof ReplyPosters]: ReplyPosters[K] } = {};
  for (const platform of ['slack', 'discord'] as const) {
    const poster = posters[platform];
    if (!poster) continue;
    const spacing = spacingMs[platform] ?? 0;
    const find = poster.find?.bind(poster);
    const wrapped: ReplyPoster = {
      platform,
      post: async (target, reply, options) => {
        const wait = await pacer.reserve(platform, spacing);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        return poster.post(target, reply, options);
      },
      update: (target, message, reply) => poster.update(target, message, reply),
      ...(find ? { find } : {}),
    };
    paced[platform] = wrapped;
  }
  return paced;
}

export interface DigestProcessorOptions {
  /** Told when a subscription's channel is gone or the subscription was removed, to drop its scheduler. */
  readonly scheduler?: DigestScheduleHook;
  readonly logger?: JobLogger;
}

/** The digest queue's processor: one subscription's digest for the period its job fired in. */
export function digestProcessor(
  delivery: DigestDelivery,
  options: DigestProcessorOptions = {},
): JobProcessor<DigestJobData, DigestJobResult> {
  const logger = options.logger ?? silentLogger;
  return async (job) => {
    const result = await delivery.deliver(job.data.subscription, firedAtOf(job.id, new Date()), {
      finalAttempt: job.attempt >= job.maxAttempts,
      signal: job.signal,
    });
    if ((result.outcome === 'channel-gone' || result.outcome === 'missing') && options.scheduler) {
      await options.scheduler.unscheduled(job.data.subscription).catch((error: unknown) => {
        logger.warn({ subscription: job.data.subscription, err: errorText(error) }, 'could not remove the digest scheduler');
      });
    }
    return {
      outcome: result.outcome,
      ...(result.period ? { period: result.period } : {}),
      ...(result.version ? { version: result.version } : {}),
      ...(result.messageId ? { messageId: result.messageId } : {}),
    };
  };
}
