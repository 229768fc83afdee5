import { randomBytes } from 'node:crypto';

/** What a 👍/👎 button records: the question it answered and the sources it cited. */
export interface FeedbackContext {
  readonly question: string;
  readonly intent: string;
  readonly sources: readonly string[];
}

type Entry = { readonly kind: 'choose'; readonly value: string } | ({ readonly kind: 'feedback' } & FeedbackContext);

/**
 * Button payloads too long for a 100-character custom_id, kept in process memory under a short key.
 * Bounded in size and age; a button whose key has expired answers "ask again". State that must survive
 * a restart or be shared by replicas does not belong here.
 */
export class ButtonState {
  private readonly entries = new Map<string, { entry: Entry; expires: number }>();

  constructor(
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  putChoice(value: string): string {
    return this.put({ kind: 'choose', value });
  }

  putFeedback(context: FeedbackContext): string {
    return this.put({ kind: 'feedback', question: context.question, intent: context.intent, sources: [...context.sources] });
  }

  choice(key: string): string | undefined {
    const entry = this.get(key);
    return entry?.kind === 'choose' ? entry.value : undefined;
  }

  feedback(key: string): FeedbackContext | undefined {
    const entry = this.get(key);
    return entry?.kind === 'feedback' ? { question: entry.question, intent: entry.intent, sources: entry.sources } : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  private put(entry: Entry): string {
    const key = randomBytes(9).toString('base64url');
    this.entries.set(key, { entry, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return key;
  }

  private get(key: string): Entry | undefined {
    const found = this.entries.get(key);
    if (!found) return undefined;
    if (found.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return found.entry;
  }
}
