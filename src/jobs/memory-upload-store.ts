import { contentRef, type StagedUpload, type UploadStore } from './upload-store.ts';

/** Uploads in memory, for the in-process queue. Expired entries are dropped as they are met. */
export class MemoryUploadStore implements UploadStore {
  private readonly uploads = new Map<string, { content: Buffer; expiresAt: number }>();
  private stages = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    this.sweep();
    return this.uploads.size;
  }

  stage(content: Buffer, provisionalTtlSeconds: number): Promise<StagedUpload> {
    if (++this.stages % 256 === 0) this.sweep();
    const ref = contentRef(content);
    if (this.live(ref)) return Promise.resolve({ ref, created: false });
    this.uploads.set(ref, { content: Buffer.from(content), expiresAt: this.now() + provisionalTtlSeconds * 1000 });
    return Promise.resolve({ ref, created: true });
  }

  keep(ref: string, content: Buffer, ttlSeconds: number): Promise<void> {
    const entry = this.live(ref);
    this.uploads.set(ref, { content: entry?.content ?? Buffer.from(content), expiresAt: this.now() + ttlSeconds * 1000 });
    return Promise.resolve();
  }

  discard(ref: string): Promise<void> {
    this.uploads.delete(ref);
    return Promise.resolve();
  }

  get(ref: string): Promise<Buffer | undefined> {
    return Promise.resolve(this.live(ref)?.content);
  }

  private live(ref: string): { content: Buffer; expiresAt: number } | undefined {
    const entry = this.uploads.get(ref);
    if (entry && entry.expiresAt <= this.now()) {
      this.uploads.delete(ref);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    for (const ref of [...this.uploads.keys()]) this.live(ref);
  }
}
