// The behaviour both queues must have, written once: queue-behaviour.test.ts runs it on BullMQ and in-process.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Reply } from '../../src/core/reply.ts';
import type { CheckFunction } from '../../src/jobs/guest-check/job-data.ts';
import { createJobQueues, type JobQueues } from '../../src/jobs/job-queues.ts';
import type { JobWorker } from '../../src/jobs/job-queue.ts';
import { contentRef } from '../../src/jobs/upload-store.ts';
import type { JobSettings } from '../../src/jobs/settings.ts';
import { TARGET, RecordingPoster, bundle, deleteKeys, fakeCheck, testSettings, waitFor } from './helpers.ts';

export type QueueKind = 'bullmq' | 'in-process';

class Harness {
  readonly poster = new RecordingPoster('slack');
  readonly discord = new RecordingPoster('discord');
  readonly queues: JobQueues;
  checks = 0;
  private worker: JobWorker | undefined;

  constructor(
    readonly kind: QueueKind,
    readonly settings: JobSettings,
  ) {
    this.queues = createJobQueues(settings);
  }

  get service() {
    return this.queues.guestCheckService();
  }

  start(check: CheckFunction = fakeCheck): void {
    this.worker = this.queues.startGuestCheckWorker({
      posters: { slack: this.poster, discord: this.discord },
      check: (content) => {
        this.checks++;
        return check(content);
      },
    });
  }

  async finished(jobId: string) {
    const job = await this.queues.guestChecks.finished(jobId, 15_000);
    assert.ok(job, `job ${jobId} did not finish`);
    return job;
  }

  async close(): Promise<void> {
    await this.worker?.close(2_000);
    await this.queues.close();
    if (this.settings.redisUrl) await deleteKeys(this.settings.redisUrl, this.settings.queuePrefix);
  }
}

async function withHarness(kind: QueueKind, overrides: Partial<JobSettings>, body: (h: Harness) => Promise<void>): Promise<void> {
  const settings = testSettings({ ...(kind === 'in-process' ? { redisUrl: undefined } : {}), ...overrides });
  const h = new Harness(kind, settings);
  try {
    await body(h);
  } finally {
    await h.close();
  }
}

function queuedId(result: Awaited<ReturnType<Harness['service']['submit']>>): string {
  assert.ok(result.status === 'queued' || result.status === 'duplicate', `expected queued, got ${JSON.stringify(result)}`);
  return result.jobId;
}

