import * as z from 'zod';
import { ConfigError } from '../config/errors.ts';

/** Queue and worker settings. The ones read from the environment are named after their variable below. */
export interface JobSettings {
  /** REDIS_URL. Unset: the in-process queue and memory stores (one process, nothing survives a restart). */
  readonly redisUrl: string | undefined;
  /** WORKER_CONCURRENCY: jobs each worker process runs at once. */
  readonly workerConcurrency: number;
  /** CHECK_JOB_TIMEOUT_MS: the longest one attempt of a guest check may run. */
  readonly checkJobTimeoutMs: number;
  /** UPLOAD_TTL_SECONDS: how long an upload waits in Redis for its check. */
  readonly uploadTtlSeconds: number;
  /** CHECK_JOB_ATTEMPTS: runs per guest check, retries included. */
  readonly checkJobAttempts: number;
  /** JOB_BACKOFF_MS: the first retry waits this long, then twice as long each time. */
  readonly backoffMs: number;
  /** JOB_LOCK_DURATION_MS: a job's lock without renewal; a killed worker's job is recovered after it expires. */
  readonly lockDurationMs: number;
  /** JOB_STALLED_INTERVAL_MS: how often workers look for jobs whose lock expired. */
  readonly stalledIntervalMs: number;
  /** How many stalls a job survives before it fails. */
  readonly maxStalledCount: number;
  /** WORKER_SHUTDOWN_TIMEOUT_MS: on SIGTERM, how long running jobs may finish before they are handed back. */
  readonly shutdownTimeoutMs: number;
  /** How long a submit may wait on Redis before the user hears "try again shortly". */
  readonly enqueueTimeoutMs: number;
  /** A finished check is kept this long; the same upload to the same place in that window is a duplicate. */
  readonly keepCompletedSeconds: number;
  readonly keepFailedSeconds: number;
  /** Delivery markers live this long: longer than any job can still be retried. */
  readonly deliveryTtlSeconds: number;
  /** A delivery claim younger than this may still have its post in flight; older, its outcome is unknowable. */
  readonly deliveryLeaseMs: number;
  /** How long a retry waits, polling, for another attempt's claim to settle before it gives up for this attempt. */
  readonly deliverySettleMs: number;
  /** A posting attempt renews its claim's heartbeat this often×3; a claim unrenewed this long belongs to a dead attempt. */
  readonly deliveryBeatMs: number;
  /** JOB_KEY_PREFIX: BullMQ's key prefix. Tests use a unique one; so can two lisbots sharing a Redis. */
  readonly queuePrefix: string;
  /** JOB_KEY_PREFIX too: the prefix of lisbot's own job keys (uploads, delivery markers). */
  readonly keyPrefix: string;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  redisUrl: undefined,
  workerConcurrency: 4,
  checkJobTimeoutMs: 30_000,
  uploadTtlSeconds: 3_600,
  checkJobAttempts: 3,
  backoffMs: 2_000,
  lockDurationMs: 30_000,
  stalledIntervalMs: 15_000,
  maxStalledCount: 2,
  shutdownTimeoutMs: 10_000,
  enqueueTimeoutMs: 2_000,
  keepCompletedSeconds: 3_600,
  keepFailedSeconds: 7 * 86_400,
  deliveryTtlSeconds: 7 * 86_400,
  deliveryLeaseMs: 120_000,
  deliverySettleMs: 5_000,
  deliveryBeatMs: 4_000,
  queuePrefix: 'lisbot',
  keyPrefix: 'lisbot',
};

