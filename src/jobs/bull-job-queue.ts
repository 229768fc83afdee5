import { createRequire } from 'node:module';
import type * as BullMq from 'bullmq';
import type { Job, Queue, QueueEvents } from 'bullmq';
import { PermanentJobError } from './errors/index.ts';
import { errorText, silentLogger, type JobLogger } from './job-logger.ts';
import {
  assertJobId,
  type AddOptions,
  type AddResult,
  type CloseOutcome,
  type JobDefaults,
  type JobProcessor,
  type JobQueue,
  type JobSnapshot,
  type JobState,
  type JobWorker,
  type Schedule,
  type WorkOptions,
} from './job-queue.ts';
import type { RedisConnections } from './redis-connections.ts';
import { jobEvents } from './job-events.ts';
import { runJob, sleep } from './run-job.ts';

const require = createRequire(import.meta.url);
/** BullMQ is loaded when the first queue on Redis is opened: a process without REDIS_URL never loads it. */
const bullmq = (): typeof BullMq => require('bullmq') as typeof BullMq;

export interface BullJobQueueOptions {
  readonly connections: RedisConnections;
  /** BullMQ's key prefix; a unique one per test keeps tests apart. */
  readonly prefix: string;
  readonly defaults: JobDefaults;
  readonly logger?: JobLogger;
}

const FINISHED_POLL_MS = 20;

/**
 * JobQueue on BullMQ 6: a Queue for the producer side (add, getJob…) on the shared fail-fast connection, a Worker
 * per `work()` on its own waiting connection, and QueueEvents (opened lazily) to wait for jobs to finish. Timeouts are ours (BullMQ has none): an attempt past its timeout is aborted and
 * fails, and BullMQ retries it with exponential backoff. PermanentJobError becomes UnrecoverableError: no retry.
 * A worker that dies mid-job leaves the job's lock to expire; another worker's stalled check moves it back to
 * wait, up to `maxStalledCount` times.
 */
export class BullJobQueue<T, R> implements JobQueue<T, R> {
  private queue: Queue<T, R, string, T, R, string>;
  private readonly logger: JobLogger;
  private events: Promise<QueueEvents> | undefined;
  private readonly lastWarned = new Map<string, { at: number; suppressed: number }>();

  constructor(
    readonly name: string,
    private readonly options: BullJobQueueOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    this.queue = this.openQueue();
  }

  private openQueue(): Queue<T, R, string, T, R, string> {
    const { defaults } = this.options;
    const queue = new (bullmq().Queue)<T, R, string, T, R, string>(this.name, {
      connection: this.options.connections.producer,
      prefix: this.options.prefix,
      defaultJobOptions: {
        attempts: defaults.attempts,
        backoff: { type: 'exponential', delay: defaults.backoffMs },
        removeOnComplete: { age: defaults.keepCompletedSeconds },
        removeOnFail: { age: defaults.keepFailedSeconds },
      },
    });
    queue.on('error', (error: Error) => this.warnThrottled('queue error', error));
    return queue;
  }

  /**
   * The Queue, opened again when its start-up failed. BullMQ keeps a failed start-up (its version check timing out on
   * a loaded machine, say) for good: every later call on that Queue rejects with the same error, long after Redis is
   * fine. The shared producer connection is not BullMQ's to close, so closing the old Queue leaves it open.
   */
  private async liveQueue(): Promise<Queue<T, R, string, T, R, string>> {
    const queue = this.queue;
    try {
      await queue.waitUntilReady();
      return queue;
    } catch (error) {
      if (this.queue === queue) {
        this.warnThrottled('queue start-up failed; opening it again', error instanceof Error ? error : new Error(String(error)));
        this.queue = this.openQueue();
        void queue.close().catch(() => undefined);
      }
      await this.queue.waitUntilReady();
      return this.queue;
    }
  }

