import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { RedisContextStore } from '../../src/state/redis-context-store.ts';
import { RedisDedupeStore } from '../../src/state/redis-dedupe-store.ts';
import { RedisFeedbackStore } from '../../src/state/redis-feedback-store.ts';
import { redisOptionsFromUrl } from '../../src/state/redis-connection.ts';
import { TEST_REDIS_URL } from '../helpers/ports.ts';
import { testKeyPrefix } from '../helpers/redis.ts';

const redis = new Redis(TEST_REDIS_URL);
const prefix = `${testKeyPrefix('state')}:`;
after(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('Redis-backed state', () => {
  test('dedupe: the first claim wins across clients, and it expires', async () => {
    const a = new RedisDedupeStore(redis, `${prefix}dedupe:`);
    const other = new Redis(TEST_REDIS_URL);
    const b = new RedisDedupeStore(other, `${prefix}dedupe:`);
    assert.equal(await a.claim('ev1', 200), true);
    assert.equal(await b.claim('ev1', 200), false);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await b.claim('ev1', 200), true);
    other.disconnect();
  });
  test('context: shared between replicas and gone after its TTL', async () => {
    const store = new RedisContextStore(redis, 300, `${prefix}ctx:`);
    await store.set('t1', {
      intent: 'feature_support',
      entities: { distro: 'ubuntu', version: '14.04', feature: 'trim' },
      question: 'q',
      at: 1,
    });
    assert.deepEqual((await new RedisContextStore(redis, 300, `${prefix}ctx:`).get('t1'))?.entities, {
      distro: 'ubuntu',
      version: '14.04',
      feature: 'trim',
    });
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(await store.get('t1'), undefined);
  });
  test('feedback: appended in order and capped', async () => {
    const store = new RedisFeedbackStore(redis, `${prefix}feedback`, 3);
    for (let i = 0; i < 5; i++)
      await store.add({ kind: 'up', question: `q${i}`, intent: 'help', sources: [], platform: 'slack', userHash: 'h', at: 'now' });
    assert.deepEqual(
      (await store.all()).map((r) => r.question),
      ['q2', 'q3', 'q4'],
    );
  });
  test('REDIS_URL forms: plain, TLS and Sentinel', () => {
    assert.deepEqual(redisOptionsFromUrl('redis://localhost:6379'), { url: 'redis://localhost:6379' });
    assert.deepEqual(redisOptionsFromUrl('rediss://user:pw@host:6380/0'), { url: 'rediss://user:pw@host:6380/0' });
    assert.deepEqual(redisOptionsFromUrl('redis-sentinel://:pw@s1:26379,s2:26380/mymaster'), {
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26380 },
      ],
      name: 'mymaster',
      password: 'pw',
    });
  });
});

describe('lisbot feedback export', () => {
  test('writes stored feedback as evaluation-shaped JSON lines, user ids hashed', async () => {
    const { runLisbot } = await import('../helpers/cli-io.ts');
    const { hashUser } = await import('../../src/core/feedback-store.ts');
    const key = 'lisbot:feedback';
    const before = await redis.llen(key);
    await new RedisFeedbackStore(redis, key).add({
      kind: 'declined',
      question: `tell me about plan9 ${prefix}`,
      intent: 'unknown',
      sources: [],
      platform: 'slack',
      userHash: hashUser('slack', 'U0SECRETUSER'),
      at: new Date().toISOString(),
    });
    const run = await runLisbot(['feedback', 'export', '--kind', 'declined'], { env: { REDIS_URL: TEST_REDIS_URL } });
    assert.equal(run.code, 0);
    const line = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string; intent: string; answered: boolean; tags: string[] })
      .find((l) => l.question.includes(prefix));
    assert.ok(line, 'the record was exported');
    assert.equal(line.intent, 'unknown');
    assert.equal(line.answered, false);
    assert.doesNotMatch(run.stdout, /U0SECRETUSER/);
    await redis.ltrim(key, 0, before - 1);
  });
});
