import type { JobProcessor, JobQueue } from './job-queue.ts';
import type { SyncOutcome } from '../knowledge/sync/status.ts';
import { syncKnowledgeBase, type SyncOptions, type SyncResult } from '../knowledge/sync/sync.ts';

/** The queue the scheduled kb-sync runs on (JobQueues.queue(KB_SYNC_QUEUE)). */
export const KB_SYNC_QUEUE = 'kb-sync';
export const KB_SYNC_SCHEDULER = 'kb-sync';

export type KbSyncJobData = Record<string, never>;

export interface KbSyncJobResult {
  readonly outcome: SyncOutcome;
  readonly version: string | undefined;
  readonly newSnapshots: readonly string[];
  readonly failed: readonly string[];
  readonly message: string;
}

/** One job scheduler for the whole deployment: KB_SYNC_SCHEDULE, a five-field cron pattern in UTC. */
export async function scheduleKbSync(queue: JobQueue<KbSyncJobData, KbSyncJobResult>, pattern: string): Promise<void> {
  await queue.upsertScheduler(KB_SYNC_SCHEDULER, { pattern: `0 ${pattern.trim()}`, tz: 'UTC' }, {});
}

export class KbSyncBusyError extends Error {
  override name = 'KbSyncBusyError';
}

/**
 * The kb-sync job: one sync of the configured sources. A sync already running elsewhere makes the job fail and
 * retry later. `onPublished` lets a process that also serves answers reload at once (holder.refresh); other
 * processes see the new version on their next poll.
 */
export function kbSyncProcessor(
  options: Omit<SyncOptions, 'now'> & { readonly onPublished?: (result: SyncResult) => void },
): JobProcessor<KbSyncJobData, KbSyncJobResult> {
  return async () => {
    const result = await syncKnowledgeBase(options);
    if (result.outcome === 'busy') throw new KbSyncBusyError(result.message);
    if (result.published) options.onPublished?.(result);
    return {
      outcome: result.outcome,
      version: result.version,
      newSnapshots: result.newSnapshots,
      failed: result.sources.filter((s) => s.outcome === 'failed').map((s) => s.error ?? s.source),
      message: result.message,
    };
  };
}
