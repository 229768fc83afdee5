/**
 * The queue port. One interface, two implementations: BullJobQueue (BullMQ on Redis, for several processes) and
 * InProcessJobQueue (memory, one process, no Redis). Processors are written against JobContext only, so the same
 * processor code runs on both.
 *
 * Made for more than the guest check: the digest gets its own queue from JobQueues, a job scheduler per
 * subscription (`upsertScheduler`), and exactly one job per channel and period from a job id such as
 * `digest-<channel>-<period>` (`add` never creates a second job with an id that is still stored).
 */

/** What a processor reports while it runs; BullMQ stores it on the job and publishes it as a `progress` event. */
export interface JobProgress {
  readonly step: string;
  readonly pct?: number;
}

export interface JobContext<T> {
  readonly id: string;
  readonly data: T;
  /** 1 on the first run, 2 on the first retry… A stalled job that is re-run keeps its number. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Aborted when the job times out, is cancelled, or its worker is forced to shut down. */
  readonly signal: AbortSignal;
  updateProgress(progress: JobProgress): Promise<void>;
}

/** Throw PermanentJobError for a failure no retry can fix; any other error is retried while attempts remain. */
export type JobProcessor<T, R> = (job: JobContext<T>) => Promise<R>;

export interface JobDefaults {
  /** Runs at most this many times (retries included). */
  readonly attempts: number;
  /** Exponential backoff: the n-th retry waits backoffMs × 2^(n-1). */
  readonly backoffMs: number;
  /** One attempt may run this long; then its signal aborts and the attempt fails. */
  readonly timeoutMs: number;
  /** A completed job is kept (and its id deduplicates new adds) this long. */
  readonly keepCompletedSeconds: number;
  /** A failed job is kept this long, for inspection. */
  readonly keepFailedSeconds: number;
}

export interface AddOptions {
  /** The job's identity: adding an id that is still stored returns it instead of creating a second job. */
  readonly jobId: string;
  readonly delayMs?: number;
}

export interface AddResult {
  readonly id: string;
  /** False when a job with this id already existed; nothing was added. */
  readonly created: boolean;
}

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'unknown';

export interface JobSnapshot<T, R> {
  readonly id: string;
  readonly data: T;
  readonly state: JobState;
  /** Attempts that have ended so far, the successful one included (as BullMQ counts); 0 while the first runs. */
  readonly attemptsMade: number;
  readonly result?: R;
  readonly failedReason?: string;
}

export interface WorkOptions {
  /** Jobs this worker runs at once. */
  readonly concurrency: number;
  /** BullMQ only: how long a job's lock lives without renewal; a dead worker's job is recovered after it. */
  readonly lockDurationMs?: number;
  /** BullMQ only: how often this worker looks for stalled jobs (ones whose lock expired). */
  readonly stalledIntervalMs?: number;
  /** BullMQ only: how many times a job may be recovered from a stall before it fails. */
  readonly maxStalledCount?: number;
}

export type CloseOutcome = 'drained' | 'forced';

export interface JobWorker {
  /** Jobs running now. */
  readonly active: number;
  /**
   * Stops taking jobs and waits for the running ones, at most `timeoutMs`. Past that, the running jobs are handed
   * back to the queue (BullMQ: moved back to wait, never lost; in-process: their signals are aborted) and the
   * worker lets go.
   */
  close(timeoutMs?: number): Promise<CloseOutcome>;
}

export interface Schedule {
  /** Every n milliseconds… */
  readonly every?: number;
  /** …or a cron pattern with six fields, seconds first (BullMQ's format). */
  readonly pattern?: string;
  /** The pattern's time zone, e.g. 'UTC' or 'Europe/Berlin'. */
  readonly tz?: string;
}

export interface JobQueue<T, R> {
  readonly name: string;
  add(data: T, options: AddOptions): Promise<AddResult>;
  getJob(id: string): Promise<JobSnapshot<T, R> | undefined>;
  /** Removes a job that is not running. False when there was none, or it is running. */
  remove(id: string): Promise<boolean>;
  /** Starts processing. One worker per queue object. */
  work(processor: JobProcessor<T, R>, options: WorkOptions): JobWorker;
  /** Resolves with the job once it has completed or failed for good; undefined if that takes longer than timeoutMs. */
  finished(id: string, timeoutMs: number): Promise<JobSnapshot<T, R> | undefined>;
  /** Creates or updates a job scheduler: a job with `data` is added on every tick. Idempotent. */
  upsertScheduler(id: string, schedule: Schedule, data: T): Promise<void>;
  removeScheduler(id: string): Promise<boolean>;
  /** The ids of the queue's job schedulers, whoever made them. */
  listSchedulers(): Promise<string[]>;
  /** Jobs waiting or delayed: lisbot_queue_depth. */
  depth(): Promise<number>;
  /** Closes the producer side. Workers are closed with their own close(). */
  close(): Promise<void>;
}

/** BullMQ job ids must not contain ':' and must not be all digits; ours are prefixed, hex, dash-separated. */
export function assertJobId(id: string): void {
  if (id.length === 0 || id.includes(':') || /^\d+$/.test(id)) throw new Error(`Invalid job id "${id}": no ':' and not all digits`);
}
