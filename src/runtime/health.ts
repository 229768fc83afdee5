import type { Redis } from 'ioredis';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { DIGEST_QUEUE } from '../digest/scheduler.ts';
import { GUEST_CHECK_QUEUE } from '../jobs/guest-check/job-data.ts';
import { jobSettingsFromEnv } from '../jobs/settings.ts';
import { KB_SYNC_QUEUE } from '../jobs/kb-sync-job.ts';
import { startHealthServer, type HealthServer, type ReadinessCheck } from '../observability/health-server.ts';
import type { QueueDashboard } from '../observability/queue-dashboard.ts';
import type { Infrastructure } from './infrastructure.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

type QueueProbe = Pick<JobQueue<unknown, unknown>, 'name' | 'depth'>;

/**
 * Ready means: the KB is loaded, Redis answers when configured, each named part is connected, and each job queue
 * answers through its own client (a replica whose queue cannot enqueue is not ready, although Redis itself answers).
 */
export function readinessChecks(
  kb: () => KnowledgeBase | undefined,
  redis: Redis | undefined,
  parts: ReadonlyArray<{ name: string; ready(): boolean | Promise<boolean> }>,
  queues: readonly QueueProbe[] = [],
): ReadinessCheck[] {
  return [
    { name: 'kb', check: () => kb() !== undefined },
    ...(redis ? [{ name: 'redis', check: async () => (await redis.ping()) === 'PONG' }] : []),
    ...parts.map((part) => ({ name: part.name, check: () => part.ready() })),
    ...queues.map((queue) => ({
      name: `queue:${queue.name}`,
      check: () => withTimeout(queue.depth(), 1000).then(() => true),
    })),
  ];
}

/** The queue dashboard when ADMIN_USER, ADMIN_PASSWORD and REDIS_URL are all set; off (and not loaded) otherwise. */
async function dashboardFor(
  infra: Infrastructure,
  env: NodeJS.ProcessEnv,
): Promise<{ path: string; dashboard: QueueDashboard } | undefined> {
  const { ADMIN_USER, ADMIN_PASSWORD, REDIS_URL } = infra.settings;
  if (!ADMIN_USER || !ADMIN_PASSWORD || !REDIS_URL) return undefined;
  const { DASHBOARD_PATH, createQueueDashboard } = await import('../observability/queue-dashboard.ts');
  return {
    path: DASHBOARD_PATH,
    dashboard: createQueueDashboard({
      redisUrl: REDIS_URL,
      prefix: jobSettingsFromEnv(env).queuePrefix,
      queueNames: [GUEST_CHECK_QUEUE, DIGEST_QUEUE, KB_SYNC_QUEUE],
      user: ADMIN_USER,
      password: ADMIN_PASSWORD,
    }),
  };
}

export async function startHealth(
  infra: Infrastructure,
  kb: () => KnowledgeBase | undefined,
  parts: ReadonlyArray<{ name: string; ready(): boolean | Promise<boolean> }>,
  env: NodeJS.ProcessEnv = {},
  queues: readonly QueueProbe[] = [],
): Promise<HealthServer | undefined> {
  const port = infra.settings.METRICS_PORT;
  if (port === undefined) return undefined;
  const mounted = await dashboardFor(infra, env);
  const server = await startHealthServer(
    port,
    infra.metrics,
    readinessChecks(kb, infra.redis, parts, queues),
    async () => {
      const current = kb();
      if (current) infra.metrics.recordKb(current.version, current.newestEra);
      await Promise.all(
        queues.map(async (queue) => {
          const depth = await withTimeout(queue.depth(), 1000).catch(() => undefined);
          if (depth !== undefined) infra.metrics.queueDepth.set({ queue: queue.name }, depth);
        }),
      );
    },
    mounted ? { prefix: mounted.path, handle: (req, res) => mounted.dashboard.handle(req, res) } : undefined,
  );
  infra.logger.info({ port: server.port, dashboard: mounted ? mounted.path : 'off' }, 'health and metrics server listening');
  return {
    port: server.port,
    close: async () => {
      await server.close();
      await mounted?.dashboard.close();
    },
  };
}
