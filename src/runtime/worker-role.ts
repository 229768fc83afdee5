import { userKbDir } from '../config/paths.ts';
import { ConfigError } from '../config/errors.ts';
import { loadPosters } from './posters.ts';
import { countedPosters } from './counted-posters.ts';
import { jobSettingsFromEnv } from '../jobs/settings.ts';
import type { CloseOutcome, JobWorker } from '../jobs/job-queue.ts';
import { REDIS_URL_REQUIRED, startWorkerRuntime, stopOnSignal } from '../jobs/worker-process.ts';
import { KnowledgeBaseHolder } from '../knowledge/holder.ts';
import { createDigestWiring, startBackgroundWorkers } from './background-jobs.ts';
import { startHealth } from './health.ts';
import { DIGEST_QUEUE } from '../digest/scheduler.ts';
import { installProcessGuard } from './process-guard.ts';
import { checkRedisCredentials, startupError } from '../state/redis-outage.ts';
import type { Infrastructure } from './infrastructure.ts';

/**
 * `lisbot worker`: guest checks, digests and kb-sync from Redis, until SIGTERM; running jobs may finish within
 * WORKER_SHUTDOWN_TIMEOUT_MS, the rest go back to the queue.
 */
export async function runWorkerRole(env: NodeJS.ProcessEnv, infra: Infrastructure): Promise<CloseOutcome> {
  const removeGuard = installProcessGuard(infra.logger, infra.metrics);
  try {
    return await runWorkers(env, infra);
  } catch (error) {
    throw startupError(error);
  } finally {
    removeGuard();
  }
}

async function runWorkers(env: NodeJS.ProcessEnv, infra: Infrastructure): Promise<CloseOutcome> {
  const settings = jobSettingsFromEnv(env);
  if (!settings.redisUrl) throw new ConfigError(REDIS_URL_REQUIRED);
  if (infra.redis) await checkRedisCredentials(infra.redis);
  const posters = countedPosters(await loadPosters(env), infra.metrics);
  const platforms = Object.keys(posters);
  if (platforms.length === 0) {
    throw new ConfigError(
      'lisbot worker needs Slack or Discord settings to post reports (SLACK_BOT_TOKEN, or DISCORD_TOKEN and DISCORD_APPLICATION_ID).',
    );
  }
  const holder = new KnowledgeBaseHolder({ userDir: userKbDir(env), logger: infra.logger.child({ component: 'kb' }) });
  const stopWatching = holder.watch();
  const { guestCheckRunner } = await import('../jobs/guest-check/check-with-rules.ts');
  const logger = infra.logger.child({ component: 'jobs' });
  const runtime = startWorkerRuntime(settings, { posters, check: guestCheckRunner(holder.get), logger });
  let background: JobWorker[] = [];
  let health: Awaited<ReturnType<typeof startHealth>>;
  try {
    const digest = createDigestWiring(runtime.queues, holder.get, infra.redis, infra.settings.LISBOT_ADMINS);
    background = await startBackgroundWorkers({
      queues: runtime.queues,
      digest,
      holder,
      posters,
      env,
      infra,
    });
    health = await startHealth(infra, holder.get, [{ name: 'workers', ready: () => true }], env, [
      runtime.queues.guestChecks,
      runtime.queues.queue(DIGEST_QUEUE, { attempts: 5 }),
    ]);
  } catch (error) {
    // A start-up that fails half-way stops what it started, so the process can exit with the error.
    stopWatching();
    await Promise.allSettled([...background.map((w) => w.close(0)), runtime.stop(0)]);
    throw error;
  }
  logger.info(
    { platforms, concurrency: settings.workerConcurrency },
    'lisbot worker: taking guest-check jobs, digests and kb-sync; SIGTERM to stop',
  );
  return stopOnSignal(
    {
      async stop(timeoutMs) {
        stopWatching();
        const outcomes = await Promise.all([...background.map((w) => w.close(timeoutMs)), runtime.stop(timeoutMs)]);
        await health?.close();
        return outcomes.includes('forced') ? 'forced' : 'drained';
      },
    },
    { timeoutMs: settings.shutdownTimeoutMs, logger },
  );
}
