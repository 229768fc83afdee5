import type { Redis } from 'ioredis';
import { withFallback, type OutageReporter } from './redis-outage.ts';

/** The threads lisbot has answered in, so a file dropped into one of them goes to the guest check without a mention. */
export interface ThreadStore {
  remember(channel: string, thread: string): Promise<void>;
  has(channel: string, thread: string): Promise<boolean>;
}

/** In-process and bounded (oldest first out): enough for one process. */
export class MemoryThreadStore implements ThreadStore {
  private readonly threads = new Map<string, number>();

  constructor(
    private readonly ttlMs = THREAD_TTL_MS,
    private readonly maxThreads = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(channel: string, thread: string): Promise<void> {
    const key = `${channel}:${thread}`;
    this.threads.delete(key);
    this.threads.set(key, this.now() + this.ttlMs);
    if (this.threads.size > this.maxThreads) {
      const oldest = this.threads.keys().next();
      if (!oldest.done) this.threads.delete(oldest.value);
    }
    return Promise.resolve();
  }

  has(channel: string, thread: string): Promise<boolean> {
    const expires = this.threads.get(`${channel}:${thread}`);
    return Promise.resolve(expires !== undefined && expires > this.now());
  }
}

/** Threads lisbot answered in are remembered this long (a week: follow-up uploads come days later). */
export const THREAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Shared by every replica through Redis; written through to memory, which answers while Redis is away. */
export class RedisThreadStore implements ThreadStore {
  constructor(
    private readonly redis: Redis,
    private readonly outage: OutageReporter,
    private readonly prefix = 'lisbot:thread:',
    private readonly ttlMs = THREAD_TTL_MS,
    private readonly local: ThreadStore = new MemoryThreadStore(ttlMs),
  ) {}

  async remember(channel: string, thread: string): Promise<void> {
    await this.local.remember(channel, thread);
    await withFallback(
      this.redis,
      this.outage,
      'threads',
      async () => {
        await this.redis.set(this.key(channel, thread), '1', 'PX', this.ttlMs);
      },
      () => undefined,
    );
  }

  async has(channel: string, thread: string): Promise<boolean> {
    if (await this.local.has(channel, thread)) return true;
    return withFallback(
      this.redis,
      this.outage,
      'threads',
      async () => (await this.redis.exists(this.key(channel, thread))) === 1,
      () => false,
    );
  }

  private key(channel: string, thread: string): string {
    return `${this.prefix}${channel}:${thread}`;
  }
}
