import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createJobQueues } from '../../src/jobs/job-queues.ts';
import { jobSettingsFromEnv } from '../../src/jobs/settings.ts';
import { createInfrastructure } from '../../src/runtime/infrastructure.ts';
import { cachedProbe } from '../../src/runtime/serve.ts';
import { startHealth } from '../../src/runtime/health.ts';
import { freePort } from '../helpers/ports.ts';
import { realKb } from '../helpers/real-kb.ts';

const quiet = new Writable({ write: (_c, _e, done) => done() });

describe('the metrics the README lists are recorded', () => {
  test("lisbot_jobs_total counts ended jobs, lisbot_queue_depth the waiting ones, lisbot_kb_age_seconds the data's age", async () => {
    const port = await freePort();
    const infra = createInfrastructure({ LOG_LEVEL: 'silent', METRICS_PORT: String(port) }, { logDestination: quiet });
    const queues = createJobQueues(jobSettingsFromEnv({}));
    const queue = queues.queue<{ n: number }, number>('metrics-test', { attempts: 1 });
    const kb = realKb();
    const health = await startHealth(infra, () => kb, [], {}, [queue]);
    try {
      for (let n = 0; n < 3; n++) await queue.add({ n }, { jobId: `job-${n}` });
      const scrape = async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      assert.match(await scrape(), /lisbot_queue_depth\{queue="metrics-test"\} 3/);
      const worker = queue.work(
        async ({ data }) => {
          if (data.n === 2) throw new Error('bad');
          return Promise.resolve(data.n);
        },
        { concurrency: 1 },
      );
      await queue.finished('job-2', 5000);
      await queue.finished('job-1', 5000);
      await worker.close(1000);
      const text = await scrape();
      assert.match(text, /lisbot_jobs_total\{queue="metrics-test",state="completed"\} 2/);
      assert.match(text, /lisbot_jobs_total\{queue="metrics-test",state="failed"\} 1/);
      assert.match(text, /lisbot_queue_depth\{queue="metrics-test"\} 0/);
      const age = Number(/^lisbot_kb_age_seconds (\S+)$/m.exec(text)?.[1]);
      const expected = (Date.now() - Date.parse(kb.newestEra)) / 1000;
      assert.ok(Math.abs(age - expected) < 120, `KB age ${age} s is the data's age (${expected} s), not the process's`);
      assert.ok(age > 86_400, 'the data is days old, the process is seconds old');
    } finally {
      await health?.close();
      await queues.close();
      await infra.close();
    }
  });

  test('a failed question is counted', async () => {
    const { instrumentedBot } = await import('../../src/runtime/infrastructure.ts');
    const infra = createInfrastructure({ LOG_LEVEL: 'silent' }, { logDestination: quiet });
    const bot = instrumentedBot(() => {
      throw new Error('KB unavailable');
    }, infra);
    await assert.rejects(bot.ask({ text: 'does rhel 7 support trim?', conversation: 'c', platform: 'slack' }));
    assert.match(await infra.metrics.registry.metrics(), /lisbot_questions_total\{intent="none",outcome="failed"\} 1/);
    await infra.close();
  });

  test('/readyz asks the platform, at most every 15 s', async () => {
    let calls = 0;
    let reachable = false;
    const probe = cachedProbe(() => {
      calls++;
      return Promise.resolve(reachable);
    }, 200);
    assert.equal(await probe(), false);
    reachable = true;
    assert.equal(await probe(), false, 'cached');
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal(await probe(), true);
    assert.equal(calls, 2);
    const failing = cachedProbe(() => Promise.reject(new Error('ECONNREFUSED')));
    assert.equal(await failing(), false);
  });
});

describe('platform errors and digest posts', () => {
  test('a real Slack poster against the fake: a 429 and an error are counted by kind, a digest post by platform', async () => {
    const { FakeSlackApi } = await import('../adapters/slack/fake-slack-api.ts');
    const { SlackReplyPoster } = await import('../../src/adapters/slack/poster.ts');
    const { countedPosters } = await import('../../src/runtime/counted-posters.ts');
    const { LisbotMetrics } = await import('../../src/observability/metrics.ts');
    const { reply } = await import('../../src/core/reply.ts');
    const fake = await FakeSlackApi.start();
    try {
      const metrics = new LisbotMetrics({ defaults: false });
      const posters = countedPosters({ slack: SlackReplyPoster.fromSettings({ botToken: fake.botToken, apiUrl: fake.apiUrl }) }, metrics);
      const target = { platform: 'slack' as const, channel: 'C0METRICS' };
      await posters.slack!.post(target, reply({ intent: 'digest', title: 'Digest', text: 'New releases' }));
      fake.failNext('chat.postMessage', { error: 'channel_not_found' });
      await assert.rejects(posters.slack!.post(target, reply({ intent: 'guest_check', title: 'Report', text: 'x' })));
      const text = await metrics.registry.metrics();
      assert.match(text, /lisbot_digest_posts_total\{platform="slack"\} 1/);
      assert.match(text, /lisbot_platform_api_errors_total\{platform="slack",kind="[^"]+"\} 1/);
    } finally {
      await fake.close();
    }
  });
});
