import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testKeyPrefix } from '../helpers/redis.ts';
import { Queue } from 'bullmq';
import { createJobQueues } from '../../src/jobs/job-queues.ts';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../../src/jobs/settings.ts';
import { DigestDelivery } from '../../src/digest/delivery.ts';
import { MemorySubscriptionStore } from '../../src/digest/store.ts';
import { RedisSubscriptionStore } from '../../src/digest/redis-store.ts';
import { baselineAt } from '../../src/digest/baseline.ts';
import { defaultSchedule } from '../../src/digest/schedule.ts';
import {
  DIGEST_QUEUE,
  DigestJobScheduler,
  digestProcessor,
  digestSchedulerId,
  firedAtOf,
  pacedPosters,
  type DigestJobData,
  type DigestJobResult,
} from '../../src/digest/scheduler.ts';
import { hashUser, Subscription, subscriptionId } from '../../src/digest/subscription.ts';
import { realKb } from '../helpers/real-kb.ts';
import type { Reply } from '../../src/core/reply.ts';
import { RecordingPoster, TEST_REDIS_URL, testRedis } from './helpers.ts';

const MONDAY = new Date('2025-07-07T09:00:00Z');

function subscription(channel: string, schedule = defaultSchedule('weekly', 'Europe/Berlin')): Subscription {
  const target = { platform: 'slack' as const, channel };
  return Subscription.parse({
    id: subscriptionId(target),
    target,
    schedule,
    filters: { families: ['ubuntu'] },
    quietWhenEmpty: true,
    createdBy: hashUser('slack', 'U0ADMIN'),
    createdAt: '2019-06-20T10:00:00.000Z',
    baseline: baselineAt(realKb(), '2019-06-13'),
  });
}

function settings(kind: 'bullmq' | 'in-process'): JobSettings {
  const prefix = testKeyPrefix('digest-scheduler');
  return {
    ...DEFAULT_JOB_SETTINGS,
    redisUrl: kind === 'bullmq' ? TEST_REDIS_URL : undefined,
    queuePrefix: prefix,
    keyPrefix: prefix,
    checkJobAttempts: 3,
    backoffMs: 50,
    lockDurationMs: 1_000,
    stalledIntervalMs: 500,
    deliveryLeaseMs: 2_000,
    deliverySettleMs: 300,
  };
}

describe('digest job schedulers on BullMQ', () => {
  const redis = testRedis();
  after(async () => {
    await redis.cleanup();
  });

  test('one job scheduler per subscription, upserted idempotently, removed on unsubscribe', async () => {
    const jobSettings = settings('bullmq');
    const queues = createJobQueues(jobSettings);
    const connection = redis.redis.duplicate();
    const inspect = new Queue(DIGEST_QUEUE, { connection, prefix: jobSettings.queuePrefix });
    try {
      const scheduler = new DigestJobScheduler(queues.queue<DigestJobData, DigestJobResult>(DIGEST_QUEUE));
      const berlin = subscription('C0BERLIN');
      const daily = subscription('C0DAILY', { kind: 'cron', pattern: '30 7 * * 1-5', tz: 'America/New_York' });
      // Two processes upserting the same subscriptions make one scheduler each.
      for (let i = 0; i < 2; i++) {
        await scheduler.scheduled(berlin);
        await scheduler.scheduled(daily);
      }
      const schedulers = await inspect.getJobSchedulers();
      assert.deepEqual(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort(), [
        [digestSchedulerId(berlin.id), '0 0 9 * * 1', 'Europe/Berlin'],
        [digestSchedulerId(daily.id), '0 30 7 * * 1-5', 'America/New_York'],
      ]);
      const next = await inspect.getJobScheduler(digestSchedulerId(berlin.id));
      assert.ok(next?.next && new Date(next.next).getUTCDay() === 1, 'the next tick is a Monday');
      await scheduler.unscheduled(daily.id);
      assert.deepEqual(
        (await inspect.getJobSchedulers()).map((s) => s.key),
        [digestSchedulerId(berlin.id)],
      );

      const store = new MemorySubscriptionStore();
      await store.put(daily);
      await store.put({ ...berlin, disabled: 'channel gone', disabledAt: '2025-07-07T09:00:00.000Z' });
      assert.deepEqual(await scheduler.reconcile(store), { scheduled: 1, removed: 1 });
      assert.deepEqual(
        (await inspect.getJobSchedulers()).map((s) => s.key),
        [digestSchedulerId(daily.id)],
      );
    } finally {
      await inspect.close();
      connection.disconnect();
      await queues.close();
    }
  });
});

