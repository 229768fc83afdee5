import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RedisDeliveryLedger } from '../../src/jobs/redis-delivery-ledger.ts';
import { DeliveryPendingError } from '../../src/jobs/errors/index.ts';
import { DigestDelivery, digestDeliveryId } from '../../src/digest/delivery.ts';
import { RedisSubscriptionStore } from '../../src/digest/redis-store.ts';
import type { SentMark, SubscriptionStore } from '../../src/digest/store.ts';
import { baselineAt } from '../../src/digest/baseline.ts';
import { defaultSchedule } from '../../src/digest/schedule.ts';
import { hashUser, Subscription, subscriptionId } from '../../src/digest/subscription.ts';
import { realKb } from '../helpers/real-kb.ts';
import { digestLines, RecordingPoster, testRedis } from './helpers.ts';

const MONDAY = new Date('2025-07-07T09:00:00Z');
const NEXT_MONDAY = new Date('2025-07-14T09:00:00Z');

/** A Slack or Discord channel subscribed to Ubuntu, last told about the KB as of mid-2019. */
function subscription(platform: 'slack' | 'discord', channel: string): Subscription {
  const target = { platform, channel };
  return Subscription.parse({
    id: subscriptionId(target),
    target,
    schedule: defaultSchedule('weekly'),
    filters: { families: ['ubuntu'] },
    quietWhenEmpty: true,
    createdBy: hashUser(platform, 'U0ADMIN'),
    createdAt: '2019-06-20T10:00:00.000Z',
    baseline: baselineAt(realKb(), '2019-06-13'),
  });
}

