import type { Redis } from 'ioredis';
import { DigestFilters, KbBaseline } from './subscription.ts';

/**
 * What "show all" needs long after a digest was posted: the baseline of each KB version a digest started or ended at
 * (by version), and each subscription filter set (by filtersHash). Kept 400 days in Redis.
 */
export interface DigestArchive {
  putBaseline(baseline: KbBaseline): Promise<void>;
  baseline(version: string): Promise<KbBaseline | undefined>;
  putFilters(hash: string, filters: DigestFilters): Promise<void>;
  filters(hash: string): Promise<DigestFilters | undefined>;
}

export class MemoryDigestArchive implements DigestArchive {
  private readonly baselines = new Map<string, KbBaseline>();
  private readonly filterSets = new Map<string, DigestFilters>();

  constructor(private readonly maxEntries = 1000) {}

  putBaseline(baseline: KbBaseline): Promise<void> {
    this.baselines.set(baseline.version, structuredClone(baseline));
    if (this.baselines.size > this.maxEntries) this.baselines.delete(this.baselines.keys().next().value!);
    return Promise.resolve();
  }

  baseline(version: string): Promise<KbBaseline | undefined> {
    return Promise.resolve(this.baselines.get(version));
  }

  putFilters(hash: string, filters: DigestFilters): Promise<void> {
    this.filterSets.set(hash, structuredClone(filters));
    if (this.filterSets.size > this.maxEntries) this.filterSets.delete(this.filterSets.keys().next().value!);
    return Promise.resolve();
  }

  filters(hash: string): Promise<DigestFilters | undefined> {
    return Promise.resolve(this.filterSets.get(hash));
  }
}

const KEEP_SECONDS = 400 * 86_400;

function parse<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  text: string | null,
): T | undefined {
  if (text === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export class RedisDigestArchive implements DigestArchive {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'lisbot:digest:',
  ) {}

  async putBaseline(baseline: KbBaseline): Promise<void> {
    await this.redis.set(`${this.prefix}kb:${baseline.version}`, JSON.stringify(baseline), 'EX', KEEP_SECONDS);
  }

  async baseline(version: string): Promise<KbBaseline | undefined> {
    return parse(KbBaseline, await this.redis.get(`${this.prefix}kb:${version}`));
  }

  async putFilters(hash: string, filters: DigestFilters): Promise<void> {
    await this.redis.set(`${this.prefix}filters:${hash}`, JSON.stringify(filters), 'EX', KEEP_SECONDS);
  }

  async filters(hash: string): Promise<DigestFilters | undefined> {
    return parse(DigestFilters, await this.redis.get(`${this.prefix}filters:${hash}`));
  }
}
