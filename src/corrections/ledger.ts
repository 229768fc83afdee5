import type { ReplyTarget } from '../core/delivery.ts';
import type { Entities, Reply, Verdict } from '../core/reply.ts';

/** One answer lisbot posted, with what it rested on, so a later KB version can show it wrong. */
export interface AnswerRecord {
  readonly id: string;
  /** Where the answer was posted: the correction goes to the same channel and thread. */
  readonly target: ReplyTarget;
  readonly question: string;
  readonly entities: Entities;
  readonly verdict?: Verdict;
  readonly integration?: Reply['integration'];
  /** Fact ids: "snapshot:ubuntu@2019-06-13", "column:ubuntu@2019-06-13/18.04", "feature:…/trim", "note:ubuntu@2019-06-13#5", "record:lis-4.3". */
  readonly facts: readonly string[];
  readonly kbVersion: string;
  /** ISO time the answer was posted. */
  readonly at: string;
}

/** The answer ledger: where answers are kept (Redis with a retention limit, or memory), channel opt-ins and claims. */
export interface AnswerLedger {
  record(entry: AnswerRecord): Promise<void>;
  /** Every kept entry, oldest first. */
  entries(): Promise<AnswerRecord[]>;
  /** After a correction: the entry now stands for the new answer (its verdict, facts and KB version). */
  replace(entry: AnswerRecord): Promise<void>;
  /** True for exactly one caller per key, across processes: the right to post one correction. */
  claim(key: string): Promise<boolean>;
  setCorrections(target: Pick<ReplyTarget, 'platform' | 'channel'>, on: boolean): Promise<void>;
  correctionsOn(target: Pick<ReplyTarget, 'platform' | 'channel'>): Promise<boolean>;
}

/** How long answers are kept, and how many at most. */
export interface LedgerRetention {
  readonly maxAgeMs: number;
  readonly maxEntries: number;
}

export const DEFAULT_RETENTION: LedgerRetention = { maxAgeMs: 180 * 24 * 60 * 60 * 1000, maxEntries: 50_000 };

export function channelKey(target: Pick<ReplyTarget, 'platform' | 'channel'>): string {
  return `${target.platform}:${target.channel}`;
}

/** One process's ledger: bounded by age and count, oldest dropped first. */
export class MemoryAnswerLedger implements AnswerLedger {
  private readonly kept = new Map<string, AnswerRecord>();
  private readonly claims = new Set<string>();
  private readonly channels = new Set<string>();

  constructor(
    private readonly retention: LedgerRetention = DEFAULT_RETENTION,
    private readonly now: () => number = Date.now,
  ) {}

  record(entry: AnswerRecord): Promise<void> {
    this.kept.delete(entry.id);
    this.kept.set(entry.id, entry);
    this.trim();
    return Promise.resolve();
  }

  entries(): Promise<AnswerRecord[]> {
    this.trim();
    return Promise.resolve([...this.kept.values()]);
  }

  replace(entry: AnswerRecord): Promise<void> {
    if (this.kept.has(entry.id)) this.kept.set(entry.id, entry);
    return Promise.resolve();
  }

  claim(key: string): Promise<boolean> {
    if (this.claims.has(key)) return Promise.resolve(false);
    this.claims.add(key);
    return Promise.resolve(true);
  }

  setCorrections(target: Pick<ReplyTarget, 'platform' | 'channel'>, on: boolean): Promise<void> {
    if (on) this.channels.add(channelKey(target));
    else this.channels.delete(channelKey(target));
    return Promise.resolve();
  }

  correctionsOn(target: Pick<ReplyTarget, 'platform' | 'channel'>): Promise<boolean> {
    return Promise.resolve(this.channels.has(channelKey(target)));
  }

  private trim(): void {
    const oldest = new Date(this.now() - this.retention.maxAgeMs).toISOString();
    for (const [id, entry] of this.kept) if (entry.at < oldest) this.kept.delete(id);
    while (this.kept.size > this.retention.maxEntries) this.kept.delete(this.kept.keys().next().value!);
  }
}