  async add(data: T, options: AddOptions): Promise<AddResult> {
    assertJobId(options.jobId);
    const redis = await this.options.connections.readyProducer();
    const queue = await this.liveQueue();
    const key = queue.toKey(options.jobId);
    // BullMQ answers the same whether it created the job or found one with this id, so: an id that is already
    // stored is a duplicate without adding; otherwise add, and the stored data tells whether this add created it
    // or a concurrent one did (callers put a request id in the data). Identical data added concurrently by two
    // callers can both report `created`; BullMQ still stores one job.
    if ((await redis.exists(key)) === 1) return { id: options.jobId, created: false };
    await queue.add(this.name, data, { jobId: options.jobId, ...(options.delayMs ? { delay: options.delayMs } : {}) });
    const stored = await redis.hget(key, 'data');
    return { id: options.jobId, created: stored === null || stored === JSON.stringify(data) };
  }

  async getJob(id: string): Promise<JobSnapshot<T, R> | undefined> {
    const job = await (await this.liveQueue()).getJob(id);
    if (!job) return undefined;
    return snapshot(job, stateOf(await job.getState()));
  }

  async remove(id: string): Promise<boolean> {
    return (await (await this.liveQueue()).remove(id)) === 1;
  }

  async finished(id: string, timeoutMs: number): Promise<JobSnapshot<T, R> | undefined> {
    const deadline = Date.now() + timeoutMs;
    const events = await this.queueEvents();
    for (;;) {
      const job = await (await this.liveQueue()).getJob(id);
      if (!job) return undefined;
      const left = deadline - Date.now();
      if (left <= 0) return this.finalSnapshot(id);
      // Resolves on the job's completed event, rejects on a failed one, on the timeout, or if it already finished.
      await job.waitUntilFinished(events, left).catch(() => undefined);
      const final = await this.finalSnapshot(id);
      if (final || Date.now() >= deadline) return final;
      await sleep(FINISHED_POLL_MS); // a failed attempt that will be retried: wait for the next outcome
    }
  }

  async depth(): Promise<number> {
    const counts = await (await this.liveQueue()).getJobCounts('waiting', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  /** Connection errors repeat on every reconnect attempt: the first of each 30 s is logged, with how many were not. */
  private warnThrottled(message: string, error: Error): void {
    const now = Date.now();
    const last = this.lastWarned.get(message);
    if (last && now - last.at < 30_000) {
      last.suppressed += 1;
      return;
    }
    this.lastWarned.set(message, { at: now, suppressed: 0 });
    this.logger.warn({ queue: this.name, err: errorText(error), ...(last?.suppressed ? { suppressed: last.suppressed } : {}) }, message);
  }

  private async finalSnapshot(id: string): Promise<JobSnapshot<T, R> | undefined> {
    const job = await this.getJob(id);
    return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
  }

  /** QueueEvents on its own blocking connection, opened the first time someone waits for a job. */
  private queueEvents(): Promise<QueueEvents> {
    this.events ??= (async () => {
      const events = new (bullmq().QueueEvents)(this.name, {
        connection: this.options.connections.worker(`events-${this.name}`),
        prefix: this.options.prefix,
      });
      events.on('error', (error: Error) => this.logger.warn({ queue: this.name, err: errorText(error) }, 'queue events error'));
      await events.waitUntilReady();
      return events;
    })();
    return this.events;
  }

  async upsertScheduler(id: string, schedule: Schedule, data: T): Promise<void> {
    await (
      await this.liveQueue()
    ).upsertJobScheduler(
      id,
      {
        ...(schedule.every !== undefined ? { every: schedule.every } : {}),
        ...(schedule.pattern !== undefined ? { pattern: schedule.pattern } : {}),
        ...(schedule.tz !== undefined ? { tz: schedule.tz } : {}),
      },
      { name: this.name, data },
    );
  }

  async removeScheduler(id: string): Promise<boolean> {
    return (await this.liveQueue()).removeJobScheduler(id);
  }

  async listSchedulers(): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; ; start += 500) {
      const page = await (await this.liveQueue()).getJobSchedulers(start, start + 499, true);
      for (const scheduler of page) if (scheduler.key) ids.push(scheduler.key);
      if (page.length < 500) return ids;
    }
  }

