import type { Redis } from 'ioredis';
import type { PostedMessage } from '../core/delivery.ts';
import { DEFAULT_BEAT_TTL_MS, type DeliveryClaim, type DeliveryKey, type DeliveryLedger, type DeliveryRecord } from './delivery-ledger.ts';

// KEYS[1] delivered marker, KEYS[2] posting marker, KEYS[3] heartbeat. ARGV: instance, token, claim JSON, ttl seconds,
// heartbeat ms. Returns {state, payload, pttl, alive}. Markers of another instance (an earlier job with the same id)
// are stale: dropped.
const CLAIM = `
local delivered = redis.call('GET', KEYS[1])
if delivered then
  local ok, rec = pcall(cjson.decode, delivered)
  if ok and type(rec) == 'table' and rec.instance == ARGV[1] then return {'delivered', delivered, 0, 0} end
  redis.call('DEL', KEYS[1])
end
local posting = redis.call('GET', KEYS[2])
if posting then
  local ok, rec = pcall(cjson.decode, posting)
  if ok and type(rec) == 'table' and rec.instance == ARGV[1] then
    if rec.token == ARGV[2] then return {'claimed', '', 0, 1} end
    local alive = 0
    if redis.call('GET', KEYS[3]) == rec.token then alive = 1 end
    return {'in-doubt', posting, redis.call('PTTL', KEYS[2]), alive}
  end
  redis.call('DEL', KEYS[2])
end
redis.call('SET', KEYS[2], ARGV[3], 'EX', tonumber(ARGV[4]))
redis.call('SET', KEYS[3], ARGV[2], 'PX', tonumber(ARGV[5]))
return {'claimed', '', 0, 1}
`;

// KEYS[1] posting marker, KEYS[2] heartbeat. ARGV: holder token, new token, claim JSON, ttl seconds, heartbeat ms.
// Takes over a claim whose holder stopped beating.
const TAKE_OVER = `
local posting = redis.call('GET', KEYS[1])
if not posting then return 0 end
local ok, rec = pcall(cjson.decode, posting)
if not ok or type(rec) ~= 'table' or rec.token ~= ARGV[1] then return 0 end
if redis.call('GET', KEYS[2]) == ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[3], 'EX', tonumber(ARGV[4]))
redis.call('SET', KEYS[2], ARGV[2], 'PX', tonumber(ARGV[5]))
return 1
`;

// KEYS[1] posting marker, KEYS[2] heartbeat. ARGV: token, heartbeat ms.
const BEAT = `
local posting = redis.call('GET', KEYS[1])
if not posting then return 0 end
local ok, rec = pcall(cjson.decode, posting)
if ok and type(rec) == 'table' and rec.token == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', tonumber(ARGV[2]))
  return 1
end
return 0
`;

// KEYS[1] delivered marker, KEYS[2] posting marker, KEYS[3] heartbeat. ARGV: record JSON, ttl seconds, token.
const RECORD = `
local set = redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', tonumber(ARGV[2]))
local posting = redis.call('GET', KEYS[2])
if posting then
  local ok, rec = pcall(cjson.decode, posting)
  if ok and type(rec) == 'table' and rec.token == ARGV[3] then redis.call('DEL', KEYS[2], KEYS[3]) end
end
if set then return 1 end
return 0
`;

// KEYS[1] posting marker, KEYS[2] heartbeat. ARGV: token.
const RELEASE = `
local posting = redis.call('GET', KEYS[1])
if posting then
  local ok, rec = pcall(cjson.decode, posting)
  if ok and type(rec) == 'table' and rec.token == ARGV[1] then return redis.call('DEL', KEYS[1], KEYS[2]) end
end
return 0
`;

interface LedgerCommands {
  lisbotDeliveryClaim(
    delivered: string,
    posting: string,
    heartbeat: string,
    instance: string,
    token: string,
    claim: string,
    ttl: number,
    beatMs: number,
  ): Promise<[string, string, number, number]>;
  lisbotDeliveryTakeOver(
    posting: string,
    heartbeat: string,
    holder: string,
    token: string,
    claim: string,
    ttl: number,
    beatMs: number,
  ): Promise<number>;
  lisbotDeliveryBeat(posting: string, heartbeat: string, token: string, beatMs: number): Promise<number>;
  lisbotDeliveryRecord(delivered: string, posting: string, heartbeat: string, record: string, ttl: number, token: string): Promise<number>;
  lisbotDeliveryRelease(posting: string, heartbeat: string, token: string): Promise<number>;
}

