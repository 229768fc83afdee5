/** Remembers deliveries already handled, so a platform's retry does not produce a second reply. */
export interface DedupeStore {
  /** True the first time a key is claimed within ttlMs; false for every repeat. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

export class MemoryDedupeStore implements DedupeStore {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 50_000,
  ) {}

  claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return Promise.resolve(false);
    this.expiries.set(key, now + ttlMs);
    if (this.expiries.size > this.maxEntries) this.prune(now);
    return Promise.resolve(true);
  }

  private prune(now: number): void {
    for (const [key, expiry] of this.expiries) if (expiry <= now || this.expiries.size > this.maxEntries) this.expiries.delete(key);
  }
}
