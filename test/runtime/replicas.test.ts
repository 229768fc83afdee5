import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { JSON_TYPE, eventEnvelope, nextTs, postSigned } from '../adapters/slack/signed-requests.ts';
import { TEST_REDIS_URL, freePort, waitFor } from '../helpers/ports.ts';
import { testKeyPrefix } from '../helpers/redis.ts';

const SECRET = 'replicaTestSigningSecret0123456789';
const ROOT = join(import.meta.dirname, '..', '..');

function startReplica(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin', 'lisbot.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

describe('two serve replicas behind one Redis', () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  test('a retry that lands on the other replica gets no second reply; SIGTERM stops both cleanly', async () => {
    const fake = await FakeSlackApi.start();
    try {
      const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
      const base = {
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        REDIS_URL: TEST_REDIS_URL,
        JOB_KEY_PREFIX: testKeyPrefix('replicas'),
      };
      children.push(startReplica({ ...base, PORT: String(ports[0]), METRICS_PORT: String(ports[1]) }));
      children.push(startReplica({ ...base, PORT: String(ports[2]), METRICS_PORT: String(ports[3]) }));
      for (const metricsPort of [ports[1], ports[3]]) {
        await waitFor(
          async () => (await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).ok,
          30_000,
          `replica on ${metricsPort} to be ready`,
        );
      }
      const ts = nextTs();
      const { body } = eventEnvelope({
        type: 'app_mention',
        text: '<@U0LISBOT> does rhel 6.2 need lis?',
        user: 'U0ALICE',
        channel: 'C0GENERAL',
        ts,
        event_ts: ts,
      });
      const first = await postSigned(`http://127.0.0.1:${ports[0]}/slack/events`, body, JSON_TYPE, { secret: SECRET });
      const retry = await postSigned(`http://127.0.0.1:${ports[2]}/slack/events`, body, JSON_TYPE, {
        secret: SECRET,
        retryNum: 1,
        retryReason: 'http_timeout',
      });
      assert.equal(first.status, 200);
      assert.equal(retry.status, 200);
      await waitFor(() => Promise.resolve(fake.calls.some((c) => c.method === 'chat.postMessage')), 10_000, 'the reply');
      await new Promise((r) => setTimeout(r, 1500));
      const replies = fake.calls.filter((c) => c.method === 'chat.postMessage');
      assert.equal(replies.length, 1, 'exactly one reply across both replicas');
      assert.match(JSON.stringify(replies[0]?.body), /LIS 4\.3/);

      const metrics = await (await fetch(`http://127.0.0.1:${ports[1]}/metrics`)).text();
      assert.match(metrics, /lisbot_kb_info\{version="[0-9a-f]{12}"/);
      for (const child of children) child.kill('SIGTERM');
      const codes = await Promise.all(children.map(exited));
      assert.deepEqual(codes, [0, 0]);
    } finally {
      await fake.close();
    }
  });
});
