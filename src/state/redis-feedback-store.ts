import type { Redis } from 'ioredis';
import type { FeedbackRecord, FeedbackStore } from '../core/feedback-store.ts';

/** Feedback as a capped Redis list, newest last. */
export class RedisFeedbackStore implements FeedbackStore {
  constructor(
    private readonly redis: Redis,
    private readonly key = 'lisbot:feedback',
    private readonly maxRecords = 100_000,
  ) {}

  async add(record: FeedbackRecord): Promise<void> {
    await this.redis.multi().rpush(this.key, JSON.stringify(record)).ltrim(this.key, -this.maxRecords, -1).exec();
  }

  async all(): Promise<FeedbackRecord[]> {
    const rows = await this.redis.lrange(this.key, 0, -1);
    return rows.flatMap((row) => {
      try {
        return [JSON.parse(row) as FeedbackRecord];
      } catch {
        return [];
      }
    });
  }
}
