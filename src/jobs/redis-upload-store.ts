import type { Redis } from 'ioredis';
import { contentRef, type StagedUpload, type UploadStore } from './upload-store.ts';

/** Uploads in Redis: `<prefix>:upload:<sha256>` holding the raw bytes, with SET … EX. */
export class RedisUploadStore implements UploadStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'lisbot',
  ) {}

  key(ref: string): string {
    return `${this.prefix}:upload:${ref}`;
  }

  async stage(content: Buffer, provisionalTtlSeconds: number): Promise<StagedUpload> {
    const ref = contentRef(content);
    const set = await this.redis.set(this.key(ref), content, 'EX', provisionalTtlSeconds, 'NX');
    return { ref, created: set === 'OK' };
  }

  async keep(ref: string, content: Buffer, ttlSeconds: number): Promise<void> {
    const extended = await this.redis.expire(this.key(ref), ttlSeconds);
    if (extended === 0) await this.redis.set(this.key(ref), content, 'EX', ttlSeconds);
  }

  async discard(ref: string): Promise<void> {
    await this.redis.del(this.key(ref));
  }

  async get(ref: string): Promise<Buffer | undefined> {
    return (await this.redis.getBuffer(this.key(ref))) ?? undefined;
  }
}
