import type { Redis } from 'ioredis';
import type { ContextStore, ConversationContext } from '../core/context-store.ts';
import { DEFAULT_CONTEXT_TTL_MS } from '../core/context-store.ts';

/** Conversation context in Redis, so a follow-up may land on any replica. Expiry is Redis's own. */
export class RedisContextStore implements ContextStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = DEFAULT_CONTEXT_TTL_MS,
    private readonly prefix = 'lisbot:context:',
  ) {}

  async get(conversation: string): Promise<ConversationContext | undefined> {
    const raw = await this.redis.get(`${this.prefix}${conversation}`);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as ConversationContext;
    } catch {
      return undefined;
    }
  }

  async set(conversation: string, context: ConversationContext): Promise<void> {
    await this.redis.set(`${this.prefix}${conversation}`, JSON.stringify(context), 'PX', this.ttlMs);
  }
}
