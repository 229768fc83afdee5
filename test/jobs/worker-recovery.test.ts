// Workers in child processes against the real Redis: killed mid-job, killed inside the delivery window, stopped
// with SIGTERM. Every case ends with exactly one report, or (when a worker died between the platform accepting
// the report and the delivery being recorded) with one report and the job saying it could not confirm it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createJobQueues, type JobQueues } from '../../src/jobs/job-queues.ts';
import type { JobSettings } from '../../src/jobs/settings.ts';
import { REDIS_URL, TARGET, bundle, deleteKeys, testSettings, waitFor } from './helpers.ts';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';

const CHILD = join(import.meta.dirname, 'fixtures', 'worker-child.ts');

interface ChildEvent {
  readonly pid: number;
  readonly kind: string;
  readonly detail: string;
  readonly at: number;
}
interface ChildPost {
  readonly pid: number;
  readonly id: string;
  readonly channel: string;
  readonly text: string;
}

class Scenario {
  readonly settings: JobSettings;
  readonly queues: JobQueues;
  readonly redis = new Redis(REDIS_URL);
  private readonly children = new Set<ChildProcess>();

  constructor(overrides: Partial<JobSettings> = {}) {
    this.settings = testSettings({ workerConcurrency: 1, ...overrides });
    this.queues = createJobQueues(this.settings);
  }

  spawnWorker(checkMs: number, env: Record<string, string> = {}): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, LISBOT_CHILD_SETTINGS: JSON.stringify(this.settings), LISBOT_CHILD_CHECK_MS: String(checkMs), ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  async events(): Promise<ChildEvent[]> {
    return (await this.redis.lrange(`${this.settings.keyPrefix}:test:events`, 0, -1)).map((e) => JSON.parse(e) as ChildEvent);
  }

  async posts(): Promise<ChildPost[]> {
    return (await this.redis.lrange(`${this.settings.keyPrefix}:test:posts`, 0, -1)).map((e) => JSON.parse(e) as ChildPost);
  }

  async waitForEvent(kind: string, pid: number | undefined, timeoutMs = 15_000): Promise<void> {
    await waitFor(
      async () => (await this.events()).some((e) => e.kind === kind && (pid === undefined || e.pid === pid)),
      timeoutMs,
      `${kind} from ${pid ?? 'any worker'}`,
    );
  }

  async submit(label: string, progress = false): Promise<string> {
    const result = await this.queues
      .guestCheckService()
      .submit(
        { fileName: `${label}.txt`, content: bundle(label) },
        TARGET,
        'U1',
        progress ? { progressMessage: { id: `progress-${label}` } } : {},
      );
    assert.equal(result.status, 'queued');
    return result.status === 'queued' ? result.jobId : '';
  }

