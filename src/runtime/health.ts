import type { Redis } from 'ioredis';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { DIGEST_QUEUE } from '../digest/scheduler.ts';
import { GUEST_CHECK_QUEUE } from '../jobs/guest-check/job-data.ts';
import { jobSettingsFromEnv } from '../jobs/settings.ts';
import { KB_SYNC_QUEUE } from '../jobs/kb-sync-job.ts';
import { startHealthServer, type HealthServer, type ReadinessCheck } from '../observability/health-server.ts';
import { DASHBOARD_PATH, createQueueDashboard, type QueueDashboard } from '../observability/queue-dashboard.ts';
import type { Infrastructure } from './infrastructure.ts';

/** Ready means: the KB is loaded, Redis answers when configured, and each named part is connected. */
export function readinessChecks(kb: () => KnowledgeBase | undefined, redis: Redis | undefined, parts: ReadonlyArray<{ name: string; ready(): boolean }>): ReadinessCheck[] {
  return [
    { name: 'kb', check: () => kb() !== undefined },
    ...(redis ? [{ name: 'redis', check: async () => (await redis.ping()) === 'PONG' }] : []),
    ...parts.map((part) => ({ name: part.name, check: () => part.ready() })),
  ];
}

/** The queue dashboard when ADMIN_USER, ADMIN_PASSWORD and REDIS_URL are all set; off otherwise. */
function dashboardFor(infra: Infrastructure, env: NodeJS.ProcessEnv): QueueDashboard | undefined {
  const { ADMIN_USER, ADMIN_PASSWORD, REDIS_URL } = infra.settings;
  if (!ADMIN_USER || !ADMIN_PASSWORD || !REDIS_URL) return undefined;
  return createQueueDashboard({
    redisUrl: REDIS_URL, prefix: jobSettingsFromEnv(env).queuePrefix, queueNames: [GUEST_CHECK_QUEUE, DIGEST_QUEUE, KB_SYNC_QUEUE],
    user: ADMIN_USER, password: ADMIN_PASSWORD,
  });
}

export async function startHealth(infra: Infrastructure, kb: () => KnowledgeBase | undefined, parts: ReadonlyArray<{ name: string; ready(): boolean }>, env: NodeJS.ProcessEnv = {}): Promise<HealthServer | undefined> {
  const port = infra.settings.METRICS_PORT;
  if (port === undefined) return undefined;
  const dashboard = dashboardFor(infra, env);
  const server = await startHealthServer(port, infra.metrics, readinessChecks(kb, infra.redis, parts), () => {
    const current = kb();
    if (current) infra.metrics.recordKb(current.version, current.newestEra, current.builtAt);
  }, dashboard ? { prefix: DASHBOARD_PATH, handle: (req, res) => dashboard.handle(req, res) } : undefined);
  infra.logger.info({ port: server.port, dashboard: dashboard ? DASHBOARD_PATH : 'off' }, 'health and metrics server listening');
  return { port: server.port, close: async () => { await server.close(); await dashboard?.close(); } };
}
