import type { Redis } from 'ioredis';
import { BullJobQueue } from './bull-job-queue.ts';
import type { DeliveryLedger } from './delivery-ledger.ts';
import { GUEST_CHECK_QUEUE, type CheckFunction, type GuestCheckJobData, type GuestCheckJobResult } from './guest-check/job-data.ts';
import type { ReplyPosters } from '../core/delivery.ts';
import { GuestCheckProcessor } from './guest-check/worker.ts';
import { GuestCheckService } from './guest-check/submitter.ts';
import { InProcessJobQueue } from './in-process-job-queue.ts';
import { silentLogger, type JobLogger } from './job-logger.ts';
import type { JobDefaults, JobQueue, JobWorker } from './job-queue.ts';
import { MemoryDeliveryLedger } from './memory-delivery-ledger.ts';
import { MemoryUploadStore } from './memory-upload-store.ts';
import { RedisConnections } from './redis-connections.ts';
import { RedisDeliveryLedger } from './redis-delivery-ledger.ts';
import { MemoryPostPacer, RedisPostPacer, type PostPacer } from './post-pacer.ts';
import { RedisUploadStore } from './redis-upload-store.ts';
import type { JobSettings } from './settings.ts';
import type { UploadStore } from './upload-store.ts';

export interface GuestCheckWorkerDeps {
  readonly posters: ReplyPosters;
  readonly check: CheckFunction;
}

/**
 * The jobs of one process, on Redis (BullMQ) when REDIS_URL is set, in memory otherwise. The bot process calls
 * `guestCheckService()` for the adapters; the worker process (or the bot process itself, without Redis) calls
 * `startGuestCheckWorker()`. Other features open their own queue with `queue(name)` and share the connections and
 * the delivery ledger: the digest's exactly-once-per-channel-and-period is a job id per channel and period plus
 * `deliverOnce` with the KB version in the record's details.
 */
export interface JobQueues {
  readonly kind: 'redis' | 'in-process';
  readonly settings: JobSettings;
  readonly guestChecks: JobQueue<GuestCheckJobData, GuestCheckJobResult>;
  queue<T, R>(name: string, defaults?: Partial<JobDefaults>): JobQueue<T, R>;
  /** The uploads as the producer sees them (fail fast) or as a worker does (waits out a Redis blip). */
  uploads(role: 'producer' | 'worker'): UploadStore;
  ledger(): DeliveryLedger;
  /** Posting slots shared by every worker (Redis), or this process's. */
  pacer(): PostPacer;
  guestCheckService(): GuestCheckService;
  startGuestCheckWorker(deps: GuestCheckWorkerDeps): JobWorker;
  /** Closes the queues and connections. Close workers first (their close waits for running jobs). */
  close(): Promise<void>;
}

export interface JobQueuesOptions {
  readonly logger?: JobLogger;
}

/** Chooses the backend by `settings.redisUrl`: BullJobQueue on Redis, or InProcessJobQueue without it. */
export function createJobQueues(settings: JobSettings, options: JobQueuesOptions = {}): JobQueues {
  const logger = options.logger ?? silentLogger;
  const defaultsFor = (overrides: Partial<JobDefaults> = {}): JobDefaults => ({
    attempts: settings.checkJobAttempts,
    backoffMs: settings.backoffMs,
    timeoutMs: settings.checkJobTimeoutMs,
    keepCompletedSeconds: settings.keepCompletedSeconds,
    keepFailedSeconds: settings.keepFailedSeconds,
    ...overrides,
  });
  const queues = new Map<string, JobQueue<unknown, unknown>>();
  const redisUrl = settings.redisUrl;
  const connections = redisUrl ? new RedisConnections(redisUrl, logger, settings.enqueueTimeoutMs) : undefined;

  const memoryUploads = new MemoryUploadStore();
  const memoryLedger = new MemoryDeliveryLedger(settings.deliveryTtlSeconds);
  let producerUploads: UploadStore | undefined;
  let workerUploads: UploadStore | undefined;
  let ledger: DeliveryLedger | undefined;
  let pacer: PostPacer | undefined;
  let workerState: Redis | undefined;
  const stateConnection = (redis: RedisConnections) => (workerState ??= redis.worker('worker-state'));

  function queue<T, R>(name: string, defaults?: Partial<JobDefaults>): JobQueue<T, R> {
    const existing = queues.get(name);
    if (existing) return existing as JobQueue<T, R>;
    const created: JobQueue<T, R> = connections
      ? new BullJobQueue<T, R>(name, { connections, prefix: settings.queuePrefix, defaults: defaultsFor(defaults), logger })
      : new InProcessJobQueue<T, R>(name, defaultsFor(defaults), logger);
    queues.set(name, created);
    return created;
  }

  const self: JobQueues = {
    kind: connections ? 'redis' : 'in-process',
    settings,
    get guestChecks() {
      return queue<GuestCheckJobData, GuestCheckJobResult>(GUEST_CHECK_QUEUE);
    },
    queue,
    uploads(role) {
      if (!connections) return memoryUploads;
      if (role === 'producer') return (producerUploads ??= new RedisUploadStore(connections.producer, settings.keyPrefix));
      return (workerUploads ??= new RedisUploadStore(stateConnection(connections), settings.keyPrefix));
    },
    ledger() {
      if (!connections) return memoryLedger;
      return (ledger ??= new RedisDeliveryLedger(stateConnection(connections), settings.keyPrefix, settings.deliveryTtlSeconds));
    },
    pacer() {
      return (pacer ??= connections ? new RedisPostPacer(stateConnection(connections), settings.keyPrefix) : new MemoryPostPacer());
    },
    guestCheckService() {
      return new GuestCheckService({
        queue: self.guestChecks,
        uploads: self.uploads('producer'),
        uploadTtlSeconds: settings.uploadTtlSeconds,
        enqueueTimeoutMs: settings.enqueueTimeoutMs,
        ...(connections
          ? {
              ready: async () => {
                await connections.readyProducer(settings.enqueueTimeoutMs);
              },
            }
          : {}),
        logger,
      });
    },
    startGuestCheckWorker(deps) {
      const processor = new GuestCheckProcessor({
        uploads: self.uploads('worker'),
        ledger: self.ledger(),
        posters: deps.posters,
        check: deps.check,
        delivery: { leaseMs: settings.deliveryLeaseMs, settleMs: settings.deliverySettleMs, beatMs: settings.deliveryBeatMs },
        logger,
      });
      return self.guestChecks.work(processor.process, {
        concurrency: settings.workerConcurrency,
        lockDurationMs: settings.lockDurationMs,
        stalledIntervalMs: settings.stalledIntervalMs,
        maxStalledCount: settings.maxStalledCount,
      });
    },
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      queues.clear();
      await connections?.close();
    },
  };
  return self;
}