  work(processor: JobProcessor<T, R>, options: WorkOptions): JobWorker {
    const { defaults, connections, prefix } = this.options;
    const connection = connections.worker(`worker-${this.name}`);
    const running = new Map<string, { job: Job<T, R, string>; token: string }>();
    const worker = new (bullmq().Worker)<T, R, string>(
      this.name,
      async (job, token, signal) => {
        const id = job.id ?? '';
        if (token) running.set(id, { job, token });
        try {
          return await runJob(
            processor,
            {
              id,
              data: job.data,
              attempt: job.attemptsMade + 1,
              maxAttempts: job.opts.attempts ?? 1,
              updateProgress: (progress) => job.updateProgress({ ...progress }),
            },
            defaults.timeoutMs,
            signal,
          );
        } catch (error) {
          if (error instanceof PermanentJobError) throw new (bullmq().UnrecoverableError)(error.message);
          throw error instanceof Error ? error : new Error(String(error));
        } finally {
          running.delete(id);
        }
      },
      {
        connection,
        prefix,
        concurrency: options.concurrency,
        ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
        ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
        ...(options.maxStalledCount !== undefined ? { maxStalledCount: options.maxStalledCount } : {}),
      },
    );
    worker.on('error', (error: Error) => this.warnThrottled('worker error', error));
    worker.on('completed', () => jobEvents.emit('ended', { queue: this.name, state: 'completed' }));
    worker.on('failed', (job, error: Error) => {
      if (!job) return;
      const final = error instanceof bullmq().UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (final) jobEvents.emit('ended', { queue: this.name, state: 'failed' });
      this.logger[final ? 'error' : 'warn'](
        { queue: this.name, jobId: job.id, attempt: job.attemptsMade, err: errorText(error) },
        final ? 'job failed for good' : 'job attempt failed; it will be retried',
      );
    });
    worker.on('stalled', (jobId: string) =>
      this.logger.warn({ queue: this.name, jobId }, 'job stalled (its worker died or blocked); re-queued'),
    );

    const logger = this.logger;
    const name = this.name;
    return {
      get active() {
        return running.size;
      },
      async close(timeoutMs = 10_000): Promise<CloseOutcome> {
        const closing = worker.close();
        closing.catch(() => undefined);
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<'forced'>((resolve) => {
          timer = setTimeout(() => resolve('forced'), timeoutMs);
        });
        const outcome = await Promise.race([closing.then(() => 'drained' as const), expired]);
        clearTimeout(timer);
        if (outcome === 'forced') {
          // Hand the running jobs back before letting go: moved to wait with their lock released, another worker
          // takes them at once, without waiting for the lock to expire or spending an attempt. Then abort them here.
          const handedBack = await Promise.allSettled([...running.values()].map(({ job, token }) => job.moveToWait(token)));
          logger.warn(
            { queue: name, jobs: handedBack.length, failedHandBacks: handedBack.filter((r) => r.status === 'rejected').length },
            'shutdown timeout: running jobs handed back to the queue',
          );
          worker.cancelAllJobs('worker shutting down');
          await worker.disconnect().catch(() => undefined);
        }
        connection.disconnect();
        return outcome;
      },
    };
  }

  async close(): Promise<void> {
    const events = this.events;
    this.events = undefined;
    await Promise.allSettled([this.queue.close(), events?.then((e) => e.close())]);
  }

  /** Deletes every key of this queue. Tests and the bench use it to clean up. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}

function stateOf(state: string): JobState {
  switch (state) {
    case 'waiting':
    case 'prioritized':
    case 'waiting-children':
      return 'waiting';
    case 'delayed':
      return 'delayed';
    case 'active':
      return 'active';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    default:
      return 'unknown';
  }
}

function snapshot<T, R>(job: Job<T, R, string>, state: JobState): JobSnapshot<T, R> {
  return {
    id: job.id ?? '',
    data: job.data,
    state,
    attemptsMade: job.attemptsMade,
    ...(state === 'completed' ? { result: job.returnvalue } : {}),
    ...(job.failedReason ? { failedReason: job.failedReason } : {}),
  };
}
