import type { Redis } from 'ioredis';
import { ConfigError } from '../config/errors.ts';

/** Where a store's failures are reported: counted per store, and logged once per outage. */
export interface OutageReporter {
  failed(store: string, error: unknown): void;
  succeeded(): void;
}

export interface OutageSinks {
  readonly count: (store: string) => void;
  readonly warn: (message: string, fields: Record<string, unknown>) => void;
  readonly info: (message: string, fields: Record<string, unknown>) => void;
}

/** The message of an error without anything it carries along (ioredis errors hold the failed command and its args). */
export function safeErrorText(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, 300);
}

/** Redis refused lisbot's credentials: a setting to fix, not an outage to wait out. */
export function isRedisAuthError(error: unknown): boolean {
  return error instanceof Error && /WRONGPASS|NOAUTH|invalid password|AUTH failed|invalid username-password/i.test(error.message);
}

/**
 * What a failed start-up may show: a ConfigError naming REDIS_URL when Redis refused the credentials, else an error
 * with the message only. ioredis errors carry the failed command with its arguments (AUTH's is the password), and
 * whatever prints an error object prints those.
 */
export function startupError(error: unknown): Error {
  if (isRedisAuthError(error))
    return new ConfigError('REDIS_URL: Redis refused the credentials (wrong password or user). Check the password in REDIS_URL.');
  if (error instanceof ConfigError) return error;
  const safe = new Error(safeErrorText(error));
  safe.stack = `${safe.message}
${(error instanceof Error ? (error.stack ?? '') : '').split('\n').slice(1, 8).join('\n')}`;
  return safe;
}

/**
 * Waits (at most timeoutMs) for the first connect: resolves when Redis is ready or still away (a worker waits an
 * outage out), rejects with a ConfigError naming REDIS_URL when Redis refuses the credentials, before anything starts.
 */
export function checkRedisCredentials(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => done();
    const onError = (error: unknown) => {
      if (isRedisAuthError(error)) done(startupError(error));
    };
    const timer = setTimeout(() => done(), timeoutMs);
    redis.on('ready', onReady);
    redis.on('error', onError);
  });
}

/**
 * Tracks whether Redis is in an outage as the stores see it: the first failure logs a warning, the rest are only
 * counted, and the first success afterwards logs that the stores are back.
 */
export class RedisOutage implements OutageReporter {
  private down = false;
  private failures = 0;
  private since = 0;

  constructor(
    private readonly sinks: OutageSinks,
    private readonly now: () => number = Date.now,
  ) {}

  get inOutage(): boolean {
    return this.down;
  }

  failed(store: string, error: unknown): void {
    this.sinks.count(store);
    this.failures += 1;
    if (this.down) return;
    this.down = true;
    this.since = this.now();
    this.sinks.warn('redis unavailable: answering from memory until it is back (logged once per outage)', {
      store,
      err: safeErrorText(error),
    });
  }

  succeeded(): void {
    if (!this.down) return;
    this.down = false;
    this.sinks.info('redis is back: shared state in use again', { failures: this.failures, outageMs: this.now() - this.since });
    this.failures = 0;
  }
}

/** A reporter that only counts nothing and logs nothing, for stores used without an outage tracker. */
export const ignoreOutages: OutageReporter = { failed: () => undefined, succeeded: () => undefined };

/**
 * Runs a Redis operation for a store, or the memory fallback when Redis is not connected or the operation fails.
 * A client that lost its connection is not even tried: while Redis is away a question must not wait for a timeout.
 */
export async function withFallback<T>(
  redis: Redis,
  outage: OutageReporter,
  store: string,
  operation: () => Promise<T>,
  fallback: () => T | Promise<T>,
): Promise<T> {
  if (redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end') {
    outage.failed(store, new Error(`Redis is ${redis.status}`));
    return fallback();
  }
  try {
    const result = await operation();
    outage.succeeded();
    return result;
  } catch (error) {
    outage.failed(store, error);
    return fallback();
  }
}
