// `lisbot worker` end to end: its own process, the posters built from the Slack settings, the real check on the
// committed KB, a report on a loopback Slack API, and a clean exit on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createJobQueues } from '../../src/jobs/job-queues.ts';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { REDIS_URL, deleteKeys, testSettings, waitFor } from './helpers.ts';

test('lisbot worker posts the real report of a queued upload once, then stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
  const slack = await FakeSlackApi.start();
  const settings = testSettings();
  const queues = createJobQueues(settings);
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'worker-cli.ts')], {
    env: {
      ...process.env,
      REDIS_URL,
      JOB_KEY_PREFIX: settings.queuePrefix,
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef0123456789',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: '',
      DISCORD_APPLICATION_ID: '',
      LISBOT_STATE_DIR: '/nonexistent-lisbot-state',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitFor(() => stderr.includes('taking guest-check jobs'), 20_000, 'the worker to start');
    const content = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bundles', 'rhel63-lis35.txt'));
    const result = await queues
      .guestCheckService()
      .submit({ fileName: 'rhel63.txt', content }, { platform: 'slack', channel: 'C0WORKER', thread: '1700000000.000200' }, 'U1');
    assert.equal(result.status, 'queued');
    const job = await queues.guestChecks.finished(result.status === 'queued' ? result.jobId : '', 20_000);
    assert.equal(job?.state, 'completed', stderr);
    const posts = slack.posts().filter((c) => c.body.channel === 'C0WORKER');
    assert.equal(posts.length, 1, 'one report');
    assert.equal(posts[0]!.body.thread_ts, '1700000000.000200', 'in the thread of the upload');
    assert.match(posts[0]!.raw, /balloon/i, 'the real rules ran');
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(stderr, /workers stopped/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await queues.close();
    await slack.close();
    await deleteKeys(REDIS_URL, settings.queuePrefix);
  }
});
