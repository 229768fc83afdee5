import { userKbDir } from '../config/paths.ts';
import { createJobQueues, type JobQueues } from '../jobs/job-queues.ts';
import type { JobWorker } from '../jobs/job-queue.ts';
import { guestCheckRunner } from '../jobs/guest-check/check-with-rules.ts';
import { loadPosters } from './posters.ts';
import { countedPosters } from './counted-posters.ts';
import { jobSettingsFromEnv } from '../jobs/settings.ts';
import { KnowledgeBaseHolder } from '../knowledge/holder.ts';
import { createDigestWiring, startBackgroundWorkers } from './background-jobs.ts';
import type { Infrastructure } from './infrastructure.ts';
import { installProcessGuard } from './process-guard.ts';
import { checkRedisCredentials, startupError } from '../state/redis-outage.ts';
import { startAdapters, type RunningAdapter } from './serve.ts';

export interface BotProcess {
  readonly holder: KnowledgeBaseHolder;
  readonly adapters: readonly RunningAdapter[];
  readonly queues: JobQueues;
  stop(graceMs: number): Promise<void>;
}

/**
 * The `serve` role: the KB (reloaded when kb-sync publishes), the job queues, and the adapters with the guest
 * check and the digest commands. Without Redis there is no separate worker, so this process runs the workers too.
 */
export async function startBotProcess(env: NodeJS.ProcessEnv, infra: Infrastructure): Promise<BotProcess> {
  if (infra.redis) await checkRedisCredentials(infra.redis);
  const removeGuard = installProcessGuard(infra.logger, infra.metrics);
  const holder = new KnowledgeBaseHolder({
    userDir: userKbDir(env),
    logger: infra.logger.child({ component: 'kb' }),
    onReload: (kb) => infra.logger.info({ version: kb.version }, 'kb reloaded'),
  });
  const stopWatching = holder.watch();
  const queues = createJobQueues(jobSettingsFromEnv(env), { logger: infra.logger.child({ component: 'jobs' }) });
  const digest = createDigestWiring(queues, holder.get, infra.redis, infra.settings.LISBOT_ADMINS);
  const workers: JobWorker[] = [];
  let adapters: RunningAdapter[] = [];
  try {
    adapters = await startAdapters({ env, kb: holder.get, infra, guestChecks: queues.guestCheckService(), digest: digest.commands });
    if (queues.kind === 'in-process' && adapters.length > 0) {
      const posters = countedPosters(await loadPosters(env), infra.metrics);
      workers.push(queues.startGuestCheckWorker({ posters, check: guestCheckRunner(holder.get) }));
      workers.push(
        ...(await startBackgroundWorkers({
          queues,
          digest,
          holder,
          posters,
          env,
          infra,
        })),
      );
    }
  } catch (error) {
    removeGuard();
    stopWatching();
    await Promise.allSettled([...workers.map((w) => w.close(1000)), ...adapters.map((a) => a.stop())]);
    await queues.close();
    throw startupError(error);
  }
  return {
    holder,
    adapters,
    queues,
    async stop(graceMs) {
      stopWatching();
      await Promise.allSettled([...adapters.map((a) => a.stop()), ...workers.map((w) => w.close(graceMs))]);
      await queues.close();
      removeGuard();
    },
  };
}
