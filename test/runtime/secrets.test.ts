import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { hashUser, MemoryFeedbackStore } from '../../src/core/feedback-store.ts';
import { SaltedFeedbackStore, userHashSecret } from '../../src/state/salted-feedback-store.ts';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { JSON_TYPE, eventEnvelope, nextTs, postSigned } from '../adapters/slack/signed-requests.ts';
import { freePort, waitFor } from '../helpers/ports.ts';
import { PrivateRedis } from '../helpers/redis-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PASSWORD = 'Wr0ng-Passw0rd-9f3c1e';

function run(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'lisbot.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('no secret in any output path', () => {
  let redis: PrivateRedis | undefined;
  after(async () => {
    await redis?.stop();
  });

  test('worker and serve with a wrong Redis password exit 1, name REDIS_URL, and never print the password', async () => {
    redis = await PrivateRedis.start({ password: 'the-right-password-123' });
    const env = {
      REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${redis.port}`,
      SLACK_BOT_TOKEN: 'xoxb-not-a-real-token-5678',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      PORT: '0',
      LOG_LEVEL: 'debug',
    };
    for (const command of ['worker', 'serve']) {
      const result = await run([command], env);
      assert.equal(result.code, 1, `${command} exits 1:\n${result.out.slice(0, 2000)}`);
      assert.match(result.out, /REDIS_URL/);
      for (const secret of [PASSWORD, env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET])
        assert.ok(!result.out.includes(secret), `${command} printed a secret`);
    }
  });

  test("at debug level, a user's question does not reach the log through the WebClient's request bodies", async () => {
    const fake = await FakeSlackApi.start();
    let child: ChildProcess | undefined;
    try {
      const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
      const secret = 'debugLogSigningSecret0123456789';
      let log = '';
      child = spawn(process.execPath, [join(ROOT, 'bin', 'lisbot.js'), 'serve'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          SLACK_BOT_TOKEN: fake.botToken,
          SLACK_SIGNING_SECRET: secret,
          SLACK_API_URL: fake.apiUrl,
          PORT: String(port),
          METRICS_PORT: String(metricsPort),
          LOG_LEVEL: 'debug',
          REDIS_URL: '',
        },
      });
      child.stdout?.on('data', (c: Buffer) => {
        log += c.toString('utf8');
      });
      child.stderr?.on('data', (c: Buffer) => {
        log += c.toString('utf8');
      });
      await waitFor(async () => (await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).ok, 60_000, 'serve');
      const marker = 'zanzibarquokka';
      const ts = nextTs();
      const { body } = eventEnvelope({
        type: 'app_mention',
        text: `<@U0LISBOT> does rhel 7.9 on ${marker} support trim?`,
        user: 'U0ALICE',
        channel: 'C0DEBUG',
        ts,
        event_ts: ts,
      });
      assert.equal((await postSigned(`http://127.0.0.1:${port}/slack/events`, body, JSON_TYPE, { secret })).status, 200);
      const reply = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0DEBUG', 15_000);
      assert.ok(reply);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.match(log, /apiCall\('chat\.postMessage'\)/, 'the debug log was on');
      assert.ok(!log.includes(marker), 'the question text is not in the log');
      assert.ok(!log.includes(fake.botToken), 'the token is not in the log');
    } finally {
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child?.once('exit', resolve));
      }
      await fake.close();
    }
  });

  test('feedback user hashes are keyed with a secret of the deployment', async () => {
    const plain = hashUser('slack', 'U0MEMBER');
    const stored = async (secret: string) => {
      const inner = new MemoryFeedbackStore();
      await new SaltedFeedbackStore(inner, secret).add({
        kind: 'up',
        question: 'q',
        intent: 'help',
        sources: [],
        platform: 'slack',
        userHash: plain,
        at: 'now',
      });
      return (await inner.all())[0]?.userHash;
    };
    const a = await stored('deployment-secret-one');
    assert.ok(a && a !== plain, 'not the unsalted hash a member list can be checked against');
    assert.equal(await stored('deployment-secret-one'), a, 'stable within a deployment');
    assert.notEqual(await stored('deployment-secret-two'), a);
    assert.equal(userHashSecret({ LISBOT_HASH_SECRET: 'x'.repeat(20) }), 'x'.repeat(20));
    assert.equal(
      userHashSecret({ SLACK_SIGNING_SECRET: 's1' }),
      userHashSecret({ SLACK_SIGNING_SECRET: 's1' }),
      'replicas of one deployment agree',
    );
    assert.notEqual(userHashSecret({ SLACK_SIGNING_SECRET: 's1' }), userHashSecret({ SLACK_SIGNING_SECRET: 's2' }));
  });
});
