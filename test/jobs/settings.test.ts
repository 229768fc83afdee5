import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { workerCommand } from '../../src/cli/commands/worker.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { createJobQueues } from '../../src/jobs/job-queues.ts';
import { jobSettingsFromEnv } from '../../src/jobs/settings.ts';
import { REDIS_URL_REQUIRED } from '../../src/jobs/worker-process.ts';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    jobSettingsFromEnv(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('queue settings', () => {
  test('defaults without any variable: in-process, 4 jobs at once, 30 s per check, uploads kept an hour', () => {
    const settings = jobSettingsFromEnv({});
    assert.equal(settings.redisUrl, undefined);
    assert.equal(settings.workerConcurrency, 4);
    assert.equal(settings.checkJobTimeoutMs, 30_000);
    assert.equal(settings.uploadTtlSeconds, 3_600);
    assert.equal(settings.checkJobAttempts, 3);
    assert.equal(settings.shutdownTimeoutMs, 10_000);
    assert.equal(jobSettingsFromEnv({ REDIS_URL: '  ', WORKER_CONCURRENCY: '' }).redisUrl, undefined, 'blank is unset');
  });

  test('the Redis URL forms: redis://, rediss:// and Sentinel', () => {
    for (const url of [
      'redis://127.0.0.1:6379',
      'redis://:secret@redis.internal:6379/2',
      'rediss://user:pa%40ss@cache.example.com:6380',
      'redis-sentinel://s1:26379,s2:26379,s3:26379/mymaster',
      'redis-sentinel://:secret@s1:26379/mymaster',
      'redis-sentinel://s1/mymaster',
    ]) {
      assert.equal(jobSettingsFromEnv({ REDIS_URL: url }).redisUrl, url, url);
    }
  });

  test('a bad variable is named, its value never shown', () => {
    for (const url of ['http://:hunter2@host:6379', 'redis-sentinel://:hunter2@s1:26379', 'redis://:hunter2@host:6379/notadb', 'hunter2']) {
      const error = configError({ REDIS_URL: url });
      assert.match(error.message, /REDIS_URL/);
      assert.doesNotMatch(error.message, /hunter2/);
    }
    assert.match(configError({ WORKER_CONCURRENCY: '0' }).message, /WORKER_CONCURRENCY: must be at least 1/);
    assert.match(configError({ WORKER_CONCURRENCY: 'lots' }).message, /WORKER_CONCURRENCY/);
    assert.match(configError({ CHECK_JOB_TIMEOUT_MS: '2.5' }).message, /CHECK_JOB_TIMEOUT_MS: must be a whole number/);
    assert.match(configError({ UPLOAD_TTL_SECONDS: '-1' }).message, /UPLOAD_TTL_SECONDS/);
    const both = configError({ WORKER_CONCURRENCY: '0', JOB_LOCK_DURATION_MS: 'x' }).message;
    assert.match(both, /WORKER_CONCURRENCY/);
    assert.match(both, /JOB_LOCK_DURATION_MS/);
  });

  test('createJobQueues chooses by REDIS_URL: BullMQ with it, in-process without', async () => {
    const memory = createJobQueues(jobSettingsFromEnv({}));
    const redis = createJobQueues(jobSettingsFromEnv({ REDIS_URL: 'redis://127.0.0.1:1' }));
    assert.equal(memory.kind, 'in-process');
    assert.equal(redis.kind, 'redis');
    await memory.close();
    await redis.close();
  });
});

async function runWorker(env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c));
  const stdin = Readable.from(['']) as NodeJS.ReadableStream & { isTTY?: boolean };
  const code = await workerCommand.run({ values: {}, positionals: [] }, { stdout, stderr, stdin, env: { LOG_LEVEL: 'silent', ...env } });
  return { code, stderr: Buffer.concat(chunks).toString() };
}

describe('lisbot worker', () => {
  test('without REDIS_URL it explains that it needs one, and exits 1', async () => {
    const run = await runWorker({});
    assert.equal(run.code, 1);
    assert.equal(run.stderr.trim(), REDIS_URL_REQUIRED);
  });

  test('without Slack or Discord settings it says what to set, and exits 1', async () => {
    const run = await runWorker({ REDIS_URL: 'redis://127.0.0.1:1' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /SLACK_BOT_TOKEN, or DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });

  test('a bad platform setting is a clear error naming it', async () => {
    const run = await runWorker({
      REDIS_URL: 'redis://127.0.0.1:1',
      SLACK_BOT_TOKEN: 'not-a-token',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /SLACK_BOT_TOKEN/);
    assert.doesNotMatch(run.stderr, /not-a-token/);
  });
});
