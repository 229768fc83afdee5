import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { startHealthServer } from '../../src/observability/health-server.ts';
import { LisbotMetrics } from '../../src/observability/metrics.ts';
import { readinessChecks } from '../../src/runtime/health.ts';
import type { KnowledgeBase } from '../../src/knowledge/index.ts';
import { realKb } from '../helpers/real-kb.ts';
import { TEST_REDIS_URL } from '../helpers/ports.ts';
import { testKeyPrefix } from '../helpers/redis.ts';
import { BullJobQueue } from '../../src/jobs/bull-job-queue.ts';
import { RedisConnections } from '../../src/jobs/redis-connections.ts';

async function probe(
  kb: () => KnowledgeBase | undefined,
  redis: Redis | undefined,
  parts: Array<{ name: string; ready(): boolean }> = [],
  queues: Parameters<typeof readinessChecks>[3] = [],
) {
  const metrics = new LisbotMetrics({ defaults: false });
  const server = await startHealthServer(0, metrics, readinessChecks(kb, redis, parts, queues), () => {
    const current = kb();
    if (current) metrics.recordKb(current.version, current.newestEra);
  });
  try {
    const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);
    const health = await get('/healthz');
    const ready = await get('/readyz');
    const metricsText = await (await get('/metrics')).text();
    return {
      health: health.status,
      ready: ready.status,
      readyBody: (await ready.json()) as { checks: Record<string, boolean> },
      metricsText,
    };
  } finally {
    await server.close();
  }
}

describe('/healthz, /readyz and /metrics', () => {
  test('Redis up and the KB loaded: live and ready, with the KB version in the metrics', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const kb = realKb();
      const result = await probe(() => kb, redis, [{ name: 'slack', ready: () => true }]);
      assert.equal(result.health, 200);
      assert.equal(result.ready, 200);
      assert.deepEqual(result.readyBody.checks, { kb: true, redis: true, slack: true });
      assert.match(result.metricsText, new RegExp(`lisbot_kb_info\\{version="${kb.version}"`));
      assert.match(result.metricsText, /lisbot_kb_age_seconds \d/);
    } finally {
      redis.disconnect();
    }
  });
  test('Redis down: still live, not ready, and the check answers quickly', async () => {
    const redis = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    const started = Date.now();
    const result = await probe(() => realKb(), redis);
    assert.equal(result.health, 200);
    assert.equal(result.ready, 503);
    assert.equal(result.readyBody.checks.redis, false);
    assert.ok(Date.now() - started < 5000);
    redis.disconnect();
  });
  test('KB missing or a platform not connected: not ready', async () => {
    const noKb = await probe(() => undefined, undefined);
    assert.equal(noKb.ready, 503);
    assert.equal(noKb.readyBody.checks.kb, false);
    assert.doesNotMatch(noKb.metricsText, /lisbot_kb_info\{/);
    const disconnected = await probe(() => realKb(), undefined, [{ name: 'discord', ready: () => false }]);
    assert.equal(disconnected.ready, 503);
  });
  test('a job queue that cannot reach Redis makes the replica not ready, although Redis itself answers', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    const good = new RedisConnections(TEST_REDIS_URL, undefined, 300);
    const dead = new RedisConnections('redis://127.0.0.1:1', undefined, 300);
    const defaults = { attempts: 1, backoffMs: 10, timeoutMs: 1_000, keepCompletedSeconds: 60, keepFailedSeconds: 60 };
    const prefix = testKeyPrefix('health');
    const checks = new BullJobQueue<unknown, unknown>('checks', { connections: good, prefix, defaults });
    const stuck = new BullJobQueue<unknown, unknown>('stuck', { connections: dead, prefix, defaults });
    try {
      const healthy = await probe(() => realKb(), redis, [], [checks]);
      assert.equal(healthy.ready, 200);
      assert.equal(healthy.readyBody.checks['queue:checks'], true);
      const broken = await probe(() => realKb(), redis, [], [checks, stuck]);
      assert.equal(broken.ready, 503);
      assert.deepEqual(broken.readyBody.checks, { kb: true, redis: true, 'queue:checks': true, 'queue:stuck': false });
    } finally {
      await Promise.all([checks.close(), stuck.close()]);
      await Promise.all([good.close(), dead.close()]);
      redis.disconnect();
    }
  });
  test('answers are counted by intent and outcome', async () => {
    const metrics = new LisbotMetrics({ defaults: false });
    metrics.recordAnswer('distro_support', true, 0.4);
    metrics.recordAnswer('unknown', false, 0.2);
    const text = await metrics.registry.metrics();
    assert.match(text, /lisbot_questions_total\{intent="distro_support",outcome="answered"\} 1/);
    assert.match(text, /lisbot_questions_total\{intent="unknown",outcome="declined"\} 1/);
    assert.match(text, /lisbot_answer_latency_seconds_count 2/);
  });
});

describe('declined questions', () => {
  test('the bot hook records every declined question once, with the user hashed', async () => {
    const { createInfrastructure, instrumentedBot } = await import('../../src/runtime/infrastructure.ts');
    const { Writable } = await import('node:stream');
    const infra = createInfrastructure({ LOG_LEVEL: 'silent' }, { logDestination: new Writable({ write: (_c, _e, done) => done() }) });
    const bot = instrumentedBot(() => realKb(), infra);
    await bot.ask({ text: 'qwxz plorb vrumm', conversation: 'c1', user: 'U0SECRET', platform: 'discord' });
    await bot.ask({ text: 'does it support kvp?', conversation: 'c2', user: 'U0SECRET', platform: 'console' });
    await bot.ask({ text: 'does rhel 6.2 need lis?', conversation: 'c3', user: 'U0SECRET', platform: 'console' });
    const declined = (await infra.feedback.all()).filter((r) => r.kind === 'declined');
    assert.deepEqual(
      declined.map((r) => r.question),
      ['qwxz plorb vrumm', 'does it support kvp?'],
    );
    assert.doesNotMatch(JSON.stringify(declined), /U0SECRET/);
    await infra.close();
  });
});
