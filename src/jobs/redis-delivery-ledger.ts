import type { Redis } from 'ioredis';
import type { PostedMessage } from '../core/delivery.ts';
import type { DeliveryClaim, DeliveryKey, DeliveryLedger, DeliveryRecord } from './delivery-ledger.ts';

// KEYS[1] delivered marker, KEYS[2] posting marker. ARGV: instance, token, claim JSON, ttl seconds.
// Returns {state, payload, pttl}. Markers of another instance (an earlier job with the same id) are stale: dropped.
const CLAIM = `
local delivered = redis.call('GET', KEYS[1])
if delivered then
  local ok, rec = pcall(cjson.decode, delivered)
  if ok and type(rec) == 'table' and rec.instance == ARGV[1] then return {'delivered', delivered, 0} end
  redis.call('DEL', KEYS[1])
end
local posting = redis.call('GET', KEYS[2])
if posting then
  local ok, rec = pcall(cjson.decode, posting)
  if ok and type(rec) == 'table' and rec.instance == ARGV[1] then
    if rec.token == ARGV[2] then return {'claimed', '', 0} end
    return {'in-doubt', posting, redis.call('PTTL', KEYS[2])}
  end
  redis.call('DEL', KEYS[2])
end
redis.call('SET', KEYS[2], ARGV[3], 'EX', tonumber(ARGV[4]))
return {'claimed', '', 0}
`;

// KEYS[1] delivered marker, KEYS[2] posting marker. ARGV: record JSON, ttl seconds, token.
const RECORD = `
local set = redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', tonumber(ARGV[2]))
local posting = redis.call('GET', KEYS[2])
if posting then
  local ok, rec = pcall(cjson.decode, posting)
  if ok and type(rec) == 'table' and rec.token == ARGV[3] then redis.call('DEL', KEYS[2]) end
end
if set then return 1 end
return 0
`;

// KEYS[1] posting marker. ARGV: token.
const RELEASE = `
local posting = redis.call('GET', KEYS[1])
if posting then
  local ok, rec = pcall(cjson.decode, posting)
  if ok and type(rec) == 'table' and rec.token == ARGV[1] then return redis.call('DEL', KEYS[1]) end
end
return 0
`;

interface LedgerCommands {
  lisbotDeliveryClaim(
    delivered: string,
    posting: string,
    instance: string,
    token: string,
    claim: string,
    ttl: number,
  ): Promise<[string, string, number]>;
  lisbotDeliveryRecord(delivered: string, posting: string, record: string, ttl: number, token: string): Promise<number>;
  lisbotDeliveryRelease(posting: string, token: string): Promise<number>;
}

/**
 * The delivery ledger in Redis: `<prefix>:delivered:<jobId>` and `<prefix>:posting:<jobId>`, each with a TTL,
 * read and written by small Lua scripts so a claim and its checks are one atomic step.
 */
export class RedisDeliveryLedger implements DeliveryLedger {
  private readonly redis: Redis & LedgerCommands;

  constructor(
    redis: Redis,
    private readonly prefix = 'lisbot',
    private readonly ttlSeconds = 7 * 86_400,
  ) {
    const scripted = redis as Redis & Partial<LedgerCommands>;
    if (!scripted.lisbotDeliveryClaim) redis.defineCommand('lisbotDeliveryClaim', { numberOfKeys: 2, lua: CLAIM });
    if (!scripted.lisbotDeliveryRecord) redis.defineCommand('lisbotDeliveryRecord', { numberOfKeys: 2, lua: RECORD });
    if (!scripted.lisbotDeliveryRelease) redis.defineCommand('lisbotDeliveryRelease', { numberOfKeys: 1, lua: RELEASE });
    this.redis = redis as Redis & LedgerCommands;
  }

  deliveredKey(id: string): string {
    return `${this.prefix}:delivered:${id}`;
  }

  postingKey(id: string): string {
    return `${this.prefix}:posting:${id}`;
  }

  async claim(key: DeliveryKey, token: string): Promise<DeliveryClaim> {
    const claim = JSON.stringify({ instance: key.instance, token, at: Date.now() });
    const [state, payload, pttl] = await this.redis.lisbotDeliveryClaim(
      this.deliveredKey(key.id),
      this.postingKey(key.id),
      key.instance,
      token,
      claim,
      this.ttlSeconds,
    );
    if (state === 'delivered') return { state, record: JSON.parse(payload) as DeliveryRecord };
    if (state === 'in-doubt') return { state, ageMs: Math.max(0, this.ttlSeconds * 1000 - Number(pttl)) };
    return { state: 'claimed' };
  }

  async record(key: DeliveryKey, token: string, message: PostedMessage, details?: Readonly<Record<string, string>>): Promise<void> {
    const record: DeliveryRecord = { instance: key.instance, messageId: message.id, at: Date.now(), ...(details ? { details } : {}) };
    await this.redis.lisbotDeliveryRecord(
      this.deliveredKey(key.id),
      this.postingKey(key.id),
      JSON.stringify(record),
      this.ttlSeconds,
      token,
    );
  }

  async release(key: DeliveryKey, token: string): Promise<void> {
    await this.redis.lisbotDeliveryRelease(this.postingKey(key.id), token);
  }

  async lookup(key: DeliveryKey): Promise<DeliveryRecord | undefined> {
    const text = await this.redis.get(this.deliveredKey(key.id));
    if (!text) return undefined;
    const record = JSON.parse(text) as DeliveryRecord;
    return record.instance === key.instance ? record : undefined;
  }
}
