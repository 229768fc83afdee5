import { createHash } from 'node:crypto';

export interface StagedUpload {
  /** The content's SHA-256, hex: what a job carries instead of the upload. */
  readonly ref: string;
  /** False when the same content was already stored (another job may be using it). */
  readonly created: boolean;
}

/**
 * Where uploads wait for their check, by content hash, with a time to live. Storing is two-phase so that a failed
 * enqueue leaves nothing behind for long: `stage` stores with a short provisional TTL, `keep` gives the full one
 * once the job exists, `discard` removes what this submit created when the enqueue failed.
 */
export interface UploadStore {
  stage(content: Buffer, provisionalTtlSeconds: number): Promise<StagedUpload>;
  /** Extends the upload's life to `ttlSeconds`; stores it again if it vanished in between. */
  keep(ref: string, content: Buffer, ttlSeconds: number): Promise<void>;
  discard(ref: string): Promise<void>;
  /** Undefined when the upload expired or was never stored. */
  get(ref: string): Promise<Buffer | undefined>;
}

export function contentRef(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
