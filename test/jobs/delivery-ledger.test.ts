// The exactly-once core: the delivery ledger (Redis and memory) and deliverOnce, including a property test over
// random sequences of attempts that crash at every point of the delivery.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import type { PostedMessage } from '../../src/core/delivery.ts';
import { deliverOnce, type DeliveryKey, type DeliveryLedger } from '../../src/jobs/delivery-ledger.ts';
import { DeliveryPendingError } from '../../src/jobs/errors/index.ts';
import { MemoryDeliveryLedger } from '../../src/jobs/memory-delivery-ledger.ts';
import { RedisDeliveryLedger } from '../../src/jobs/redis-delivery-ledger.ts';
import { REDIS_URL, deleteKeys, uniquePrefix } from './helpers.ts';
import { propertyRuns } from '../helpers/property.ts';

const redis = new Redis(REDIS_URL);
const prefix = uniquePrefix();
after(async () => {
  redis.disconnect();
  await deleteKeys(REDIS_URL, prefix);
});

const ledgers: ReadonlyArray<[string, () => DeliveryLedger]> = [
  ['redis', () => new RedisDeliveryLedger(redis, prefix, 600)],
  ['memory', () => new MemoryDeliveryLedger(600)],
];

const key = (): DeliveryKey => ({ id: `gc-${randomUUID()}`, instance: randomUUID() });

/** Where each attempt of one delivery ends: up to six attempts. */
const attemptPoints = () =>
  fc.array(fc.constantFrom<Point>('ok', 'post-fails', 'crash-before-claim', 'crash-in-post', 'crash-after-accept'), {
    minLength: 1,
    maxLength: 6,
  });

