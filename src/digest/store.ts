import type { KbBaseline, Subscription } from './subscription.ts';

/** What a delivered digest leaves on its subscription. */
export interface SentMark {
  readonly version: string;
  readonly at: string;
  readonly baseline: KbBaseline;
}

/** Per-channel digest subscriptions. Redis when REDIS_URL is set, else in-process. */
export interface SubscriptionStore {
  get(id: string): Promise<Subscription | undefined>;
  /** Creates or replaces the channel's subscription. */
  put(subscription: Subscription): Promise<void>;
  /** True when there was one to delete. */
  delete(id: string): Promise<boolean>;
  list(): Promise<Subscription[]>;
  /** Records a delivered digest; false when the subscription is gone (it was unsubscribed meanwhile). */
  markSent(id: string, mark: SentMark): Promise<boolean>;
  /** Stops delivery to a gone channel; false when there is no such subscription. */
  disable(id: string, reason: string, at: string): Promise<boolean>;
}

export class MemorySubscriptionStore implements SubscriptionStore {
  private readonly subscriptions = new Map<string, Subscription>();

  get(id: string): Promise<Subscription | undefined> {
    return Promise.resolve(this.subscriptions.get(id));
  }

  put(subscription: Subscription): Promise<void> {
    this.subscriptions.set(subscription.id, structuredClone(subscription));
    return Promise.resolve();
  }

  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.subscriptions.delete(id));
  }

  list(): Promise<Subscription[]> {
    return Promise.resolve([...this.subscriptions.values()].sort((a, b) => a.id.localeCompare(b.id)).map((s) => structuredClone(s)));
  }

  markSent(id: string, mark: SentMark): Promise<boolean> {
    const existing = this.subscriptions.get(id);
    if (!existing) return Promise.resolve(false);
    this.subscriptions.set(id, {
      ...existing,
      lastSentVersion: mark.version,
      lastSentAt: mark.at,
      baseline: structuredClone(mark.baseline),
    });
    return Promise.resolve(true);
  }

  disable(id: string, reason: string, at: string): Promise<boolean> {
    const existing = this.subscriptions.get(id);
    if (!existing) return Promise.resolve(false);
    this.subscriptions.set(id, { ...existing, disabled: reason.slice(0, 300), disabledAt: at });
    return Promise.resolve(true);
  }
}
