import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { withFallback, type OutageReporter } from './redis-outage.ts';

/**
 * Texts too long for the value that must carry them (a button value, a custom id), kept under a short reference.
 * `put` is synchronous so a renderer can call it; the text is readable at once in this process and, with Redis,
 * from every replica a moment later (a write of a few hundred bytes, long before anyone can press the button).
 */
export interface TextRefs {
  put(text: string): string;
  get(ref: string): Promise<string | undefined>;
}

/** References look like this: 16 URL-safe characters. */
export const TEXT_REF_PATTERN = /^[A-Za-z0-9_-]{16}$/;
/** A button is pressed within days, if ever. */
export const TEXT_REF_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function newRef(): string {
  return randomBytes(12).toString('base64url');
}

/** In-process and bounded (oldest first out): enough for one process. */
export class MemoryTextRefs implements TextRefs {
  private readonly texts = new Map<string, { text: string; expires: number }>();

  constructor(
    private readonly ttlMs = TEXT_REF_TTL_MS,
    private readonly maxTexts = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  put(text: string): string {
    const ref = newRef();
    this.keep(ref, text);
    return ref;
  }

  keep(ref: string, text: string): void {
    this.texts.set(ref, { text, expires: this.now() + this.ttlMs });
    while (this.texts.size > this.maxTexts) {
      const oldest = this.texts.keys().next();
      if (oldest.done) break;
      this.texts.delete(oldest.value);
    }
  }

  get(ref: string): Promise<string | undefined> {
    const found = this.texts.get(ref);
    if (found && found.expires <= this.now()) this.texts.delete(ref);
    return Promise.resolve(found && found.expires > this.now() ? found.text : undefined);
  }
}

/** Shared by every replica through Redis, written through to memory, which answers while Redis is away. */
export class RedisTextRefs implements TextRefs {
  constructor(
    private readonly redis: Redis,
    private readonly outage: OutageReporter,
    private readonly prefix = 'lisbot:text:',
    private readonly ttlMs = TEXT_REF_TTL_MS,
    private readonly local = new MemoryTextRefs(ttlMs),
  ) {}

  put(text: string): string {
    const ref = this.local.put(text);
    void withFallback(
      this.redis,
      this.outage,
      'text-refs',
      async () => {
        await this.redis.set(this.prefix + ref, text, 'PX', this.ttlMs);
      },
      () => undefined,
    );
    return ref;
  }

  async get(ref: string): Promise<string | undefined> {
    if (!TEXT_REF_PATTERN.test(ref)) return undefined;
    const local = await this.local.get(ref);
    if (local !== undefined) return local;
    return withFallback(
      this.redis,
      this.outage,
      'text-refs',
      async () => (await this.redis.get(this.prefix + ref)) ?? undefined,
      () => undefined,
    );
  }
}