for (const [name, make] of ledgers) {
  describe(`the ${name} delivery ledger`, () => {
    test('claim, in-doubt for anyone else, release, claim again, record, delivered', async () => {
      const ledger = make();
      const k = key();
      assert.deepEqual(await ledger.claim(k, 'a'), { state: 'claimed' });
      assert.deepEqual(await ledger.claim(k, 'a'), { state: 'claimed' }, 'the same attempt may ask again');
      const other = await ledger.claim(k, 'b');
      assert.equal(other.state, 'in-doubt');
      await ledger.release(k, 'b');
      assert.equal((await ledger.claim(k, 'b')).state, 'in-doubt', 'only the claimant releases');
      await ledger.release(k, 'a');
      assert.deepEqual(await ledger.claim(k, 'b'), { state: 'claimed' });
      await ledger.record(k, 'b', { id: 'msg-1' }, { kbVersion: '2024-05-01' });
      const done = await ledger.claim(k, 'c');
      assert.equal(done.state, 'delivered');
      assert.equal(done.state === 'delivered' && done.record.messageId, 'msg-1');
      assert.deepEqual((await ledger.lookup(k))?.details, { kbVersion: '2024-05-01' });
    });

    test('markers of an earlier job with the same id do not block a new one', async () => {
      const ledger = make();
      const old = key();
      await ledger.claim(old, 'a');
      await ledger.record(old, 'a', { id: 'old-message' });
      const fresh = { id: old.id, instance: randomUUID() };
      assert.equal(await ledger.lookup(fresh), undefined);
      assert.deepEqual(await ledger.claim(fresh, 'b'), { state: 'claimed' });
      const stale = { id: randomUUID(), instance: 'x' };
      await ledger.claim(stale, 'dead-attempt');
      assert.deepEqual(await ledger.claim({ id: stale.id, instance: 'y' }, 'c'), { state: 'claimed' });
    });

    test('two attempts delivering at once: one post; the other waits and finds it delivered', async () => {
      const ledger = make();
      const k = key();
      let posts = 0;
      const post = async (): Promise<PostedMessage> => {
        posts++;
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { id: `m${posts}` };
      };
      const options = { leaseMs: 10_000, settleMs: 2_000, pollMs: 20, finalAttempt: false };
      const outcomes = await Promise.all([deliverOnce(ledger, k, post, options), deliverOnce(ledger, k, post, options)]);
      assert.equal(posts, 1);
      assert.deepEqual(outcomes.map((o) => o.status).sort(), ['already-delivered', 'posted']);
    });

    test('a claim that does not settle: a retry fails to try later, the last attempt reports in-doubt', async () => {
      const ledger = make();
      const k = key();
      await ledger.claim(k, 'crashed-attempt');
      const post = () => Promise.reject(new Error('must not post'));
      await assert.rejects(
        deliverOnce(ledger, k, post, { leaseMs: 60_000, settleMs: 50, pollMs: 10, finalAttempt: false }),
        DeliveryPendingError,
      );
      const last = await deliverOnce(ledger, k, post, { leaseMs: 60_000, settleMs: 50, pollMs: 10, finalAttempt: true });
      assert.equal(last.status, 'in-doubt');
    });

    test('a claim beats while its attempt posts; once it stops, another attempt may take it over, once', async () => {
      const ledger = make();
      const k = key();
      await ledger.claim(k, 'dead', 150);
      const young = await ledger.claim(k, 'b', 150);
      assert.equal(young.state === 'in-doubt' && young.alive, true, 'a fresh claim is alive');
      assert.equal(await ledger.takeOver(k, 'dead', 'b', 150), false, 'an alive claim is not taken over');
      await ledger.beat(k, 'dead', 400);
      await new Promise((resolve) => setTimeout(resolve, 250));
      assert.equal(((await ledger.claim(k, 'b', 150)) as { alive: boolean }).alive, true, 'the beat kept it alive');
      await new Promise((resolve) => setTimeout(resolve, 250));
      const stale = await ledger.claim(k, 'b', 150);
      assert.equal(stale.state, 'in-doubt');
      assert.equal(stale.state === 'in-doubt' && stale.alive, false, 'no beat: the claimant is gone');
      assert.equal(stale.state === 'in-doubt' && stale.holder, 'dead');
      assert.equal(await ledger.takeOver(k, 'dead', 'b', 150), true);
      assert.equal(await ledger.takeOver(k, 'dead', 'c', 150), false, 'the claim changed hands already');
      assert.deepEqual(await ledger.claim(k, 'b', 150), { state: 'claimed' });
    });

    test('a dead attempt posted but never recorded: the next attempt finds its message and posts nothing', async () => {
      const ledger = make();
      const k = key();
      await ledger.claim(k, 'dead', 20);
      await new Promise((resolve) => setTimeout(resolve, 40));
      const looked: number[] = [];
      const outcome = await deliverOnce(ledger, k, () => Promise.reject(new Error('must not post')), {
        leaseMs: 60_000,
        settleMs: 50,
        pollMs: 10,
        finalAttempt: false,
        find: (since) => {
          looked.push(since);
          return Promise.resolve({ id: 'posted-by-the-dead' });
        },
      });
      assert.deepEqual(outcome, { status: 'found', messageId: 'posted-by-the-dead' });
      assert.ok(looked[0]! <= Date.now() - 40, 'looked from before the claim');
      assert.equal((await ledger.lookup(k))?.messageId, 'posted-by-the-dead', 'and recorded it');
    });

    test('a dead attempt died before its post reached the platform: the next attempt posts', async () => {
      const ledger = make();
      const k = key();
      await ledger.claim(k, 'dead', 20);
      await new Promise((resolve) => setTimeout(resolve, 40));
      const outcome = await deliverOnce(ledger, k, () => Promise.resolve({ id: 'new' }), {
        leaseMs: 60_000,
        settleMs: 50,
        finalAttempt: true,
        find: () => Promise.resolve(undefined),
      });
      assert.deepEqual(outcome, { status: 'posted', messageId: 'new' });
    });

    test('the last attempt waits out a claim that still beats instead of giving up', async () => {
      const ledger = make();
      const k = key();
      let posts = 0;
      const slow = deliverOnce(
        ledger,
        k,
        async () => {
          posts++;
          await new Promise((resolve) => setTimeout(resolve, 300));
          return { id: 'slow' };
        },
        { leaseMs: 60_000, settleMs: 10, finalAttempt: false, beatTtlMs: 90 },
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      const last = await deliverOnce(ledger, k, () => Promise.reject(new Error('must not post')), {
        leaseMs: 60_000,
        settleMs: 10,
        pollMs: 10,
        finalAttempt: true,
        beatTtlMs: 90,
        find: () => Promise.resolve(undefined),
      });
      assert.deepEqual(await slow, { status: 'posted', messageId: 'slow' });
      assert.deepEqual(last, { status: 'already-delivered', messageId: 'slow' });
      assert.equal(posts, 1);
    });
  });
}

type Point = 'ok' | 'post-fails' | 'crash-before-claim' | 'crash-in-post' | 'crash-after-accept';

class Crash extends Error {}

/** The ledger as a crashed process sees it: once dead, no more writes reach Redis. */
function mortal(ledger: DeliveryLedger, dead: { value: boolean }): DeliveryLedger {
  const guard = <T>(call: () => Promise<T>) => (dead.value ? Promise.reject(new Crash('process is dead')) : call());
  return {
    claim: (k, t, b) => guard(() => ledger.claim(k, t, b)),
    beat: (k, t, b) => guard(() => ledger.beat(k, t, b)),
    takeOver: (k, h, t, b) => guard(() => ledger.takeOver(k, h, t, b)),
    record: (k, t, m, d) => guard(() => ledger.record(k, t, m, d)),
    release: (k, t) => guard(() => ledger.release(k, t)),
    lookup: (k) => guard(() => ledger.lookup(k)),
  };
}

for (const [name, make] of ledgers) {
  test(`${name} ledger with a platform to ask: whatever point attempts crash at, one post once any attempt gets through`, async () => {
    await fc.assert(
      fc.asyncProperty(attemptPoints(), async (points) => {
        const ledger = make();
        const k = key();
        const platform: string[] = [];
        for (const [index, point] of points.entries()) {
          const dead = { value: false };
          if (point === 'crash-before-claim') continue;
          // A dead attempt's heartbeat has lapsed by the time the next one runs (a 1 ms beat, a 5 ms pause).
          await new Promise((resolve) => setTimeout(resolve, 5));
          try {
            await deliverOnce(
              mortal(ledger, dead),
              k,
              () => {
                if (point === 'post-fails') return Promise.reject(new Error('platform 500'));
                if (point === 'crash-in-post') {
                  dead.value = true;
                  return Promise.reject(new Crash('killed mid-post'));
                }
                platform.push(`m-${index}`);
                if (point === 'crash-after-accept') {
                  dead.value = true;
                  return Promise.reject(new Crash('killed after the platform accepted'));
                }
                return Promise.resolve({ id: `m-${index}` });
              },
              {
                leaseMs: 60_000,
                settleMs: 0,
                beatTtlMs: 1,
                finalAttempt: index === points.length - 1,
                find: () => Promise.resolve(platform[0] ? { id: platform[0] } : undefined),
              },
            );
          } catch (error) {
            if (!(error instanceof Crash) && !(error instanceof Error && error.message === 'platform 500')) throw error;
          }
        }
        assert.ok(platform.length <= 1, `posted ${platform.length} times for ${points.join(', ')}`);
        const reached = points.includes('ok') || points.includes('crash-after-accept');
        if (reached) assert.equal(platform.length, 1, `no report for ${points.join(', ')}`);
      }),
      { numRuns: propertyRuns(name === 'redis' ? 150 : 500) },
    );
  });

  test(`${name} ledger: whatever point attempts crash at, never two posts; with no crash inside the window, exactly one`, async () => {
    await fc.assert(
      fc.asyncProperty(attemptPoints(), async (points) => {
        const ledger = make();
        const k = key();
        const platform: string[] = [];
        for (const [index, point] of points.entries()) {
          const dead = { value: false };
          if (point === 'crash-before-claim') continue;
          try {
            await deliverOnce(
              mortal(ledger, dead),
              k,
              () => {
                if (point === 'post-fails') return Promise.reject(new Error('platform 500'));
                if (point === 'crash-in-post') {
                  dead.value = true;
                  return Promise.reject(new Crash('killed mid-post'));
                }
                platform.push(`attempt ${index}`);
                if (point === 'crash-after-accept') {
                  dead.value = true;
                  return Promise.reject(new Crash('killed after the platform accepted'));
                }
                return Promise.resolve({ id: `m-${index}` });
              },
              { leaseMs: 0, settleMs: 0, finalAttempt: index === points.length - 1 },
            );
          } catch (error) {
            if (!(error instanceof Crash) && !(error instanceof Error && error.message === 'platform 500')) throw error;
          }
        }
        assert.ok(platform.length <= 1, `posted ${platform.length} times for ${points.join(', ')}`);
        const window = points.some((p) => p === 'crash-in-post' || p === 'crash-after-accept');
        if (!window && points.includes('ok')) assert.equal(platform.length, 1, `no report for ${points.join(', ')}`);
      }),
      { numRuns: propertyRuns(name === 'redis' ? 150 : 500) },
    );
  });
}