  async finished(jobId: string) {
    const job = await this.queues.guestChecks.finished(jobId, 20_000);
    assert.ok(job, 'the job finished');
    return job;
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.children].map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    await this.queues.close();
    this.redis.disconnect();
    await deleteKeys(REDIS_URL, this.settings.queuePrefix);
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('workers in their own processes', { timeout: 150_000 }, () => {
  const scenarios: Scenario[] = [];
  const scenario = (overrides: Partial<JobSettings> = {}) => {
    const s = new Scenario(overrides);
    scenarios.push(s);
    return s;
  };
  after(async () => {
    await Promise.all(scenarios.map((s) => s.close()));
  });

  test('a worker SIGKILLed mid-job: the job is recovered as stalled, re-runs in another worker, one report', async () => {
    const s = scenario();
    const first = s.spawnWorker(4_000);
    const jobId = await s.submit('killed-mid-job');
    await s.waitForEvent('check-started', first.pid);
    first.kill('SIGKILL');
    await exited(first);
    const second = s.spawnWorker(50);
    const job = await s.finished(jobId);
    assert.equal(job.state, 'completed');
    assert.equal(job.result?.delivery, 'posted');
    const posts = await s.posts();
    assert.equal(posts.length, 1, 'exactly one report');
    assert.equal(posts[0]!.pid, second.pid, 'posted by the worker that recovered the job');
    assert.equal(posts[0]!.text, 'report for killed-mid-job');
    const started = (await s.events()).filter((e) => e.kind === 'check-started').map((e) => e.pid);
    assert.deepEqual(started, [first.pid, second.pid], 'the check ran in both workers');
  });

  test('a worker killed after the post was recorded, before the job completed: the re-run posts nothing', async () => {
    const s = scenario();
    const first = s.spawnWorker(0, { LISBOT_CHILD_CRASH: 'after-record' });
    const jobId = await s.submit('killed-after-record', true);
    assert.equal(await exited(first), null, 'the first worker died by SIGKILL');
    const second = s.spawnWorker(0);
    const job = await s.finished(jobId);
    assert.equal(job.state, 'completed');
    assert.equal(job.result?.delivery, 'already-delivered');
    const posts = await s.posts();
    assert.equal(posts.length, 1, 'exactly one report');
    assert.equal(posts[0]!.pid, first.pid);
    const updates = (await s.events()).filter((e) => e.kind === 'update' && e.pid === second.pid);
    assert.match(updates.at(-1)?.detail ?? '', /Checked killed-after-record\.txt: the report is below/);
  });

  test('a worker SIGKILLed mid-post (Slack has the report, the worker never heard back): the next worker finds it, one report', async () => {
    const slack = await FakeSlackApi.start();
    try {
      const s = scenario();
      const isReport = (method: string, body: Record<string, unknown>) =>
        method === 'chat.postMessage' && JSON.stringify(body).includes('report for killed-mid-post');
      slack.holdResponse = (method, body) => (isReport(method, body) ? 5_000 : 0);
      const env = { LISBOT_CHILD_SLACK_URL: slack.apiUrl };
      const first = s.spawnWorker(0, env);
      const jobId = await s.submit('killed-mid-post', true);
      await slack.waitFor((call) => isReport(call.method, call.body), 15_000);
      first.kill('SIGKILL');
      assert.equal(await exited(first), null);
      slack.holdResponse = undefined;
      s.spawnWorker(0, env);
      const job = await s.finished(jobId);
      assert.equal(job.state, 'completed');
      assert.equal(job.result?.delivery, 'found', 'the report was found on Slack, not posted again');
      assert.equal(slack.posts().filter((c) => isReport(c.method, c.body)).length, 1, 'exactly one report');
      assert.ok(
        slack.callsTo('conversations.replies').some((c) => c.body.ts === TARGET.thread && String(c.body.include_all_metadata) === 'true'),
        'asked Slack for the thread with metadata',
      );
      const notices = slack.callsTo('chat.update').map((c) => String(c.body.text));
      assert.match(notices.at(-1) ?? '', /Checked killed-mid-post\.txt: the report is below/);
      assert.ok(!notices.some((n) => /could not confirm|upload the file again/.test(n)), 'no "upload again" notice');
    } finally {
      await slack.close();
    }
  });

  test('a worker SIGKILLed after claiming the delivery, before its post left: the next worker posts, one report', async () => {
    const slack = await FakeSlackApi.start();
    try {
      const s = scenario();
      const first = s.spawnWorker(0, { LISBOT_CHILD_SLACK_URL: slack.apiUrl, LISBOT_CHILD_CRASH: 'before-post' });
      const jobId = await s.submit('killed-before-post', true);
      assert.equal(await exited(first), null, 'the first worker died by SIGKILL');
      s.spawnWorker(0, { LISBOT_CHILD_SLACK_URL: slack.apiUrl });
      const job = await s.finished(jobId);
      assert.equal(job.state, 'completed');
      assert.equal(job.result?.delivery, 'posted');
      const reports = slack.posts().filter((c) => JSON.stringify(c.body).includes('report for killed-before-post'));
      assert.equal(reports.length, 1, 'exactly one report');
      assert.match(String(slack.callsTo('chat.update').at(-1)?.body.text), /the report is below/);
    } finally {
      await slack.close();
    }
  });

  test('a poster that cannot ask the platform: a worker killed between post and record leaves no second report, and it says so', async () => {
    const s = scenario();
    const first = s.spawnWorker(0, { LISBOT_CHILD_CRASH: 'after-post' });
    const jobId = await s.submit('killed-after-post', true);
    assert.equal(await exited(first), null, 'the first worker died by SIGKILL');
    const second = s.spawnWorker(0);
    const job = await s.finished(jobId);
    assert.equal(job.state, 'completed');
    assert.equal(job.result?.delivery, 'in-doubt', "the outcome of the dead worker's post is unknowable");
    assert.equal((await s.posts()).length, 1, 'the report the dead worker posted is the only one');
    const updates = (await s.events()).filter((e) => e.kind === 'update' && e.pid === second.pid);
    assert.match(updates.at(-1)?.detail ?? '', /could not confirm that the report was posted/);
  });

  test('SIGTERM during a job: the job finishes before the worker exits', async () => {
    const s = scenario({ shutdownTimeoutMs: 10_000 });
    const worker = s.spawnWorker(1_500);
    const jobId = await s.submit('sigterm-finishes');
    await s.waitForEvent('check-started', worker.pid);
    worker.kill('SIGTERM');
    assert.equal(await exited(worker), 0, 'a clean exit');
    const job = await s.finished(jobId);
    assert.equal(job.state, 'completed');
    const posts = await s.posts();
    assert.equal(posts.length, 1);
    assert.equal(posts[0]!.pid, worker.pid);
    const stopped = (await s.events()).find((e) => e.kind === 'stopped');
    assert.equal(stopped?.detail, 'drained');
  });

  test('SIGTERM during a job longer than the shutdown bound: the job is handed back, and another worker finishes it', async () => {
    const s = scenario({ shutdownTimeoutMs: 300, lockDurationMs: 10_000, stalledIntervalMs: 5_000 });
    const first = s.spawnWorker(3_000);
    const jobId = await s.submit('sigterm-hands-back');
    await s.waitForEvent('check-started', first.pid);
    const signalled = Date.now();
    first.kill('SIGTERM');
    assert.equal(await exited(first), 0, 'a clean exit within the bound');
    assert.ok(Date.now() - signalled < 3_000, 'the bound held');
    assert.equal((await s.events()).find((e) => e.kind === 'stopped' && e.pid === first.pid)?.detail, 'forced');
    const state = (await s.queues.guestChecks.getJob(jobId))?.state;
    assert.ok(state === 'waiting' || state === 'active', `handed back to the queue, not left locked (state ${state})`);
    const second = s.spawnWorker(50);
    const job = await s.finished(jobId);
    assert.equal(job.state, 'completed');
    // The lock (10 s) never had to expire: the hand-back put the job straight back in the waiting list.
    assert.ok(Date.now() - signalled < 9_000, 'picked up without waiting for the lock to expire');
    const posts = await s.posts();
    assert.equal(posts.length, 1, 'one report');
    assert.equal(posts[0]!.pid, second.pid);
  });
});
