import type { Redis } from 'ioredis';
import { MemoryContextStore, type ContextStore, type ConversationContext } from '../core/context-store.ts';
import { MemoryDedupeStore, type DedupeStore } from './dedupe-store.ts';
import { MemoryFeedbackStore, type FeedbackRecord, type FeedbackStore } from '../core/feedback-store.ts';
import { withFallback, type OutageReporter } from './redis-outage.ts';

/**
 * Context in Redis, written through to memory: while Redis is away a question is still answered, with the context
 * this replica last saw for the conversation.
 */
export class FailOpenContextStore implements ContextStore {
  constructor(
    private readonly redis: Redis,
    private readonly shared: ContextStore,
    private readonly outage: OutageReporter,
    private readonly local: ContextStore = new MemoryContextStore(),
  ) {}

  async get(conversation: string): Promise<ConversationContext | undefined> {
    const local = () => this.local.get(conversation);
    return (await withFallback(this.redis, this.outage, 'context', () => this.shared.get(conversation), local)) ?? local();
  }

  async set(conversation: string, context: ConversationContext): Promise<void> {
    await this.local.set(conversation, context);
    await withFallback(
      this.redis,
      this.outage,
      'context',
      () => this.shared.set(conversation, context),
      () => undefined,
    );
  }
}

/**
 * Dedupe in Redis, and in memory as well: Redis decides while it answers; during an outage a retry that reaches
 * the same replica is still dropped, and one that reaches another replica is answered (a rare double beats silence).
 */
export class FailOpenDedupeStore implements DedupeStore {
  constructor(
    private readonly redis: Redis,
    private readonly shared: DedupeStore,
    private readonly outage: OutageReporter,
    private readonly local: DedupeStore = new MemoryDedupeStore(),
  ) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const firstHere = await this.local.claim(key, ttlMs);
    return withFallback(
      this.redis,
      this.outage,
      'dedupe',
      () => this.shared.claim(key, ttlMs),
      () => firstHere,
    );
  }
}

/** Feedback in Redis; while Redis is away it is kept in memory (and lost with the process, which beats failing the button). */
export class FailOpenFeedbackStore implements FeedbackStore {
  constructor(
    private readonly redis: Redis,
    private readonly shared: FeedbackStore,
    private readonly outage: OutageReporter,
    private readonly local: FeedbackStore = new MemoryFeedbackStore(),
  ) {}

  add(record: FeedbackRecord): Promise<void> {
    return withFallback(
      this.redis,
      this.outage,
      'feedback',
      () => this.shared.add(record),
      () => this.local.add(record),
    );
  }

  async all(): Promise<FeedbackRecord[]> {
    const local = await this.local.all();
    return [
      ...(await withFallback(
        this.redis,
        this.outage,
        'feedback',
        () => this.shared.all(),
        () => [],
      )),
      ...local,
    ];
  }
}
