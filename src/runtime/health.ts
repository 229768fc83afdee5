import type { Redis } from 'ioredis';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { startHealthServer, type HealthServer, type ReadinessCheck } from '../observability/health-server.ts';
import type { Infrastructure } from './infrastructure.ts';

/** Ready means: the KB is loaded, Redis answers when configured, and each named part is connected. */
export function readinessChecks(kb: () => KnowledgeBase | undefined, redis: Redis | undefined, parts: ReadonlyArray<{ name: string; ready(): boolean }>): ReadinessCheck[] {
  return [
    { name: 'kb', check: () => kb() !== undefined },
    ...(redis ? [{ name: 'redis', check: async () => (await redis.ping()) === 'PONG' }] : []),
    ...parts.map((part) => ({ name: part.name, check: () => part.ready() })),
  ];
}

export async function startHealth(infra: Infrastructure, kb: () => KnowledgeBase | undefined, parts: ReadonlyArray<{ name: string; ready(): boolean }>): Promise<HealthServer | undefined> {
  const port = infra.settings.METRICS_PORT;
  if (port === undefined) return undefined;
  const server = await startHealthServer(port, infra.metrics, readinessChecks(kb, infra.redis, parts), () => {
    const current = kb();
    if (current) infra.metrics.recordKb(current.version, current.newestEra, current.builtAt);
  });
  infra.logger.info({ port: server.port }, 'health and metrics server listening');
  return server;
}