export function describeQueueBehaviour(kind: QueueKind): void {
  describe(`guest-check jobs on the ${kind} queue`, () => {
    test('a job completes and delivers its report exactly once, updating the progress message', async () => {
      await withHarness(kind, {}, async (h) => {
        h.start();
        const result = await h.service.submit({ fileName: 'vm1.txt', content: bundle('vm1') }, TARGET, 'U1', {
          progressMessage: { id: 'progress-1' },
        });
        assert.equal(result.status, 'queued');
        const job = await h.finished(queuedId(result));
        assert.equal(job.state, 'completed');
        assert.equal(job.result?.delivery, 'posted');
        assert.equal(h.poster.posts.length, 1, 'one report');
        assert.equal(h.poster.posts[0]!.reply.text, 'report for ### lischeck-meta');
        assert.deepEqual(h.poster.posts[0]!.target, TARGET);
        assert.equal(h.discord.calls.length, 0, 'nothing on the other platform');
        const updates = h.poster.updates;
        assert.ok(updates.every((u) => u.messageId === 'progress-1'));
        assert.match(updates.at(-1)!.reply.text, /Checked vm1\.txt: the report is below/);
        assert.equal(job.data.upload, contentRef(bundle('vm1')), 'the job carries the reference, not the upload');
        assert.equal(JSON.stringify(job.data).includes('lischeck-meta'), false);
      });
    });

    test('the same upload to the same place twice is one job: the second submit is a duplicate', async () => {
      await withHarness(kind, {}, async (h) => {
        const upload = { fileName: 'vm2.txt', content: bundle('vm2') };
        const first = await h.service.submit(upload, TARGET);
        const second = await h.service.submit(upload, TARGET);
        assert.equal(first.status, 'queued');
        assert.equal(second.status, 'duplicate');
        assert.equal(queuedId(second), queuedId(first));
        const elsewhere = await h.service.submit(upload, { ...TARGET, thread: '1700000000.000999' });
        assert.equal(elsewhere.status, 'queued', 'the same file in another thread is another check');
        h.start();
        await h.finished(queuedId(first));
        await h.finished(queuedId(elsewhere));
        const third = await h.service.submit(upload, TARGET);
        assert.equal(third.status, 'duplicate', 'a finished check still deduplicates within its window');
        assert.equal(h.poster.posts.length, 2);
        assert.equal(h.checks, 2);
      });
    });

    test('a retry after the post succeeded posts nothing new', async () => {
      await withHarness(kind, {}, async (h) => {
        h.poster.failUpdateAfterPost = true; // the report goes out, then the final progress update fails
        h.start();
        const result = await h.service.submit({ fileName: 'vm3.txt', content: bundle('vm3') }, TARGET, 'U1', {
          progressMessage: { id: 'progress-3' },
        });
        const job = await h.finished(queuedId(result));
        assert.equal(job.state, 'completed');
        assert.equal(job.attemptsMade, 2, 'attempt 1 failed after posting, attempt 2 completed');
        assert.equal(job.result?.delivery, 'already-delivered');
        assert.equal(h.poster.posts.length, 1, 'no second report');
        assert.equal(h.checks, 1, 'the retry saw the delivery marker and did not even re-run the check');
      });
    });

    test('a post that fails is retried with backoff and delivered once', async () => {
      await withHarness(kind, {}, async (h) => {
        h.poster.failPosts = 2;
        h.start();
        const result = await h.service.submit({ fileName: 'vm4.txt', content: bundle('vm4') }, TARGET);
        const job = await h.finished(queuedId(result));
        assert.equal(job.state, 'completed');
        assert.equal(job.attemptsMade, 3);
        assert.equal(h.poster.posts.length, 1);
      });
    });

    test('ChannelGoneError fails the job at once, without retries', async () => {
      await withHarness(kind, {}, async (h) => {
        h.poster.channelGone = true;
        h.start();
        const result = await h.service.submit({ fileName: 'vm5.txt', content: bundle('vm5') }, TARGET);
        const job = await h.finished(queuedId(result));
        assert.equal(job.state, 'failed');
        assert.equal(job.attemptsMade, 1, 'one attempt only');
        assert.equal(h.checks, 1);
        assert.match(job.failedReason ?? '', /channel_not_found/);
        h.poster.channelGone = false;
        const again = await h.service.submit({ fileName: 'vm5.txt', content: bundle('vm5') }, TARGET);
        assert.equal(again.status, 'queued', 'the same upload after a failed job runs again');
        assert.equal((await h.finished(queuedId(again))).state, 'completed');
        assert.equal(h.poster.posts.length, 1);
      });
    });

    test('an upload that expired before its check gets a clear "upload again" reply', async () => {
      await withHarness(kind, {}, async (h) => {
        const content = bundle('vm6');
        const result = await h.service.submit({ fileName: 'vm6.txt', content }, TARGET);
        await h.queues.uploads('producer').discard(contentRef(content));
        h.start();
        const job = await h.finished(queuedId(result));
        assert.equal(job.state, 'completed');
        assert.equal(job.result?.uploadExpired, true);
        assert.equal(h.checks, 0);
        assert.equal(h.poster.posts.length, 1);
        assert.match(h.poster.posts[0]!.reply.text, /expired.*please upload it again/);
      });
    });

    test('an attempt past its timeout fails and is retried; one report', async () => {
      await withHarness(kind, { checkJobTimeoutMs: 300 }, async (h) => {
        let calls = 0;
        h.start(async (content): Promise<Reply> => {
          if (++calls === 1) await new Promise((resolve) => setTimeout(resolve, 800));
          return fakeCheck(content);
        });
        const result = await h.service.submit({ fileName: 'vm7.txt', content: bundle('vm7') }, TARGET);
        const job = await h.finished(queuedId(result));
        assert.equal(job.state, 'completed');
        assert.equal(job.attemptsMade, 2);
        assert.match(job.data.fileName, /vm7/);
        await new Promise((resolve) => setTimeout(resolve, 700)); // the timed-out attempt finishes in the background
        assert.equal(h.poster.posts.length, 1, 'the timed-out attempt never posts');
      });
    });

    test('a check that fails on every attempt ends with a clear failure reply', async () => {
      await withHarness(kind, {}, async (h) => {
        h.start(() => {
          throw new Error('rule crashed');
        });
        const result = await h.service.submit({ fileName: 'vm8.txt', content: bundle('vm8') }, TARGET);
        const job = await h.finished(queuedId(result));
        assert.equal(job.state, 'completed');
        assert.equal(job.attemptsMade, 3, 'attempts 1 and 2 failed; attempt 3 replied');
        assert.equal(h.checks, 3);
        assert.equal(h.poster.posts.length, 1);
        assert.match(h.poster.posts[0]!.reply.text, /could not check vm8\.txt/);
      });
    });

    test('uploads over the size limit or empty are rejected before anything is stored', async () => {
      await withHarness(kind, {}, async (h) => {
        const big = await h.service.submit({ fileName: 'big.txt', content: Buffer.alloc(5 * 1024 * 1024 + 1, 0x61) }, TARGET);
        assert.equal(big.status, 'rejected');
        const empty = await h.service.submit({ fileName: 'empty.txt', content: Buffer.alloc(0) }, TARGET);
        assert.equal(empty.status, 'rejected');
      });
    });

    test("a job id per channel and period makes one job, however often it is added (the digest's rule)", async () => {
      await withHarness(kind, {}, async (h) => {
        const digests = h.queues.queue<{ channel: string; period: string }, string>('digest-test');
        const data = { channel: 'C1', period: '2024-W20' };
        assert.deepEqual(await digests.add(data, { jobId: 'digest-C1-2024-W20' }), { id: 'digest-C1-2024-W20', created: true });
        assert.deepEqual(await digests.add(data, { jobId: 'digest-C1-2024-W20' }), { id: 'digest-C1-2024-W20', created: false });
        assert.equal((await digests.add({ ...data, period: '2024-W21' }, { jobId: 'digest-C1-2024-W21' })).created, true);
        await assert.rejects(digests.add(data, { jobId: 'digest:C1' }), /no ':'/);
        assert.equal((await digests.getJob('digest-C1-2024-W20'))?.state, 'waiting');
        assert.equal(await digests.remove('digest-C1-2024-W20'), true);
        assert.equal(await digests.getJob('digest-C1-2024-W20'), undefined);
      });
    });

    test('a job scheduler adds a job on every tick until it is removed', async () => {
      await withHarness(kind, {}, async (h) => {
        const ticks = h.queues.queue<{ channel: string }, string>('ticks');
        const seen: string[] = [];
        const worker = ticks.work(
          (job) => {
            seen.push(job.data.channel);
            return Promise.resolve(job.data.channel);
          },
          { concurrency: 1 },
        );
        try {
          await ticks.upsertScheduler('every-100ms', { every: 100 }, { channel: 'C1' });
          await ticks.upsertScheduler('every-100ms', { every: 100 }, { channel: 'C1' });
          await waitFor(() => seen.length >= 3, 5_000, 'three ticks');
          assert.equal(await ticks.removeScheduler('every-100ms'), true);
          const count = seen.length;
          await new Promise((resolve) => setTimeout(resolve, 400));
          assert.ok(seen.length <= count + 1, 'no more ticks once removed');
          assert.ok(seen.every((c) => c === 'C1'));
        } finally {
          await worker.close(1_000);
        }
      });
    });
  });
}
