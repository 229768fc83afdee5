import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { Bot } from '../bot/bot.ts';
import { MemoryContextStore, type ContextStore } from '../core/context-store.ts';
import { declinedRecorder } from '../bot/declined.ts';
import { coreSettingsFromEnv, type CoreSettings } from '../config/env.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { createLogger } from '../observability/logger.ts';
import { LisbotMetrics } from '../observability/metrics.ts';
import { MemoryDedupeStore, type DedupeStore } from '../state/dedupe-store.ts';
import { MemoryFeedbackStore, type FeedbackStore } from '../core/feedback-store.ts';
import { RedisContextStore } from '../state/redis-context-store.ts';
import { createRedis } from '../state/redis-connection.ts';
import { RedisDedupeStore } from '../state/redis-dedupe-store.ts';
import { RedisFeedbackStore } from '../state/redis-feedback-store.ts';

/** What every role shares: settings, logs, metrics, and state in Redis when REDIS_URL is set, in memory otherwise. */
export interface Infrastructure {
  readonly settings: CoreSettings;
  readonly logger: Logger;
  readonly metrics: LisbotMetrics;
  readonly redis: Redis | undefined;
  readonly contexts: ContextStore;
  readonly dedupe: DedupeStore;
  readonly feedback: FeedbackStore;
  close(): Promise<void>;
}

export function createInfrastructure(env: NodeJS.ProcessEnv, options: { logDestination?: NodeJS.WritableStream } = {}): Infrastructure {
  const settings = coreSettingsFromEnv(env);
  const logger = createLogger(settings.LOG_LEVEL, options.logDestination);
  const metrics = new LisbotMetrics();
  // A command waits at most two seconds while Redis is away, then fails: a user gets an error, not a hang.
  const redis = settings.REDIS_URL ? createRedis(settings.REDIS_URL, { commandTimeout: 2000, maxRetriesPerRequest: 1 }) : undefined;
  redis?.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
  const ttlMs = settings.CONTEXT_TTL_SECONDS * 1000;
  return {
    settings, logger, metrics, redis,
    contexts: redis ? new RedisContextStore(redis, ttlMs) : new MemoryContextStore(ttlMs),
    dedupe: redis ? new RedisDedupeStore(redis) : new MemoryDedupeStore(),
    feedback: redis ? new RedisFeedbackStore(redis) : new MemoryFeedbackStore(),
    close: async () => { if (redis) await redis.quit().catch(() => redis.disconnect()); },
  };
}

/** A bot whose every answer is counted and timed, and whose declined questions (on every platform) are kept for new test cases. */
export function instrumentedBot(kb: () => KnowledgeBase, infra: Infrastructure): Bot {
  const recordDeclined = declinedRecorder(infra.feedback, (error) => infra.logger.warn({ err: String(error) }, 'could not store a declined question'));
  return new Bot(kb, infra.contexts, (message, answer) => {
    infra.metrics.recordAnswer(answer.reply.intent, answer.reply.answered, answer.latencyMs);
    infra.logger.debug({ intent: answer.reply.intent, answered: answer.reply.answered, latencyMs: answer.latencyMs, platform: message.platform }, 'answered');
    recordDeclined(message, answer);
  });
}
