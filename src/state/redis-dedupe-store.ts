import type { Redis } from 'ioredis';
import type { DedupeStore } from './dedupe-store.ts';

/** SET NX with an expiry: the first replica to claim a delivery wins, every other one sees a repeat. */
export class RedisDedupeStore implements DedupeStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'lisbot:dedupe:',
  ) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const result = await this.redis.set(`${this.prefix}${key}`, '1', 'PX', ttlMs, 'NX');
    return result === 'OK';
  }
}
