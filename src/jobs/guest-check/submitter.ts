import { randomUUID } from 'node:crypto';
import type { ReplyTarget } from '../../core/delivery.ts';
import { guestCheckJobId, plainTarget, type GuestCheckJobData, type GuestCheckJobResult } from './job-data.ts';
import { MAX_UPLOAD_BYTES } from '../../check/parse/limits.ts';
import type { GuestCheckRequests, SubmitOptions, SubmitResult, UploadedFile } from '../../core/guest-check-requests.ts';
import { errorText, silentLogger, type JobLogger } from '../job-logger.ts';
import type { JobQueue } from '../job-queue.ts';
import type { UploadStore } from '../upload-store.ts';

export const QUEUE_UNAVAILABLE_MESSAGE = 'The check queue is unavailable; try again shortly.';

export interface GuestCheckServiceDeps {
  readonly queue: JobQueue<GuestCheckJobData, GuestCheckJobResult>;
  readonly uploads: UploadStore;
  readonly uploadTtlSeconds: number;
  /** A submit never waits on the queue longer than this. */
  readonly enqueueTimeoutMs: number;
  /** Life of an upload whose job is not created yet: what a failed enqueue can leave behind, at most. */
  readonly provisionalTtlSeconds?: number;
  /** Resolves when the queue can take a job; rejects at once when it cannot (Redis is away). */
  readonly ready?: () => Promise<void>;
  readonly logger?: JobLogger;
}

const DEFAULT_PROVISIONAL_TTL_SECONDS = 60;

/**
 * The guest check behind the chat adapters: stores the upload (by content hash, with a TTL), then enqueues a job
 * that carries only its reference, the reply target and the user. The job id is a hash of the upload and the
 * target, so a double upload runs once and answers `duplicate`. A job that failed, or whose report could not be
 * confirmed, does not block the same upload later: it is replaced by a new one.
 *
 * Nothing is left half-written when the enqueue fails: the upload is first stored with a short provisional TTL
 * and only kept for UPLOAD_TTL_SECONDS once its job exists. A failed add deletes the upload this submit created;
 * if Redis is too far gone even for that, the provisional TTL removes it within a minute.
 */
export class GuestCheckService implements GuestCheckRequests {
  private readonly logger: JobLogger;

  constructor(private readonly deps: GuestCheckServiceDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  async submit(upload: UploadedFile, target: ReplyTarget, user?: string, options: SubmitOptions = {}): Promise<SubmitResult> {
    if (upload.content.length === 0) return { status: 'rejected', message: 'the file is empty' };
    if (upload.content.length > MAX_UPLOAD_BYTES) {
      return { status: 'rejected', message: `the file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB` };
    }
    if (!target.channel) return { status: 'rejected', message: 'there is no channel to post the report to' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`enqueue took longer than ${this.deps.enqueueTimeoutMs} ms`)), this.deps.enqueueTimeoutMs);
    });
    const enqueue = this.enqueue(upload, plainTarget(target), user, options);
    try {
      return await Promise.race([enqueue, timeout]);
    } catch (error) {
      enqueue.catch(() => undefined);
      this.logger.warn({ err: errorText(error) }, 'guest check not queued: the queue is unavailable');
      return { status: 'unavailable', message: QUEUE_UNAVAILABLE_MESSAGE };
    } finally {
      clearTimeout(timer);
    }
  }

  private async enqueue(
    upload: UploadedFile,
    target: ReplyTarget,
    user: string | undefined,
    options: SubmitOptions,
  ): Promise<SubmitResult> {
    const { uploads, queue } = this.deps;
    await this.deps.ready?.();
    const staged = await uploads.stage(
      upload.content,
      Math.min(this.deps.provisionalTtlSeconds ?? DEFAULT_PROVISIONAL_TTL_SECONDS, this.deps.uploadTtlSeconds),
    );
    const jobId = guestCheckJobId(staged.ref, target);
    const data: GuestCheckJobData = {
      upload: staged.ref,
      fileName: upload.fileName.slice(0, 255),
      bytes: upload.content.length,
      target,
      ...(user ? { user } : {}),
      ...(options.progressMessage ? { progressMessage: { id: options.progressMessage.id } } : {}),
      requestId: randomUUID(),
      requestedAt: Date.now(),
    };
    let created: boolean;
    try {
      created = (await queue.add(data, { jobId })).created || (await this.replaceFinishedBadly(jobId, data));
    } catch (error) {
      if (staged.created) await uploads.discard(staged.ref).catch(() => undefined);
      throw error;
    }
    if (!created && staged.created) {
      // A duplicate of a job that no longer needs the upload (it finished and its upload expired).
      await uploads.discard(staged.ref);
    } else {
      await uploads.keep(staged.ref, upload.content, this.deps.uploadTtlSeconds);
    }
    this.logger.info(
      { jobId, bytes: data.bytes, platform: target.platform, created },
      created ? 'guest check queued' : 'guest check already queued',
    );
    return created ? { status: 'queued', jobId } : { status: 'duplicate', jobId };
  }

  /** The same upload again after its job failed or could not confirm its report: run it again. */
  private async replaceFinishedBadly(jobId: string, data: GuestCheckJobData): Promise<boolean> {
    const existing = await this.deps.queue.getJob(jobId);
    const badly = existing && (existing.state === 'failed' || (existing.state === 'completed' && existing.result?.delivery === 'in-doubt'));
    if (!badly || !(await this.deps.queue.remove(jobId))) return false;
    return (await this.deps.queue.add(data, { jobId })).created;
  }
}
