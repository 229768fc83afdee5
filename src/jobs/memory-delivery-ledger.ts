import type { PostedMessage } from '../core/delivery.ts';
import { DEFAULT_BEAT_TTL_MS, type DeliveryClaim, type DeliveryKey, type DeliveryLedger, type DeliveryRecord } from './delivery-ledger.ts';

interface Claim {
  readonly instance: string;
  readonly token: string;
  readonly at: number;
  /** Epoch ms until which the claimant counts as alive (its heartbeat). */
  aliveUntil: number;
}

/** The delivery ledger in memory, for the in-process queue: the same rules as RedisDeliveryLedger. */
export class MemoryDeliveryLedger implements DeliveryLedger {
  private readonly delivered = new Map<string, { record: DeliveryRecord; expiresAt: number }>();
  private readonly posting = new Map<string, { claim: Claim; expiresAt: number }>();
  private claims = 0;

  constructor(
    private readonly ttlSeconds = 7 * 86_400,
    private readonly now: () => number = Date.now,
  ) {}

  claim(key: DeliveryKey, token: string, beatTtlMs = DEFAULT_BEAT_TTL_MS): Promise<DeliveryClaim> {
    if (++this.claims % 256 === 0) this.sweep();
    const delivered = this.live(this.delivered, key.id);
    if (delivered) {
      if (delivered.record.instance === key.instance) return Promise.resolve({ state: 'delivered', record: delivered.record });
      this.delivered.delete(key.id);
    }
    const posting = this.live(this.posting, key.id);
    if (posting) {
      const { claim } = posting;
      if (claim.instance === key.instance) {
        if (claim.token === token) return Promise.resolve({ state: 'claimed' });
        return Promise.resolve({
          state: 'in-doubt',
          ageMs: Math.max(0, this.now() - claim.at),
          holder: claim.token,
          alive: claim.aliveUntil > this.now(),
        });
      }
      this.posting.delete(key.id);
    }
    this.setClaim(key, token, beatTtlMs);
    return Promise.resolve({ state: 'claimed' });
  }

  beat(key: DeliveryKey, token: string, beatTtlMs: number): Promise<void> {
    const claim = this.live(this.posting, key.id)?.claim;
    if (claim?.token === token) claim.aliveUntil = this.now() + beatTtlMs;
    return Promise.resolve();
  }

  takeOver(key: DeliveryKey, holder: string, token: string, beatTtlMs = DEFAULT_BEAT_TTL_MS): Promise<boolean> {
    const claim = this.live(this.posting, key.id)?.claim;
    if (claim?.token !== holder || claim.aliveUntil > this.now()) return Promise.resolve(false);
    this.setClaim(key, token, beatTtlMs);
    return Promise.resolve(true);
  }

  private setClaim(key: DeliveryKey, token: string, beatTtlMs: number): void {
    const at = this.now();
    this.posting.set(key.id, { claim: { instance: key.instance, token, at, aliveUntil: at + beatTtlMs }, expiresAt: this.expiry() });
  }

  record(key: DeliveryKey, token: string, message: PostedMessage, details?: Readonly<Record<string, string>>): Promise<void> {
    if (!this.live(this.delivered, key.id)) {
      const record: DeliveryRecord = { instance: key.instance, messageId: message.id, at: this.now(), ...(details ? { details } : {}) };
      this.delivered.set(key.id, { record, expiresAt: this.expiry() });
    }
    if (this.posting.get(key.id)?.claim.token === token) this.posting.delete(key.id);
    return Promise.resolve();
  }

  release(key: DeliveryKey, token: string): Promise<void> {
    if (this.posting.get(key.id)?.claim.token === token) this.posting.delete(key.id);
    return Promise.resolve();
  }

  lookup(key: DeliveryKey): Promise<DeliveryRecord | undefined> {
    const record = this.live(this.delivered, key.id)?.record;
    return Promise.resolve(record?.instance === key.instance ? record : undefined);
  }

  private sweep(): void {
    for (const id of [...this.delivered.keys()]) this.live(this.delivered, id);
    for (const id of [...this.posting.keys()]) this.live(this.posting, id);
  }

  private expiry(): number {
    return this.now() + this.ttlSeconds * 1000;
  }

  private live<V extends { expiresAt: number }>(map: Map<string, V>, id: string): V | undefined {
    const entry = map.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      map.delete(id);
      return undefined;
    }
    return entry;
  }
}
