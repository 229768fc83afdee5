import { PermanentJobError } from './errors/index.ts';
import { jobEvents } from './job-events.ts';
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
import { Fifo } from './fifo.ts';
import { nextRunAt } from './next-run.ts';
import { runJob } from './run-job.ts';

interface StoredJob<T, R> {
  readonly id: string;
  readonly data: T;
  state: JobState;
  attemptsMade: number;
  result?: R;
  failedReason?: string;
  finishedAt?: number;
  timer?: NodeJS.Timeout;
  abort?: AbortController;
}

/**
 * JobQueue in memory, for one process without Redis: the same processors, the same job-id deduplication,
 * attempts with exponential backoff, a timeout per attempt and a concurrency limit. Nothing survives the
 * process: there is no stalled-job recovery because there is no other process to recover to.
 */
export class InProcessJobQueue<T, R> implements JobQueue<T, R> {
  private readonly jobs = new Map<string, StoredJob<T, R>>();
  private readonly waiting = new Fifo<string>();
  private readonly finishedOrder = { completed: new Fifo<StoredJob<T, R>>(), failed: new Fifo<StoredJob<T, R>>() };
  private readonly schedulers = new Map<string, NodeJS.Timeout>();
  private readonly finishWaiters = new Map<string, Set<() => void>>();
  private readonly logger: JobLogger;
  private processor: JobProcessor<T, R> | undefined;
  private concurrency = 1;
  private running = 0;
  private closed = false;
  private idle: (() => void) | undefined;

  constructor(
    readonly name: string,
    private readonly defaults: JobDefaults,
    logger?: JobLogger,
  ) {
    this.logger = logger ?? silentLogger;
  }

