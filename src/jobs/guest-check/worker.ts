import type { Reply } from '../../core/reply.ts';
import { ChannelGoneError, type ReplyPosters } from '../../core/delivery.ts';
import { deliverOnce, deliveryMarker, type DeliveryLedger } from '../delivery-ledger.ts';
import { PermanentJobError } from '../errors/index.ts';
import {
  checkFailedReply,
  doneReply,
  progressReply,
  uploadExpiredReply,
  type CheckFunction,
  type GuestCheckJobData,
  type GuestCheckJobResult,
} from './job-data.ts';
import { errorText, silentLogger, type JobLogger } from '../job-logger.ts';
import type { JobContext, JobProcessor } from '../job-queue.ts';
import type { UploadStore } from '../upload-store.ts';

export interface GuestCheckProcessorDeps {
  readonly uploads: UploadStore;
  readonly ledger: DeliveryLedger;
  readonly posters: ReplyPosters;
  readonly check: CheckFunction;
  readonly delivery: { readonly leaseMs: number; readonly settleMs: number; readonly pollMs?: number; readonly beatMs?: number };
  readonly logger?: JobLogger;
}

/**
 * One guest check: load the upload by its reference, run the (injected) check, post the report exactly once
 * through the target platform's poster, and keep the adapter's "checking…" message, if any, up to date.
 *
 * Retry rules: a missing upload is not an error (the user is told to upload again); a check that throws is
 * retried, and on the last attempt the user is told it failed; ChannelGoneError fails the job without retries;
 * any other posting error is retried. Delivery goes through the ledger (see deliverOnce), so a retry, a stalled
 * re-run or a timed-out attempt that is still posting never makes a second report.
 */
export class GuestCheckProcessor {
  private readonly logger: JobLogger;

  constructor(private readonly deps: GuestCheckProcessorDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  readonly process: JobProcessor<GuestCheckJobData, GuestCheckJobResult> = async (job) => {
    const { data } = job;
    const { target, fileName, progressMessage } = data;
    const poster = this.deps.posters[target.platform];
    if (!poster)
      throw new Error(
        `This worker has no ${target.platform} poster: set the ${target.platform === 'slack' ? 'SLACK_BOT_TOKEN' : 'DISCORD_TOKEN and DISCORD_APPLICATION_ID'} settings`,
      );

    const key = { id: job.id, instance: data.requestId };
    const delivered = await this.deps.ledger.lookup(key);
    if (delivered) {
      // A re-run after the report went out (the last attempt failed later, or its worker died): finish up only.
      const expired = delivered.details?.uploadExpired === 'true';
      if (progressMessage)
        await channelGuard(() =>
          poster.update(
            target,
            progressMessage,
            doneReply(fileName, { status: 'already-delivered', messageId: delivered.messageId }, expired),
          ),
        );
      this.logger.info({ jobId: job.id, attempt: job.attempt }, 'guest check report was already posted');
      return { delivery: 'already-delivered', messageId: delivered.messageId, ...(expired ? { uploadExpired: true } : {}) };
    }

    if (progressMessage) {
      // Cosmetic: a failure here must not cost the report.
      await channelGuard(() => poster.update(target, progressMessage, progressReply(fileName, job.attempt, job.maxAttempts))).catch(
        (error: unknown) => {
          if (error instanceof PermanentJobError) throw error;
          this.logger.warn({ jobId: job.id, err: errorText(error) }, 'could not update the progress message');
        },
      );
    }

    const content = await this.deps.uploads.get(data.upload);
    const report = content ? await this.runCheck(job, content) : uploadExpiredReply(fileName);
    job.signal.throwIfAborted();

    const marker = deliveryMarker(key);
    const find = poster.find?.bind(poster);
    const outcome = await deliverOnce(this.deps.ledger, key, () => channelGuard(() => poster.post(target, report, { marker })), {
      ...(find ? { find: (since: number) => channelGuard(() => find(target, marker, since)) } : {}),
      leaseMs: this.deps.delivery.leaseMs,
      settleMs: this.deps.delivery.settleMs,
      ...(this.deps.delivery.pollMs !== undefined ? { pollMs: this.deps.delivery.pollMs } : {}),
      ...(this.deps.delivery.beatMs !== undefined ? { beatTtlMs: this.deps.delivery.beatMs } : {}),
      finalAttempt: job.attempt >= job.maxAttempts,
      signal: job.signal,
      ...(content ? {} : { details: { uploadExpired: 'true' } }),
    });
    if (outcome.status === 'in-doubt') {
      this.logger.error(
        { jobId: job.id, claimAgeMs: outcome.claimAgeMs },
        'an earlier attempt claimed this delivery and never confirmed it; not posting again (the report may be missing)',
      );
    } else {
      this.logger.info(
        { jobId: job.id, attempt: job.attempt, delivery: outcome.status, platform: target.platform, uploadExpired: !content },
        outcome.status === 'posted'
          ? 'guest check report posted'
          : outcome.status === 'found'
            ? 'an earlier attempt posted the report without confirming it; found it on the platform'
            : 'guest check report was already posted',
      );
    }

    // Idempotent, so a retry after a failure here just does it again, and the ledger skips the post.
    if (progressMessage) await channelGuard(() => poster.update(target, progressMessage, doneReply(fileName, outcome, !content)));

    return {
      delivery: outcome.status,
      ...(outcome.status !== 'in-doubt' ? { messageId: outcome.messageId } : {}),
      ...(!content ? { uploadExpired: true } : {}),
    };
  };

  private async runCheck(job: JobContext<GuestCheckJobData>, content: Buffer): Promise<Reply> {
    await job.updateProgress({ step: 'checking', pct: 25 });
    try {
      return await this.deps.check(content);
    } catch (error) {
      if (job.attempt < job.maxAttempts) throw error;
      this.logger.error({ jobId: job.id, err: errorText(error) }, 'the check failed on its last attempt; telling the user');
      return checkFailedReply(job.data.fileName);
    }
  }
}

/** The channel is gone or lisbot was removed: no retry can help. */
async function channelGuard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ChannelGoneError) throw new PermanentJobError(error.message, { cause: error });
    throw error;
  }
}