const SCRIPTS: ReadonlyArray<[keyof LedgerCommands, number, string]> = [
  ['lisbotDeliveryClaim', 3, CLAIM],
  ['lisbotDeliveryTakeOver', 2, TAKE_OVER],
  ['lisbotDeliveryBeat', 2, BEAT],
  ['lisbotDeliveryRecord', 3, RECORD],
  ['lisbotDeliveryRelease', 2, RELEASE],
];

/**
 * The delivery ledger in Redis: `<prefix>:delivered:<jobId>` and `<prefix>:posting:<jobId>`, each with a TTL, and
 * the claimant's heartbeat `<prefix>:posting-beat:<jobId>`,
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
    for (const [name, numberOfKeys, lua] of SCRIPTS) if (!scripted[name]) redis.defineCommand(name, { numberOfKeys, lua });
    this.redis = redis as Redis & LedgerCommands;
  }

  deliveredKey(id: string): string {
    return `${this.prefix}:delivered:${id}`;
  }

  postingKey(id: string): string {
    return `${this.prefix}:posting:${id}`;
  }

  heartbeatKey(id: string): string {
    return `${this.prefix}:posting-beat:${id}`;
  }

  async claim(key: DeliveryKey, token: string, beatTtlMs = DEFAULT_BEAT_TTL_MS): Promise<DeliveryClaim> {
    const [state, payload, pttl, alive] = await this.redis.lisbotDeliveryClaim(
      this.deliveredKey(key.id),
      this.postingKey(key.id),
      this.heartbeatKey(key.id),
      key.instance,
      token,
      this.claimJson(key, token),
      this.ttlSeconds,
      beatTtlMs,
    );
    if (state === 'delivered') return { state, record: JSON.parse(payload) as DeliveryRecord };
    if (state === 'in-doubt') {
      const holder = (JSON.parse(payload) as { token: string }).token;
      return { state, ageMs: Math.max(0, this.ttlSeconds * 1000 - Number(pttl)), holder, alive: Number(alive) === 1 };
    }
    return { state: 'claimed' };
  }

  async beat(key: DeliveryKey, token: string, beatTtlMs: number): Promise<void> {
    await this.redis.lisbotDeliveryBeat(this.postingKey(key.id), this.heartbeatKey(key.id), token, beatTtlMs);
  }

  async takeOver(key: DeliveryKey, holder: string, token: string, beatTtlMs = DEFAULT_BEAT_TTL_MS): Promise<boolean> {
    const taken = await this.redis.lisbotDeliveryTakeOver(
      this.postingKey(key.id),
      this.heartbeatKey(key.id),
      holder,
      token,
      this.claimJson(key, token),
      this.ttlSeconds,
      beatTtlMs,
    );
    return Number(taken) === 1;
  }

  async record(key: DeliveryKey, token: string, message: PostedMessage, details?: Readonly<Record<string, string>>): Promise<void> {
    const record: DeliveryRecord = { instance: key.instance, messageId: message.id, at: Date.now(), ...(details ? { details } : {}) };
    await this.redis.lisbotDeliveryRecord(
      this.deliveredKey(key.id),
      this.postingKey(key.id),
      this.heartbeatKey(key.id),
      JSON.stringify(record),
      this.ttlSeconds,
      token,
    );
  }

  async release(key: DeliveryKey, token: string): Promise<void> {
    await this.redis.lisbotDeliveryRelease(this.postingKey(key.id), this.heartbeatKey(key.id), token);
  }

  async lookup(key: DeliveryKey): Promise<DeliveryRecord | undefined> {
    const text = await this.redis.get(this.deliveredKey(key.id));
    if (!text) return undefined;
    const record = JSON.parse(text) as DeliveryRecord;
    return record.instance === key.instance ? record : undefined;
  }

  private claimJson(key: DeliveryKey, token: string): string {
    return JSON.stringify({ instance: key.instance, token, at: Date.now() });
  }
}
