import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createInfrastructure, instrumentedBot, type Infrastructure } from '../../src/runtime/infrastructure.ts';
import { realKb } from '../helpers/real-kb.ts';
import { waitFor } from '../helpers/ports.ts';
import { PrivateRedis } from '../helpers/redis-server.ts';

/** Log lines a process wrote, parsed. */
class LogSink extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
  messages(pattern: RegExp): number {
    return this.lines.filter((l) => pattern.test(String(l.msg))).length;
  }
}

describe('every store a question touches fails open while Redis is away', () => {
  let redis: PrivateRedis;
  let infra: Infrastructure;
  const log = new LogSink();
  before(async () => {
    redis = await PrivateRedis.start();
    infra = createInfrastructure({ REDIS_URL: redis.url, LOG_LEVEL: 'info' }, { logDestination: log });
    await waitFor(() => Promise.resolve(infra.redis?.status === 'ready'), 5000, 'the state connection');
  });
  after(async () => {
    await infra.close();
    await redis.stop();
  });

  test('questions are answered from memory, the follow-up keeps its context, the outage is counted and logged once', async () => {
    const bot = instrumentedBot(() => realKb(), infra);
    const first = await bot.ask({ text: 'does ubuntu 20.04 support trim?', conversation: 'slack:T:C:1', user: 'U1', platform: 'slack' });
    assert.equal(first.reply.answered, true);

    await redis.down('SIGKILL');
    await waitFor(() => Promise.resolve(infra.redis?.status !== 'ready'), 5000, 'the client to notice');
    const during: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const answer = await bot.ask({
        text: `does rhel 7.${i % 9} support kvp?`,
        conversation: `slack:T:C:outage-${i}`,
        user: 'U1',
        platform: 'slack',
      });
      during.push(performance.now() - started);
      assert.equal(answer.reply.answered, true, `question ${i} answered during the outage`);
    }
    assert.ok(Math.max(...during) < 500, `no question waits for a Redis timeout (slowest ${Math.round(Math.max(...during))} ms)`);
    const followUp = await bot.ask({ text: 'and on 2012 R2?', conversation: 'slack:T:C:outage-3', user: 'U1', platform: 'slack' });
    assert.match(followUp.reply.title + followUp.reply.text, /Red Hat|RHEL/i, 'the context written during the outage is used');
    assert.equal(await infra.dedupe.claim('ev-outage', 60_000), true);
    assert.equal(await infra.dedupe.claim('ev-outage', 60_000), false, 'a retry to the same replica is still dropped');
    assert.equal(await infra.threads.has('C', '1.0'), false);
    await infra.threads.remember('C', '1.0');
    assert.equal(await infra.threads.has('C', '1.0'), true);

    const metrics = await infra.metrics.registry.metrics();
    assert.match(metrics, /lisbot_redis_errors_total\{store="context"\} [1-9]/);
    assert.equal(log.messages(/redis unavailable/), 1, 'logged once for the outage, not per question');

    await redis.up();
    await waitFor(() => Promise.resolve(infra.redis?.status === 'ready'), 3000, 'the state connection to come back within 3 s');
    await bot.ask({ text: 'does debian 11 support dynamic memory?', conversation: 'slack:T:C:after', user: 'U1', platform: 'slack' });
    assert.equal(log.messages(/redis is back/), 1);
    assert.ok(await infra.redis?.get('lisbot:context:slack:T:C:after'), 'context is shared through Redis again');
  });
});
