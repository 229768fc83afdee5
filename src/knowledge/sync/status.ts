import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import { statusPath, writeFileAtomic } from './layout.ts';

const Timestamp = z.string().max(40);
const Message = z.string().max(2000);

/** What the last syncs said about one source (a URL or a path from KB_SOURCES). */
export const SourceStatus = z.object({
  lastOutcome: z.enum(['new', 'unchanged', 'failed']),
  lastAttemptAt: Timestamp,
  lastSuccessAt: Timestamp.optional(),
  lastFailureAt: Timestamp.optional(),
  lastError: Message.optional(),
  /** The snapshot the last successful import gave (or found unchanged). */
  snapshot: z.string().max(200).optional(),
});
export type SourceStatus = z.infer<typeof SourceStatus>;

export const SyncOutcome = z.enum(['published', 'unchanged', 'failed', 'busy']);
export type SyncOutcome = z.infer<typeof SyncOutcome>;

/** kb-status.json: the published version, the one before it, the last sync and every source's last result. */
export const KbStatus = z.object({
  currentVersion: z.string().max(40).optional(),
  currentLayer: z.string().max(80).optional(),
  publishedAt: Timestamp.optional(),
  previousVersion: z.string().max(40).optional(),
  previousLayer: z.string().max(80).optional(),
  lastSync: z
    .object({
      at: Timestamp,
      outcome: SyncOutcome,
      message: Message,
    })
    .optional(),
  sources: z.record(z.string().max(2100), SourceStatus).default({}),
});
export type KbStatus = z.infer<typeof KbStatus>;

export const EMPTY_STATUS: KbStatus = { sources: {} };

/** The status file, or an empty status when there is none or it cannot be read (a broken file is never fatal). */
export function readKbStatus(userDir: string): KbStatus {
  const path = statusPath(userDir);
  if (!existsSync(path)) return EMPTY_STATUS;
  try {
    const parsed = KbStatus.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : EMPTY_STATUS;
  } catch {
    return EMPTY_STATUS;
  }
}

export function writeKbStatus(userDir: string, status: KbStatus): void {
  const path = statusPath(userDir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, `${JSON.stringify(status, null, 2)}\n`);
}
