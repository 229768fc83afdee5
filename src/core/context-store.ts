import type { Entities, Intent } from './reply.ts';

/** What a thread or DM was last about, so "and on 2012?" can reuse the distro and feature. */
export interface ConversationContext {
  readonly intent: Intent;
  readonly entities: Entities;
  readonly question: string;
  readonly at: number;
  /** The last reply asked for this; the next message that names it completes that question. */
  readonly awaiting?: 'distro' | 'release';
}

/** Where conversation context lives: memory for one process, Redis when replicas share it. */
export interface ContextStore {
  get(conversation: string): Promise<ConversationContext | undefined>;
  set(conversation: string, context: ConversationContext): Promise<void>;
}

export const DEFAULT_CONTEXT_TTL_MS = 15 * 60 * 1000;

/** An in-process store with expiry and a size bound (oldest entries go first). */
export class MemoryContextStore implements ContextStore {
  private readonly entries = new Map<string, { context: ConversationContext; storedAt: number }>();

  constructor(
    private readonly ttlMs = DEFAULT_CONTEXT_TTL_MS,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(conversation: string): Promise<ConversationContext | undefined> {
    const entry = this.entries.get(conversation);
    if (entry && this.now() - entry.storedAt > this.ttlMs) {
      this.entries.delete(conversation);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry?.context);
  }

  set(conversation: string, context: ConversationContext): Promise<void> {
    this.entries.delete(conversation);
    this.entries.set(conversation, { context, storedAt: this.now() });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return Promise.resolve();
  }
}