/** The form of REDIS_URL without its value in any message: it may hold a password. */
export function redisUrlProblem(url: string): string | undefined {
  if (/^redis-sentinel:\/\//.test(url)) {
    return /^redis-sentinel:\/\/(?::[^@/]*@)?[^\s:,/@]+(?::\d{1,5})?(?:,[^\s:,/@]+(?::\d{1,5})?)*\/[^\s/?#]+(?:\?\S*)?$/.test(url)
      ? undefined
      : 'must look like redis-sentinel://[:password@]host:port[,host:port…]/masterName';
  }
  if (!/^rediss?:\/\//.test(url)) return 'must be a redis://, rediss:// or redis-sentinel:// URL';
  try {
    const parsed = new URL(url);
    if (!parsed.hostname) return 'must name a host, e.g. redis://127.0.0.1:6379';
    if (parsed.pathname && parsed.pathname !== '/' && !/^\/\d{1,2}$/.test(parsed.pathname))
      return 'may only name a database number after the host, e.g. redis://host:6379/0';
  } catch {
    return 'is not a valid URL (a password with special characters must be percent-encoded)';
  }
  return undefined;
}

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const int = (what: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: `must be ${what}` })
      .int({ error: 'must be a whole number' })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` })
      .default(fallback),
  );

const JobEnv = z.object({
  REDIS_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .superRefine((url, ctx) => {
        const problem = redisUrlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, input: undefined });
      })
      .optional(),
  ),
  WORKER_CONCURRENCY: int('a number of jobs', 1, 256, DEFAULT_JOB_SETTINGS.workerConcurrency),
  CHECK_JOB_TIMEOUT_MS: int('a number of milliseconds', 100, 3_600_000, DEFAULT_JOB_SETTINGS.checkJobTimeoutMs),
  UPLOAD_TTL_SECONDS: int('a number of seconds', 10, 7 * 86_400, DEFAULT_JOB_SETTINGS.uploadTtlSeconds),
  CHECK_JOB_ATTEMPTS: int('a number of attempts', 1, 20, DEFAULT_JOB_SETTINGS.checkJobAttempts),
  JOB_BACKOFF_MS: int('a number of milliseconds', 0, 600_000, DEFAULT_JOB_SETTINGS.backoffMs),
  JOB_LOCK_DURATION_MS: int('a number of milliseconds', 100, 3_600_000, DEFAULT_JOB_SETTINGS.lockDurationMs),
  JOB_STALLED_INTERVAL_MS: int('a number of milliseconds', 100, 3_600_000, DEFAULT_JOB_SETTINGS.stalledIntervalMs),
  WORKER_SHUTDOWN_TIMEOUT_MS: int('a number of milliseconds', 0, 600_000, DEFAULT_JOB_SETTINGS.shutdownTimeoutMs),
  JOB_KEY_PREFIX: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, - or _' })
      .default(DEFAULT_JOB_SETTINGS.queuePrefix),
  ),
});

/** The variables jobSettingsFromEnv reads, for `config check` and the README. */
export const JOB_VARIABLES = Object.keys(JobEnv.shape) as ReadonlyArray<keyof typeof JobEnv.shape>;

/**
 * Reads the queue settings. Throws ConfigError naming each bad variable, never its value (REDIS_URL may hold a
 * password). `overrides` are for tests and the bench: short locks, unique prefixes.
 */
export function jobSettingsFromEnv(env: NodeJS.ProcessEnv, overrides: Partial<JobSettings> = {}): JobSettings {
  const picked = Object.fromEntries(JOB_VARIABLES.map((name) => [name, env[name]]));
  const parsed = JobEnv.safeParse(picked, { reportInput: false });
  if (!parsed.success) throw ConfigError.fromZod(parsed.error, 'Invalid queue configuration');
  const e = parsed.data;
  return {
    ...DEFAULT_JOB_SETTINGS,
    redisUrl: e.REDIS_URL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    checkJobTimeoutMs: e.CHECK_JOB_TIMEOUT_MS,
    uploadTtlSeconds: e.UPLOAD_TTL_SECONDS,
    checkJobAttempts: e.CHECK_JOB_ATTEMPTS,
    backoffMs: e.JOB_BACKOFF_MS,
    lockDurationMs: e.JOB_LOCK_DURATION_MS,
    stalledIntervalMs: e.JOB_STALLED_INTERVAL_MS,
    shutdownTimeoutMs: e.WORKER_SHUTDOWN_TIMEOUT_MS,
    queuePrefix: e.JOB_KEY_PREFIX,
    keyPrefix: e.JOB_KEY_PREFIX,
    ...overrides,
  };
}
