import type { Redis } from 'ioredis';
import { userKbDir } from '../config/paths.ts';
import { MemoryDigestArchive, RedisDigestArchive, type DigestArchive } from '../digest/archive.ts';
import { DigestCommandsService } from '../digest/commands.ts';
import { DigestDelivery } from '../digest/delivery.ts';
import { RedisSubscriptionStore } from '../digest/redis-store.ts';
import {
  DIGEST_QUEUE,
  DigestJobScheduler,
  digestProcessor,
  pacedPosters,
  type DigestJobData,
  type DigestJobResult,
} from '../digest/scheduler.ts';
import { MemorySubscriptionStore, type SubscriptionStore } from '../digest/store.ts';
import type { ReplyPosters } from '../core/delivery.ts';
import type { JobQueues } from '../jobs/job-queues.ts';
import type { JobWorker } from '../jobs/job-queue.ts';
import type { KnowledgeBaseHolder } from '../knowledge/holder.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { Infrastructure } from './infrastructure.ts';
import { runCorrections } from '../corrections/correct.ts';
import { KB_SYNC_QUEUE, kbSyncProcessor, scheduleKbSync, type KbSyncJobData, type KbSyncJobResult } from '../jobs/kb-sync-job.ts';

/** The digest's store, archive, scheduler and commands, shared by the bot (commands) and the workers (delivery). */
export interface DigestWiring {
  readonly store: SubscriptionStore;
  readonly archive: DigestArchive;
  readonly scheduler: DigestJobScheduler;
  readonly commands: DigestCommandsService;
}

export function createDigestWiring(
  queues: JobQueues,
  kb: () => KnowledgeBase,
  redis: Redis | undefined,
  admins: readonly string[],
): DigestWiring {
  const store = redis ? new RedisSubscriptionStore(redis) : new MemorySubscriptionStore();
  const archive = redis ? new RedisDigestArchive(redis) : new MemoryDigestArchive();
  const scheduler = new DigestJobScheduler(queues.queue<DigestJobData, DigestJobResult>(DIGEST_QUEUE, { attempts: 5 }));
  return { store, archive, scheduler, commands: new DigestCommandsService({ kb, store, archive, admins, scheduler }) };
}

export interface BackgroundWorkerOptions {
  readonly queues: JobQueues;
  readonly digest: DigestWiring;
  readonly holder: KnowledgeBaseHolder;
  readonly posters: ReplyPosters;
  readonly env: NodeJS.ProcessEnv;
  /** Its KB sources and sync schedule, its logger, and the answer ledger: each published KB version is followed by corrections of the answers it changed. */
  readonly infra: Pick<Infrastructure, 'logger' | 'answers'> & {
    readonly settings: Pick<Infrastructure['settings'], 'KB_SOURCES' | 'KB_SYNC_SCHEDULE'>;
  };
}

/**
 * The digest and kb-sync workers, beside the guest-check worker: in `lisbot worker`, or inside the bot process
 * when there is no Redis. Schedulers are reconciled with the stored subscriptions at start.
 */
export async function startBackgroundWorkers(options: BackgroundWorkerOptions): Promise<JobWorker[]> {
  const { queues, digest, holder } = options;
  const { logger, answers } = options.infra;
  const { KB_SOURCES: kbSources, KB_SYNC_SCHEDULE: kbSyncSchedule } = options.infra.settings;
  const settings = queues.settings;
  const jobLogger = logger.child({ component: 'jobs' });
  const delivery = new DigestDelivery({
    kb: holder.get,
    store: digest.store,
    archive: digest.archive,
    ledger: queues.ledger(),
    posters: pacedPosters(options.posters, undefined, queues.pacer()),
    logger: jobLogger,
    delivery: { leaseMs: settings.deliveryLeaseMs, settleMs: settings.deliverySettleMs, beatMs: settings.deliveryBeatMs },
  });
  const workers: JobWorker[] = [
    queues
      .queue<DigestJobData, DigestJobResult>(DIGEST_QUEUE, { attempts: 5 })
      .work(digestProcessor(delivery, { scheduler: digest.scheduler, logger: jobLogger }), { concurrency: 2 }),
  ];
  const reconciled = await digest.scheduler.reconcile(digest.store);
  logger.info(reconciled, 'digest schedulers reconciled');
  if (kbSources.length > 0) {
    const kbSync = queues.queue<KbSyncJobData, KbSyncJobResult>(KB_SYNC_QUEUE, { attempts: 3 });
    workers.push(
      kbSync.work(
        kbSyncProcessor({
          sources: kbSources,
          userDir: userKbDir(options.env),
          logger: logger.child({ component: 'kb-sync' }),
          onPublished: () => {
            holder.refresh();
            void runCorrections({
              kb: holder.get(),
              ledger: answers,
              posters: pacedPosters(options.posters, undefined, queues.pacer()),
              log: (m) => logger.warn(m),
            }).then(
              (run) => logger.info(run, 'corrections after kb-sync'),
              (error: unknown) => logger.warn({ err: String(error) }, 'corrections failed'),
            );
          },
        }),
        { concurrency: 1 },
      ),
    );
    await scheduleKbSync(kbSync, kbSyncSchedule);
    logger.info({ sources: kbSources.length, schedule: kbSyncSchedule }, 'kb-sync scheduled');
  }
  return workers;
}