  add(data: T, options: AddOptions): Promise<AddResult> {
    try {
      assertJobId(options.jobId);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (this.closed) return Promise.reject(new Error(`The ${this.name} queue is closed`));
    this.removeExpired();
    if (this.jobs.has(options.jobId)) return Promise.resolve({ id: options.jobId, created: false });
    const job: StoredJob<T, R> = { id: options.jobId, data: structuredClone(data), state: 'waiting', attemptsMade: 0 };
    this.jobs.set(job.id, job);
    if (options.delayMs && options.delayMs > 0) this.delay(job, options.delayMs);
    else this.enqueue(job);
    return Promise.resolve({ id: job.id, created: true });
  }

  getJob(id: string): Promise<JobSnapshot<T, R> | undefined> {
    this.removeExpired();
    const job = this.jobs.get(id);
    return Promise.resolve(job ? snapshot(job) : undefined);
  }

  remove(id: string): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job || job.state === 'active') return Promise.resolve(false);
    clearTimeout(job.timer);
    this.jobs.delete(id); // a waiting entry left behind is skipped: pump() only starts the job the map holds
    return Promise.resolve(true);
  }

  finished(id: string, timeoutMs: number): Promise<JobSnapshot<T, R> | undefined> {
    const done = () => {
      const job = this.jobs.get(id);
      return job && (job.state === 'completed' || job.state === 'failed') ? snapshot(job) : undefined;
    };
    const now = done();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const waiters = this.finishWaiters.get(id) ?? new Set();
      this.finishWaiters.set(id, waiters);
      const timer = setTimeout(() => {
        waiters.delete(wake);
        resolve(undefined);
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(done());
      };
      waiters.add(wake);
    });
  }

  upsertScheduler(id: string, schedule: Schedule, data: T): Promise<void> {
    clearTimeout(this.schedulers.get(id));
    const plan = () => {
      const now = Date.now();
      const next = nextRunAt(now, schedule);
      if (next === undefined || this.closed) return;
      this.schedulers.set(
        id,
        setTimeout(
          () => {
            // One job per tick, whose id names the scheduler and the tick, like BullMQ's scheduler jobs.
            this.add(data, { jobId: `repeat-${id}-${next}` }).catch((error: unknown) =>
              this.logger.warn({ scheduler: id, err: errorText(error) }, 'scheduled job not added'),
            );
            plan();
          },
          Math.max(0, next - now),
        ),
      );
    };
    plan();
    return Promise.resolve();
  }

  listSchedulers(): Promise<string[]> {
    return Promise.resolve([...this.schedulers.keys()]);
  }

  removeScheduler(id: string): Promise<boolean> {
    const timer = this.schedulers.get(id);
    clearTimeout(timer);
    return Promise.resolve(this.schedulers.delete(id));
  }

  work(processor: JobProcessor<T, R>, options: WorkOptions): JobWorker {
    if (this.processor) throw new Error(`The ${this.name} queue already has a worker`);
    this.processor = processor;
    this.concurrency = Math.max(1, options.concurrency);
    queueMicrotask(() => this.pump());
    const active = () => this.running;
    return {
      get active(): number {
        return active();
      },
      close: (timeoutMs = 10_000) => this.closeWorker(timeoutMs),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.schedulers.values()) clearTimeout(timer);
    this.schedulers.clear();
    for (const job of this.jobs.values()) if (job.state === 'delayed') clearTimeout(job.timer);
    return Promise.resolve();
  }

  private async closeWorker(timeoutMs: number): Promise<CloseOutcome> {
    this.processor = undefined;
    for (const job of this.jobs.values()) if (job.state === 'delayed') clearTimeout(job.timer);
    if (this.running === 0) return 'drained';
    const drained = new Promise<'drained'>((resolve) => {
      this.idle = () => resolve('drained');
    });
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'forced'>((resolve) => {
      timer = setTimeout(() => resolve('forced'), timeoutMs);
    });
    const outcome = await Promise.race([drained, expired]);
    clearTimeout(timer);
    if (outcome === 'forced') {
      for (const job of this.jobs.values()) if (job.state === 'active') job.abort?.abort(new Error('worker shutting down'));
      this.logger.warn({ queue: this.name }, 'shutdown timeout: running in-process jobs aborted');
    }
    return outcome;
  }

  private enqueue(job: StoredJob<T, R>): void {
    job.state = 'waiting';
    this.waiting.push(job.id);
    this.pump();
  }

  private delay(job: StoredJob<T, R>, ms: number): void {
    job.state = 'delayed';
    job.timer = setTimeout(() => {
      job.timer = undefined;
      if (this.jobs.get(job.id) === job) this.enqueue(job);
    }, ms);
  }

  private pump(): void {
    while (this.processor && this.running < this.concurrency && this.waiting.size > 0) {
      const id = this.waiting.shift()!;
      const job = this.jobs.get(id);
      if (job?.state === 'waiting') this.start(job, this.processor);
    }
  }

  private start(job: StoredJob<T, R>, processor: JobProcessor<T, R>): void {
    this.running++;
    job.state = 'active';
    job.abort = new AbortController();
    runJob(
      processor,
      {
        id: job.id,
        data: job.data,
        attempt: job.attemptsMade + 1,
        maxAttempts: this.defaults.attempts,
        updateProgress: () => Promise.resolve(),
      },
      this.defaults.timeoutMs,
      job.abort.signal,
    ).then(
      (result) => this.finish(job, { result }),
      (error: unknown) => this.finish(job, { error }),
    );
  }

  depth(): Promise<number> {
    let waiting = 0;
    for (const job of this.jobs.values()) if (job.state === 'waiting' || job.state === 'delayed') waiting++;
    return Promise.resolve(waiting);
  }

  private finish(job: StoredJob<T, R>, outcome: { result?: R; error?: unknown }): void {
    this.running--;
    job.abort = undefined;
    job.attemptsMade++;
    if (!('error' in outcome)) {
      job.state = 'completed';
      job.result = outcome.result;
      job.finishedAt = Date.now();
    } else {
      job.failedReason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      const permanent = outcome.error instanceof PermanentJobError;
      if (permanent || job.attemptsMade >= this.defaults.attempts) {
        job.state = 'failed';
        job.finishedAt = Date.now();
        this.logger.error(
          { queue: this.name, jobId: job.id, attempt: job.attemptsMade, err: errorText(outcome.error) },
          'job failed for good',
        );
      } else {
        this.logger.warn(
          { queue: this.name, jobId: job.id, attempt: job.attemptsMade, err: errorText(outcome.error) },
          'job attempt failed; it will be retried',
        );
        if (this.processor) this.delay(job, this.defaults.backoffMs * 2 ** (job.attemptsMade - 1));
        else job.state = 'waiting';
      }
    }
    if (job.state === 'completed' || job.state === 'failed') {
      jobEvents.emit('ended', { queue: this.name, state: job.state });
      this.finishedOrder[job.state].push(job);
      for (const wake of this.finishWaiters.get(job.id) ?? []) wake();
      this.finishWaiters.delete(job.id);
    }
    if (this.running === 0 && this.idle) {
      this.idle();
      this.idle = undefined;
    }
    this.pump();
  }

  /** Finished jobs are kept, and deduplicate their id, for keepCompletedSeconds / keepFailedSeconds. */
  private removeExpired(): void {
    const now = Date.now();
    for (const state of ['completed', 'failed'] as const) {
      const order = this.finishedOrder[state];
      const keepMs = (state === 'completed' ? this.defaults.keepCompletedSeconds : this.defaults.keepFailedSeconds) * 1000;
      for (let job = order.peek(); job && now - (job.finishedAt ?? now) >= keepMs; job = order.peek()) {
        order.shift();
        if (this.jobs.get(job.id) === job) this.jobs.delete(job.id);
      }
    }
  }
}

function snapshot<T, R>(job: StoredJob<T, R>): JobSnapshot<T, R> {
  return {
    id: job.id,
    data: structuredClone(job.data),
    state: job.state,
    attemptsMade: job.attemptsMade,
    ...(job.state === 'completed' ? { result: job.result } : {}),
    ...(job.failedReason !== undefined ? { failedReason: job.failedReason } : {}),
  };
}