for (const kind of ['bullmq', 'in-process'] as const) {
  describe(`digest jobs (${kind})`, () => {
    const redis = testRedis();
    after(async () => {
      await redis.cleanup();
    });

    test('two schedulers ticking for one period post once; a failed post is retried and posts once', async () => {
      const jobSettings = settings(kind);
      const queues = createJobQueues(jobSettings);
      const queue = queues.queue<DigestJobData, DigestJobResult>(DIGEST_QUEUE);
      const store = kind === 'bullmq' ? new RedisSubscriptionStore(redis.redis, redis.prefix) : new MemorySubscriptionStore();
      const slack = new RecordingPoster('slack');
      const delivery = new DigestDelivery({
        kb: realKb,
        store,
        ledger: queues.ledger(),
        posters: { slack },
        delivery: { leaseMs: jobSettings.deliveryLeaseMs, settleMs: jobSettings.deliverySettleMs, pollMs: 20 },
      });
      const worker = queue.work(digestProcessor(delivery), { concurrency: 2, lockDurationMs: 1_000, stalledIntervalMs: 500 });
      try {
        const twice = subscription('C0TWICE');
        const retried = subscription('C0RETRY');
        await store.put(twice);
        await store.put(retried);
        const tick = MONDAY.getTime();
        const jobs = [
          `repeat-${digestSchedulerId(twice.id)}-${tick}`,
          `repeat-other-process-${digestSchedulerId(twice.id)}-${tick + 2_000}`,
        ];
        for (const jobId of jobs) await queue.add({ subscription: twice.id }, { jobId });
        const results = await Promise.all(jobs.map((id) => queue.finished(id, 10_000)));
        assert.deepEqual(
          results.map((r) => r?.state),
          ['completed', 'completed'],
        );
        assert.deepEqual(results.map((r) => r?.result?.outcome).sort(), ['already-sent', 'posted']);
        assert.equal(slack.posts.filter((p) => p.target.channel === 'C0TWICE').length, 1);

        slack.failNext = 1;
        const retryId = `repeat-${digestSchedulerId(retried.id)}-${tick}`;
        await queue.add({ subscription: retried.id }, { jobId: retryId });
        const done = await queue.finished(retryId, 10_000);
        assert.equal(done?.state, 'completed');
        assert.equal(done?.result?.outcome, 'posted');
        assert.equal(done?.attemptsMade, 2, 'the first attempt failed and was retried');
        assert.equal(slack.posts.filter((p) => p.target.channel === 'C0RETRY').length, 1);
      } finally {
        await worker.close(2_000);
        await queues.close();
      }
    });
  });
}

describe('digest job helpers', () => {
  test('a tick job id gives the time it fired, so a late retry stays in its period', () => {
    assert.equal(firedAtOf('repeat:digest-slack-C0:1751878800000', new Date(0)).toISOString(), '2025-07-07T09:00:00.000Z');
    assert.equal(firedAtOf('repeat-digest-slack-C0-1751878800000', new Date(0)).toISOString(), '2025-07-07T09:00:00.000Z');
    assert.equal(firedAtOf('manual', new Date(5)).getTime(), 5);
  });

  test('paced posters space posts per platform', async () => {
    const slack = new RecordingPoster('slack');
    const paced = pacedPosters({ slack }, { slack: 60 });
    const started = Date.now();
    await Promise.all(
      ['C1', 'C2', 'C3'].map((channel) =>
        paced.slack!.post(
          { platform: 'slack', channel },
          { intent: 'digest', answered: true, entities: {}, title: 't', text: 't', fields: [], notes: [], sources: [], actions: [] },
        ),
      ),
    );
    assert.ok(Date.now() - started >= 110, 'three posts take at least two spacings');
    assert.equal(slack.posts.length, 3);
  });
});

describe('digest state shared by processes through Redis', () => {
  const redis = testRedis();
  after(async () => {
    await redis.cleanup();
  });

  test('reconcile removes the scheduler of a subscription deleted by another process', async () => {
    const jobSettings = settings('bullmq');
    const [one, two] = [createJobQueues(jobSettings), createJobQueues(jobSettings)];
    const connection = redis.redis.duplicate();
    const inspect = new Queue(DIGEST_QUEUE, { connection, prefix: jobSettings.queuePrefix });
    try {
      const store = new RedisSubscriptionStore(redis.redis, redis.prefix);
      const kept = subscription('C0KEPT');
      const gone = subscription('C0GONE');
      await store.put(kept);
      await store.put(gone);
      const first = new DigestJobScheduler(one.queue<DigestJobData, DigestJobResult>(DIGEST_QUEUE));
      await first.scheduled(kept);
      await first.scheduled(gone);
      // Deleted by another process whose scheduler hook never ran (it crashed, or Redis blinked).
      await store.delete(gone.id);
      const second = new DigestJobScheduler(two.queue<DigestJobData, DigestJobResult>(DIGEST_QUEUE));
      assert.deepEqual(await second.reconcile(store), { scheduled: 1, removed: 1 });
      assert.deepEqual(
        (await inspect.getJobSchedulers()).map((s) => s.key),
        [digestSchedulerId(kept.id)],
      );
    } finally {
      await inspect.close();
      connection.disconnect();
      await Promise.all([one.close(), two.close()]);
    }
  });

  test("two workers' digest posts are paced together, not each on its own", async () => {
    const jobSettings = settings('bullmq');
    const [one, two] = [createJobQueues(jobSettings), createJobQueues(jobSettings)];
    try {
      const times: number[] = [];
      const poster = (): RecordingPoster => {
        const slack = new RecordingPoster('slack');
        const post = slack.post.bind(slack);
        slack.post = (target, reply) => {
          times.push(Date.now());
          return post(target, reply);
        };
        return slack;
      };
      const pacedOne = pacedPosters({ slack: poster() }, { slack: 150 }, one.pacer());
      const pacedTwo = pacedPosters({ slack: poster() }, { slack: 150 }, two.pacer());
      const digest: Reply = {
        intent: 'digest',
        answered: true,
        entities: {},
        title: 't',
        text: 't',
        fields: [],
        notes: [],
        sources: [],
        actions: [],
      };
      await Promise.all(
        ['C1', 'C2', 'C3'].flatMap((channel) => [
          pacedOne.slack!.post({ platform: 'slack', channel }, digest),
          pacedTwo.slack!.post({ platform: 'slack', channel: `${channel}b` }, digest),
        ]),
      );
      times.sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      assert.equal(times.length, 6);
      // Each worker pacing only itself would post in pairs (gaps of ~0 ms) and be done after 2 spacings.
      // Timers wake a little late under load, so the bounds leave room for that, and no more.
      assert.ok(times.at(-1)! - times[0]! >= 5 * 150 * 0.9, `six posts span five spacings: ${gaps.join(', ')} ms`);
      assert.ok(Math.min(...gaps) >= 75, `no two posts together, across both workers: ${gaps.join(', ')} ms`);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
