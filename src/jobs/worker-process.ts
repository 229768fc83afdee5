import { ConfigError } from '../config/errors.ts';
import { silentLogger, type JobLogger } from './job-logger.ts';
import { createJobQueues, type GuestCheckWorkerDeps, type JobQueues } from './job-queues.ts';
import type { CloseOutcome, JobWorker } from './job-queue.ts';
import type { JobSettings } from './settings.ts';

export const REDIS_URL_REQUIRED =
  'lisbot worker needs REDIS_URL (redis://, rediss:// or redis-sentinel://): the workers take their jobs from Redis. Without it, the bot process runs guest checks itself.';

export interface WorkerRuntime {
  readonly queues: JobQueues;
  readonly worker: JobWorker;
  /**
   * Stops taking jobs and lets the running ones finish for at most `timeoutMs`; jobs still running then are
   * handed back to the queue for another worker. Then closes the queues and connections.
   */
  stop(timeoutMs?: number): Promise<CloseOutcome>;
}

/** Starts the guest-check workers on Redis with the given posters and check. Tests and the bench inject fakes. */
export function startWorkerRuntime(settings: JobSettings, deps: GuestCheckWorkerDeps & { readonly logger?: JobLogger }): WorkerRuntime {
  if (!settings.redisUrl) throw new ConfigError(REDIS_URL_REQUIRED);
  const queues = createJobQueues(settings, deps.logger ? { logger: deps.logger } : {});
  const worker = queues.startGuestCheckWorker(deps);
  let stopping: Promise<CloseOutcome> | undefined;
  return {
    queues,
    worker,
    stop(timeoutMs = settings.shutdownTimeoutMs) {
      stopping ??= (async () => {
        const outcome = await worker.close(timeoutMs);
        await queues.close();
        return outcome;
      })();
      return stopping;
    },
  };
}

export interface SignalOptions {
  readonly timeoutMs: number;
  readonly logger?: JobLogger;
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * Waits for SIGTERM or SIGINT, then stops the runtime within `timeoutMs` (running jobs finish or are handed
 * back). A second signal while stopping exits at once: the jobs still running are recovered as stalled.
 */
export function stopOnSignal(runtime: Pick<WorkerRuntime, 'stop'>, options: SignalOptions): Promise<CloseOutcome> {
  const logger = options.logger ?? silentLogger;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  return new Promise((resolve, reject) => {
    const onSignal = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, onSignal);
      logger.info({ signal, timeoutMs: options.timeoutMs }, 'stopping the workers: running jobs may finish');
      const again = (second: NodeJS.Signals) => {
        logger.warn({ signal: second }, 'second signal: exiting now; running jobs will be recovered as stalled');
        process.exit(130);
      };
      for (const s of signals) process.once(s, again);
      runtime.stop(options.timeoutMs).then((outcome) => {
        for (const s of signals) process.off(s, again);
        logger.info(
          { outcome },
          outcome === 'drained' ? 'workers stopped; every running job finished' : 'workers stopped; unfinished jobs were handed back',
        );
        resolve(outcome);
      }, reject);
    };
    for (const s of signals) process.once(s, onSignal);
  });
}
