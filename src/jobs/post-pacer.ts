import type { Redis } from 'ioredis';

/**
 * Hands out posting slots per platform, `spacingMs` apart: `reserve` returns how long the caller waits for its slot.
 * In Redis, every worker process draws from the same slots, so N workers post no faster than one.
 */
export interface PostPacer {
  reserve(platform: string, spacingMs: number): Promise<number>;
}

/** One process's slots. */
export class MemoryPostPacer implements PostPacer {
  private readonly next = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  reserve(platform: string, spacingMs: number): Promise<number> {
    const now = this.now();
    const slot = Math.max(now, this.next.get(platform) ?? 0);
    this.next.set(platform, slot + spacingMs);
    return Promise.resolve(slot - now);
  }
}

// KEYS[1] the platform's next free slot (epoch ms, Redis's clock). ARGV: spacing ms. Returns the wait in ms.
const RESERVE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextSlot)
local spacing = tonumber(ARGV[1])
redis.call('SET', KEYS[1], tostring(slot + spacing), 'PX', slot + spacing - now + 60000)
return slot - now
`;

interface PacerCommands {
  lisbotReservePostSlot(key: string, spacingMs: number): Promise<number>;
}

/** Slots shared by every worker through Redis (one atomic script on Redis's clock, so workers' clocks do not matter). */
export class RedisPostPacer implements PostPacer {
  private readonly redis: Redis & PacerCommands;

  constructor(
    redis: Redis,
    private readonly prefix = 'lisbot',
  ) {
    if (!(redis as Redis & Partial<PacerCommands>).lisbotReservePostSlot)
      redis.defineCommand('lisbotReservePostSlot', { numberOfKeys: 1, lua: RESERVE });
    this.redis = redis as Redis & PacerCommands;
  }

  async reserve(platform: string, spacingMs: number): Promise<number> {
    return Number(await this.redis.lisbotReservePostSlot(`${this.prefix}:post-slot:${platform}`, spacingMs));
  }
}
