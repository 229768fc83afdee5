export { DigestCommandsService, type DigestCommandsOptions, type DigestScheduleHook } from './commands.ts';
export { DigestDelivery, digestDeliveryId, type DeliveryOutcome, type DeliveryResult, type DigestDeliveryOptions } from './delivery.ts';
export { composeDigest, digestLine, DEFAULT_DIGEST_LIMIT, type ComposeOptions } from './compose.ts';
export { baselineAt, baselineOf, changesBetween, filterChanges } from './baseline.ts';
export { digestBetween, subscriptionDigest } from './digest.ts';
export { MemorySubscriptionStore, type SubscriptionStore, type SentMark } from './store.ts';
export { RedisSubscriptionStore } from './redis-store.ts';
export { MemoryDigestArchive, RedisDigestArchive, type DigestArchive } from './archive.ts';
export { decodeDigestMore, encodeDigestMore } from './more.ts';
export { describeSchedule, periodKey, Schedule, cronProblem } from './schedule.ts';
export { Subscription, DigestFilters, KbBaseline, subscriptionId, filtersHash } from './subscription.ts';
export { parseDigestArgs, DIGEST_USAGE } from './parse.ts';
export {
  DigestJobScheduler,
  DIGEST_QUEUE,
  digestProcessor,
  digestSchedulerId,
  firedAtOf,
  pacedPosters,
  type DigestJobData,
  type DigestJobResult,
} from './scheduler.ts';