describe('digest delivery: exactly one digest per channel per period', () => {
  const redis = testRedis();
  after(async () => {
    await redis.cleanup();
  });
  let n = 0;

  function setup(options: { settleMs?: number; store?: SubscriptionStore } = {}) {
    const prefix = `${redis.prefix}${++n}:`;
    const store = options.store ?? new RedisSubscriptionStore(redis.redis, prefix);
    const ledger = new RedisDeliveryLedger(redis.redis, `${prefix}ledger`, 3600);
    const slack = new RecordingPoster('slack');
    const discord = new RecordingPoster('discord');
    const delivery = () =>
      new DigestDelivery({
        kb: realKb,
        store,
        ledger,
        posters: { slack, discord },
        delivery: { leaseMs: 5_000, settleMs: options.settleMs ?? 2_000, pollMs: 20 },
      });
    return { store, ledger, slack, discord, delivery };
  }

  test('a Slack and a Discord channel each get one digest; the ledger records the KB version sent', async () => {
    const { store, ledger, slack, discord, delivery } = setup();
    const subs = [subscription('slack', 'C0SLACK'), subscription('discord', '123456789012345678')];
    for (const sub of subs) await store.put(sub);
    for (const sub of subs) {
      const result = await delivery().deliver(sub.id, MONDAY);
      assert.equal(result.outcome, 'posted');
      assert.equal(result.period, '2025-W28');
      const record = await ledger.lookup({ id: digestDeliveryId(sub.id, '2025-W28'), instance: 'digest' });
      assert.equal(record?.details?.kbVersion, realKb().version);
      assert.equal((await store.get(sub.id))?.lastSentVersion, realKb().version);
    }
    assert.equal(slack.posts.length, 1);
    assert.equal(discord.posts.length, 1);
    assert.ok(digestLines(slack.posts[0]!.reply).some((l) => l.startsWith('Ubuntu 20.04')));
    assert.equal((await delivery().deliver(subs[0]!.id, NEXT_MONDAY)).outcome, 'empty', 'the next week has nothing new');
    assert.equal(slack.posts.length, 1);
  });

  test('two schedulers firing the same period at once: one post', async () => {
    const { store, slack, delivery } = setup();
    const sub = subscription('slack', 'C0TWICE');
    await store.put(sub);
    let release!: () => void;
    slack.gate = new Promise((resolve) => {
      release = resolve;
    });
    const first = delivery().deliver(sub.id, MONDAY);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = delivery().deliver(sub.id, new Date(MONDAY.getTime() + 1_000));
    setTimeout(release, 100);
    const outcomes = (await Promise.all([first, second])).map((r) => r.outcome).sort();
    assert.deepEqual(outcomes, ['already-sent', 'posted']);
    assert.equal(slack.posts.length, 1);
  });

  test('while another attempt is still posting, a retry does not post (and is told to try later)', async () => {
    const { store, slack, delivery } = setup({ settleMs: 100 });
    const sub = subscription('slack', 'C0PENDING');
    await store.put(sub);
    let release!: () => void;
    slack.gate = new Promise((resolve) => {
      release = resolve;
    });
    const first = delivery().deliver(sub.id, MONDAY);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await assert.rejects(delivery().deliver(sub.id, MONDAY), DeliveryPendingError);
    release();
    assert.equal((await first).outcome, 'posted');
    assert.equal((await delivery().deliver(sub.id, MONDAY)).outcome, 'already-sent');
    assert.equal(slack.posts.length, 1);
  });

  test('a post that fails is retried: one post', async () => {
    const { store, slack, delivery } = setup();
    const sub = subscription('slack', 'C0RETRY');
    await store.put(sub);
    slack.failNext = 1;
    await assert.rejects(delivery().deliver(sub.id, MONDAY), /fake platform: 500/);
    assert.equal((await store.get(sub.id))?.lastSentVersion, undefined, 'nothing was marked sent');
    assert.equal((await delivery().deliver(sub.id, MONDAY)).outcome, 'posted');
    assert.equal((await delivery().deliver(sub.id, MONDAY)).outcome, 'already-sent');
    assert.equal(slack.posts.length, 1);
  });

  test('a crash between the post and the subscription update does not repeat the digest next period', async () => {
    const inner = new RedisSubscriptionStore(redis.redis, `${redis.prefix}crash:`);
    let failMark = 1;
    const store: SubscriptionStore = {
      get: (id) => inner.get(id),
      put: (s) => inner.put(s),
      delete: (id) => inner.delete(id),
      list: () => inner.list(),
      disable: (id, reason, at) => inner.disable(id, reason, at),
      markSent: (id: string, mark: SentMark) => (failMark-- > 0 ? Promise.reject(new Error('redis blip')) : inner.markSent(id, mark)),
    };
    const { slack, delivery } = setup({ store });
    const sub = subscription('slack', 'C0CRASH');
    await inner.put(sub);
    await assert.rejects(delivery().deliver(sub.id, MONDAY), /redis blip/);
    assert.equal(slack.posts.length, 1, 'the post went out');
    assert.equal((await delivery().deliver(sub.id, MONDAY)).outcome, 'already-sent', 'the retry finds it delivered');
    assert.equal((await inner.get(sub.id))?.lastSentVersion, realKb().version, 'and catches the subscription up');
    assert.equal((await delivery().deliver(sub.id, NEXT_MONDAY)).outcome, 'empty');
    assert.equal(slack.posts.length, 1);
  });

  test('a gone channel disables its subscription, logs it, and the others still get theirs', async () => {
    const { store, slack, delivery } = setup();
    const gone = subscription('slack', 'C0GONE');
    const fine = subscription('slack', 'C0FINE');
    await store.put(gone);
    await store.put(fine);
    slack.goneChannels.add('C0GONE');
    const warnings: string[] = [];
    const logged = new DigestDelivery({
      kb: realKb,
      store,
      ledger: new RedisDeliveryLedger(redis.redis, `${redis.prefix}gone-ledger`, 3600),
      posters: { slack },
      delivery: { leaseMs: 5_000, settleMs: 500 },
      logger: {
        info: () => undefined,
        error: () => undefined,
        warn: (_f, m) => {
          warnings.push(m);
        },
      },
    });
    assert.equal((await logged.deliver(gone.id, MONDAY)).outcome, 'channel-gone');
    assert.equal((await logged.deliver(fine.id, MONDAY)).outcome, 'posted');
    const disabled = await store.get(gone.id);
    assert.match(disabled?.disabled ?? '', /channel gone or lisbot removed \(channel_not_found\)/);
    assert.equal((await store.get(fine.id))?.disabled, undefined);
    assert.deepEqual(warnings, ['digest subscription disabled: the channel is gone']);
    assert.equal((await delivery().deliver(gone.id, NEXT_MONDAY)).outcome, 'disabled');
    assert.deepEqual(
      slack.posts.map((p) => p.target.channel),
      ['C0FINE'],
    );
  });

  test('a deleted subscription is not delivered', async () => {
    const { delivery } = setup();
    assert.equal((await delivery().deliver('slack:C0NEVER', MONDAY)).outcome, 'missing');
  });
});
