import type { Redis } from 'ioredis';
import type { ReplyTarget } from '../core/delivery.ts';
import { DEFAULT_RETENTION, channelKey, type AnswerLedger, type AnswerRecord, type LedgerRetention } from './ledger.ts';

/** Claims outlive any sync cycle; a claim only has to stop a second post of the same correction. */
const CLAIM_TTL_S = 30 * 24 * 60 * 60;

/**
 * The ledger in Redis, shared by every replica and worker: each entry a key with a TTL (the retention age),
 * an index sorted by time (trimmed by age and count), the opted-in channels as a set, claims as SET NX keys.
 */
export class RedisAnswerLedger implements AnswerLedger {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'lisbot:answers:',
    private readonly retention: LedgerRetention = DEFAULT_RETENTION,
    private readonly now: () => number = Date.now,
  ) {}

  async record(entry: AnswerRecord): Promise<void> {
    const ttl = Math.ceil(this.retention.maxAgeMs / 1000);
    await this.redis
      .multi()
      .set(this.entryKey(entry.id), JSON.stringify(entry), 'EX', ttl)
      .zadd(this.indexKey(), Date.parse(entry.at) || this.now(), entry.id)
      .zremrangebyscore(this.indexKey(), '-inf', this.now() - this.retention.maxAgeMs)
      .zremrangebyrank(this.indexKey(), 0, -(this.retention.maxEntries + 1))
      .exec();
  }

  async entries(): Promise<AnswerRecord[]> {
    const ids = await this.redis.zrange(this.indexKey(), 0, -1);
    if (ids.length === 0) return [];
    const values = await this.redis.mget(ids.map((id) => this.entryKey(id)));
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as AnswerRecord);
  }

  async replace(entry: AnswerRecord): Promise<void> {
    await this.redis.set(this.entryKey(entry.id), JSON.stringify(entry), 'KEEPTTL', 'XX');
  }

  async claim(key: string): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}claim:${key}`, '1', 'EX', CLAIM_TTL_S, 'NX')) === 'OK';
  }

  async setCorrections(target: Pick<ReplyTarget, 'platform' | 'channel'>, on: boolean): Promise<void> {
    if (on) await this.redis.sadd(this.channelsKey(), channelKey(target));
    else await this.redis.srem(this.channelsKey(), channelKey(target));
  }

  async correctionsOn(target: Pick<ReplyTarget, 'platform' | 'channel'>): Promise<boolean> {
    return (await this.redis.sismember(this.channelsKey(), channelKey(target))) === 1;
  }

  private entryKey(id: string): string {
    return `${this.prefix}entry:${id}`;
  }
  private indexKey(): string {
    return `${this.prefix}index`;
  }
  private channelsKey(): string {
    return `${this.prefix}channels`;
  }
}
