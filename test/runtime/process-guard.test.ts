import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { FORM_TYPE, JSON_TYPE, eventEnvelope, nextTs, postSigned } from '../adapters/slack/signed-requests.ts';
import { freePort, waitFor } from '../helpers/ports.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SECRET = 'guardTestSigningSecret0123456789';

describe('the process guard', () => {
  test('an unhandled rejection is logged and counted, and the process goes on', async () => {
    const script = `
      import { createLogger } from './src/observability/logger.ts';
      import { LisbotMetrics } from './src/observability/metrics.ts';
      import { installProcessGuard } from './src/runtime/process-guard.ts';
      const metrics = new LisbotMetrics({ defaults: false });
      installProcessGuard(createLogger('info'), metrics);
      Promise.reject(Object.assign(new Error('boom'), { command: { name: 'auth', args: ['hunter2-secret'] } }));
      setTimeout(() => { throw new Error('thrown in a timer'); }, 10);
      setTimeout(async () => { process.stdout.write(await metrics.registry.metrics()); }, 100);
    `;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
    });
    assert.match(stdout, /lisbot_process_errors_total\{kind="unhandled_rejection"\} 1/);
    assert.match(stdout, /lisbot_process_errors_total\{kind="uncaught_exception"\} 1/);
    assert.match(stderr, /boom/);
    assert.doesNotMatch(stderr, /hunter2-secret/, 'what an error carries is not logged');
  });
});

describe('lisbot serve survives every hostile but signed payload', () => {
  let child: ChildProcess | undefined;
  after(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  test('null, payload=null, broken shapes: 400, and the process still answers questions', async () => {
    const fake = await FakeSlackApi.start();
    try {
      const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
      let stderr = '';
      child = spawn(process.execPath, [join(ROOT, 'bin', 'lisbot.js'), 'serve'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          SLACK_BOT_TOKEN: fake.botToken,
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: fake.apiUrl,
          PORT: String(port),
          METRICS_PORT: String(metricsPort),
          LOG_LEVEL: 'warn',
          REDIS_URL: '',
        },
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      await waitFor(async () => (await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).ok, 60_000, 'serve to be ready');
      const url = `http://127.0.0.1:${port}/slack/events`;
      const hostile: Array<[string, string]> = [
        ['null', JSON_TYPE],
        ['payload=null', FORM_TYPE],
        ['[]', JSON_TYPE],
        ['payload=%7B%22type%22%3A%22block_actions%22%7D', FORM_TYPE],
        ['{"type":"event_callback","event":null}', JSON_TYPE],
        ['{"type":"view_submission"}', JSON_TYPE],
        [
          'payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3Anull%2C%22actions%22%3A%5B%7B%22action_id%22%3A%22lis%3Achoose%3A0%22%7D%5D%7D',
          FORM_TYPE,
        ],
      ];
      for (const [body, type] of hostile) {
        const result = await postSigned(url, body, type, { secret: SECRET });
        assert.equal(result.status, 400, body);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(child.exitCode, null, `serve is alive (stderr: ${stderr.slice(0, 500)})`);
      const ts = nextTs();
      const { body } = eventEnvelope({
        type: 'app_mention',
        text: '<@U0LISBOT> does rhel 6.2 need lis?',
        user: 'U0ALICE',
        channel: 'C0ALIVE',
        ts,
        event_ts: ts,
      });
      assert.equal((await postSigned(url, body, JSON_TYPE, { secret: SECRET })).status, 200);
      await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0ALIVE', 10_000);
      child.kill('SIGTERM');
      await new Promise((resolve) => child?.once('exit', resolve));
    } finally {
      await fake.close();
    }
  });
});
