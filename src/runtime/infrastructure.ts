import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { Bot, type AnsweredMessage, type IncomingMessage } from '../bot/bot.ts';
import { MemoryContextStore, type ContextStore } from '../core/context-store.ts';
import { declinedRecorder } from '../bot/declined.ts';
import { coreSettingsFromEnv, type CoreSettings } from '../config/env.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { createLogger } from '../observability/logger.ts';
import { LisbotMetrics } from '../observability/metrics.ts';
import { jobEvents, type JobEnded } from '../jobs/job-events.ts';
import { MemoryDedupeStore, type DedupeStore } from '../state/dedupe-store.ts';
import { FailOpenContextStore, FailOpenDedupeStore, FailOpenFeedbackStore } from '../state/fail-open-stores.ts';
import { MemoryFeedbackStore, type FeedbackStore } from '../core/feedback-store.ts';
import { RedisContextStore } from '../state/redis-context-store.ts';
import { createRedis } from '../state/redis-connection.ts';
import { RedisDedupeStore } from '../state/redis-dedupe-store.ts';
import { RedisFeedbackStore } from '../state/redis-feedback-store.ts';
import { RedisOutage, safeErrorText } from '../state/redis-outage.ts';
import { SaltedFeedbackStore, userHashSecret } from '../state/salted-feedback-store.ts';
import { MemoryThreadStore, RedisThreadStore, type ThreadStore } from '../state/thread-store.ts';
import { MemoryTextRefs, RedisTextRefs, type TextRefs } from '../state/text-refs.ts';
import { MemoryAnswerLedger, type AnswerLedger } from '../corrections/ledger.ts';
import { RedisAnswerLedger } from '../corrections/redis-ledger.ts';
import { answerRecorder } from '../corrections/recorder.ts';

/** What every role shares: settings, logs, metrics, and state in Redis when REDIS_URL is set, in memory otherwise. */
export interface Infrastructure {
  readonly settings: CoreSettings;
  readonly logger: Logger;
  readonly metrics: LisbotMetrics;
  readonly redis: Redis | undefined;
  /** Whether the state stores are in a Redis outage (answering from memory). */
  readonly outage: RedisOutage;
  readonly contexts: ContextStore;
  readonly dedupe: DedupeStore;
  readonly feedback: FeedbackStore;
  readonly threads: ThreadStore;
  /** Texts too long for a button value or custom id, by reference. */
  readonly refs: TextRefs;
  /** Posted answers and the facts they rested on, for corrections after a KB change. */
  readonly answers: AnswerLedger;
  close(): Promise<void>;
}

/**
 * The state connection fails fast and comes back fast: the stores do not even try it while it is reconnecting (they
 * answer from memory), a command gives up after one reconnect or a second, and reconnect attempts are at most 250 ms
 * apart, so shared state is in use again a moment after Redis is.
 */
const STATE_REDIS_OPTIONS = {
  commandTimeout: 1000,
  connectTimeout: 2000,
  maxRetriesPerRequest: 1,
  retryStrategy: (times: number) => Math.min(50 * times, 250),
};

export function createInfrastructure(env: NodeJS.ProcessEnv, options: { logDestination?: NodeJS.WritableStream } = {}): Infrastructure {
  const settings = coreSettingsFromEnv(env);
  const logger = createLogger(settings.LOG_LEVEL, options.logDestination);
  const metrics = new LisbotMetrics();
  const outage = new RedisOutage({
    count: (store) => metrics.redisErrors.inc({ store }),
    warn: (message, fields) => logger.warn(fields, message),
    info: (message, fields) => logger.info(fields, message),
  });
  const redis = settings.REDIS_URL
    ? createRedis(settings.REDIS_URL, { ...STATE_REDIS_OPTIONS, connectionName: 'lisbot-state' })
    : undefined;
  redis?.on('error', (error: unknown) => outage.failed('connection', new Error(safeErrorText(error))));
  redis?.on('ready', () => outage.succeeded());
  const countJob = (ended: JobEnded) => metrics.jobs.inc({ queue: ended.queue, state: ended.state });
  jobEvents.on('ended', countJob);
  const ttlMs = settings.CONTEXT_TTL_SECONDS * 1000;
  const feedback = redis ? new FailOpenFeedbackStore(redis, new RedisFeedbackStore(redis), outage) : new MemoryFeedbackStore();
  return {
    settings,
    logger,
    metrics,
    redis,
    outage,
    contexts: redis
      ? new FailOpenContextStore(redis, new RedisContextStore(redis, ttlMs), outage, new MemoryContextStore(ttlMs))
      : new MemoryContextStore(ttlMs),
    dedupe: redis ? new FailOpenDedupeStore(redis, new RedisDedupeStore(redis), outage) : new MemoryDedupeStore(),
    feedback: new SaltedFeedbackStore(feedback, userHashSecret(env)),
    threads: redis ? new RedisThreadStore(redis, outage) : new MemoryThreadStore(),
    refs: redis ? new RedisTextRefs(redis, outage) : new MemoryTextRefs(),
    answers: redis ? new RedisAnswerLedger(redis) : new MemoryAnswerLedger(),
    close: async () => {
      jobEvents.off('ended', countJob);
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * A bot whose every answer is counted and timed, whose failures are counted, and whose declined questions (on every
 * platform) are kept for new test cases.
 */
export function instrumentedBot(kb: () => KnowledgeBase, infra: Infrastructure): Bot {
  const recordAnswer = answerRecorder(infra.answers, kb, (error) =>
    infra.logger.warn({ err: String(error) }, 'could not record an answer for corrections'),
  );
  const recordDeclined = declinedRecorder(infra.feedback, (error) =>
    infra.logger.warn({ err: String(error) }, 'could not store a declined question'),
  );
  return new CountedBot(
    kb,
    infra.contexts,
    (message, answer) => {
      infra.metrics.recordAnswer(answer.reply.intent, answer.reply.answered, answer.latencyMs);
      infra.logger.debug(
        { intent: answer.reply.intent, answered: answer.reply.answered, latencyMs: answer.latencyMs, platform: message.platform },
        'answered',
      );
      recordDeclined(message, answer);
      recordAnswer(message, answer);
    },
    (error) => {
      infra.metrics.recordFailedQuestion();
      infra.logger.error({ err: safeErrorText(error) }, 'a question could not be answered');
    },
  );
}

class CountedBot extends Bot {
  constructor(
    kb: () => KnowledgeBase,
    contexts: ContextStore,
    onAnswer: (message: IncomingMessage, answer: AnsweredMessage) => void,
    private readonly onFailure: (error: unknown) => void,
  ) {
    super(kb, contexts, onAnswer);
  }

  override async ask(message: IncomingMessage): Promise<AnsweredMessage> {
    try {
      return await super.ask(message);
    } catch (error) {
      this.onFailure(error);
      throw error;
    }
  }
}
