import type { Redis } from 'ioredis';
import { Subscription } from './subscription.ts';
import type { SentMark, SubscriptionStore } from './store.ts';

const OBJECT_FIELDS = ['target', 'schedule', 'filters', 'baseline'] as const;
const TEXT_FIELDS = ['id', 'createdBy', 'createdAt', 'lastSentVersion', 'lastSentAt', 'disabled', 'disabledAt'] as const;

/** Updates fields of a subscription hash only while it exists, so a late delivery never resurrects an unsubscribed channel. */
const UPDATE_IF_EXISTS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1`;

function encode(subscription: Subscription): Record<string, string> {
  const fields: Record<string, string> = { quietWhenEmpty: subscription.quietWhenEmpty ? '1' : '0' };
  for (const name of OBJECT_FIELDS) fields[name] = JSON.stringify(subscription[name]);
  for (const name of TEXT_FIELDS) {
    const value = subscription[name];
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

function decode(hash: Record<string, string>): Subscription | undefined {
  if (!hash.id) return undefined;
  try {
    const raw: Record<string, unknown> = { quietWhenEmpty: hash.quietWhenEmpty === '1' };
    for (const name of OBJECT_FIELDS) raw[name] = hash[name] === undefined ? undefined : (JSON.parse(hash[name]) as unknown);
    for (const name of TEXT_FIELDS) if (hash[name] !== undefined) raw[name] = hash[name];
    const parsed = Subscription.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Subscriptions in Redis: one hash per subscription (`<prefix>sub:<id>`, a field per property, objects as JSON) and a
 * set of ids (`<prefix>subs`) to list them. Writes are MULTI transactions or scripts, so a reader never sees half.
 */
export class RedisSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'lisbot:digest:',
  ) {}

  private key(id: string): string {
    return `${this.prefix}sub:${id}`;
  }

  private get index(): string {
    return `${this.prefix}subs`;
  }

  async get(id: string): Promise<Subscription | undefined> {
    return decode(await this.redis.hgetall(this.key(id)));
  }

  async put(subscription: Subscription): Promise<void> {
    const valid = Subscription.parse(subscription);
    const key = this.key(valid.id);
    await this.redis.multi().del(key).hset(key, encode(valid)).sadd(this.index, valid.id).exec();
  }

  async delete(id: string): Promise<boolean> {
    const results = await this.redis.multi().del(this.key(id)).srem(this.index, id).exec();
    return Number(results?.[0]?.[1] ?? 0) > 0;
  }

  async list(): Promise<Subscription[]> {
    const ids = (await this.redis.smembers(this.index)).sort();
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.key(id));
    const results = (await pipeline.exec()) ?? [];
    const subscriptions: Subscription[] = [];
    const stale: string[] = [];
    results.forEach(([error, hash], i) => {
      const decoded = error ? undefined : decode(hash as Record<string, string>);
      if (decoded) subscriptions.push(decoded);
      else if (!error && Object.keys(hash as object).length === 0) stale.push(ids[i]!);
    });
    if (stale.length) await this.redis.srem(this.index, ...stale);
    return subscriptions;
  }

  async markSent(id: string, mark: SentMark): Promise<boolean> {
    const result = await this.redis.eval(
      UPDATE_IF_EXISTS,
      1,
      this.key(id),
      'lastSentVersion',
      mark.version,
      'lastSentAt',
      mark.at,
      'baseline',
      JSON.stringify(mark.baseline),
    );
    return Number(result) === 1;
  }

  async disable(id: string, reason: string, at: string): Promise<boolean> {
    const result = await this.redis.eval(UPDATE_IF_EXISTS, 1, this.key(id), 'disabled', reason.slice(0, 300), 'disabledAt', at);
    return Number(result) === 1;
  }
}
