import { createHash } from 'node:crypto';

/** A 👍/👎 on an answer, or a question lisbot declined: material for new evaluation cases. */
export interface FeedbackRecord {
  readonly kind: 'up' | 'down' | 'declined';
  readonly question: string;
  readonly intent: string;
  readonly sources: readonly string[];
  readonly platform: string;
  /** The user id, hashed: feedback never stores who said it. */
  readonly userHash: string;
  readonly at: string;
}

export interface FeedbackStore {
  add(record: FeedbackRecord): Promise<void>;
  all(): Promise<FeedbackRecord[]>;
}

export function hashUser(platform: string, user: string | undefined): string {
  return createHash('sha256')
    .update(`${platform}:${user ?? 'anonymous'}`)
    .digest('hex')
    .slice(0, 16);
}

export class MemoryFeedbackStore implements FeedbackStore {
  private readonly records: FeedbackRecord[] = [];

  constructor(private readonly maxRecords = 10_000) {}

  add(record: FeedbackRecord): Promise<void> {
    this.records.push(record);
    if (this.records.length > this.maxRecords) this.records.shift();
    return Promise.resolve();
  }

  all(): Promise<FeedbackRecord[]> {
    return Promise.resolve([...this.records]);
  }
}
