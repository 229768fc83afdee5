import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemorySubscriptionStore, type SubscriptionStore } from '../../src/digest/store.ts';
import { RedisSubscriptionStore } from '../../src/digest/redis-store.ts';
import { MemoryDigestArchive, RedisDigestArchive, type DigestArchive } from '../../src/digest/archive.ts';
import { defaultSchedule } from '../../src/digest/schedule.ts';
import { hashUser, Subscription, subscriptionId, type KbBaseline } from '../../src/digest/subscription.ts';
import { testRedis } from './helpers.ts';

const BASELINE: KbBaseline = {
  version: '0123456789ab',
  era: '2025-06-19',
  snapshots: { ubuntu: 'ubuntu@2023-09-27', rhel: 'rhel@2025-06-19_051b1c98' },
  lisReleases: ['lis-4.3.5'],
};

function subscription(channel: string, overrides: Partial<Subscription> = {}): Subscription {
  const target = { platform: 'slack' as const, channel, team: 'T0TEAM' };
  return Subscription.parse({
    id: subscriptionId(target),
    target,
    schedule: { kind: 'cron', pattern: '30 7 * * 1-5', tz: 'Europe/Berlin' },
    filters: { families: ['ubuntu', 'rhel'], hosts: ['2019', '2012 R2'], features: ['trim'] },
    quietWhenEmpty: false,
    createdBy: hashUser('slack', 'U0ADMIN'),
    createdAt: '2025-07-01T10:00:00.000Z',
    baseline: BASELINE,
    ...overrides,
  });
}

function describeStore(name: string, make: () => { store: SubscriptionStore; archive: DigestArchive; cleanup?: () => Promise<void> }) {
  describe(`${name} subscription store`, () => {
    const { store, archive, cleanup } = make();
    after(async () => {
      await cleanup?.();
    });

    test('a subscription round-trips field for field', async () => {
      const full = subscription('C0FULL', { lastSentVersion: 'aaaaaaaaaaaa', lastSentAt: '2025-07-07T07:30:00.000Z' });
      await store.put(full);
      assert.deepEqual(await store.get(full.id), full);
      const minimal = Subscription.parse({
        ...subscription('C0MIN'),
        filters: {},
        schedule: defaultSchedule(),
        quietWhenEmpty: true,
        target: { platform: 'discord', channel: '123456789012345678' },
        id: 'discord:123456789012345678',
      });
      await store.put(minimal);
      assert.deepEqual(await store.get(minimal.id), minimal);
      assert.equal(await store.get('slack:T0TEAM:C0NONE'), undefined);
    });

    test('put replaces, list lists, delete deletes', async () => {
      await store.put(subscription('C0LIST1'));
      await store.put(subscription('C0LIST2'));
      await store.put(subscription('C0LIST1', { quietWhenEmpty: true, filters: {} }));
      const listed = (await store.list()).filter((s) => s.id.includes('C0LIST'));
      assert.deepEqual(
        listed.map((s) => s.id),
        ['slack:T0TEAM:C0LIST1', 'slack:T0TEAM:C0LIST2'],
      );
      assert.deepEqual(listed[0]!.filters, {});
      assert.equal(listed[0]!.quietWhenEmpty, true);
      assert.equal(await store.delete('slack:T0TEAM:C0LIST1'), true);
      assert.equal(await store.delete('slack:T0TEAM:C0LIST1'), false);
      assert.deepEqual(
        (await store.list()).filter((s) => s.id.includes('C0LIST')).map((s) => s.id),
        ['slack:T0TEAM:C0LIST2'],
      );
    });

    test('markSent moves the baseline and never resurrects a deleted subscription', async () => {
      const sub = subscription('C0SENT');
      await store.put(sub);
      const next: KbBaseline = { ...BASELINE, version: 'bbbbbbbbbbbb', snapshots: { ubuntu: 'ubuntu@2026-04-06_sync-12345678' } };
      assert.equal(await store.markSent(sub.id, { version: 'bbbbbbbbbbbb', at: '2025-07-14T07:30:00.000Z', baseline: next }), true);
      const after = await store.get(sub.id);
      assert.equal(after?.lastSentVersion, 'bbbbbbbbbbbb');
      assert.equal(after?.lastSentAt, '2025-07-14T07:30:00.000Z');
      assert.deepEqual(after?.baseline, next);
      await store.delete(sub.id);
      assert.equal(await store.markSent(sub.id, { version: 'cccccccccccc', at: '2025-07-21T07:30:00.000Z', baseline: next }), false);
      assert.equal(await store.get(sub.id), undefined);
    });

    test('a gone channel is disabled with a reason without touching the others', async () => {
      const gone = subscription('C0GONE');
      const other = subscription('C0OTHER');
      await store.put(gone);
      await store.put(other);
      assert.equal(await store.disable(gone.id, 'channel gone or lisbot removed (channel_not_found)', '2025-07-14T07:30:00.000Z'), true);
      const disabled = await store.get(gone.id);
      assert.equal(disabled?.disabled, 'channel gone or lisbot removed (channel_not_found)');
      assert.equal(disabled?.disabledAt, '2025-07-14T07:30:00.000Z');
      assert.deepEqual(await store.get(other.id), other);
      assert.equal(await store.disable('slack:T0TEAM:C0NEVER', 'x', '2025-07-14T07:30:00.000Z'), false);
      assert.equal(await store.get('slack:T0TEAM:C0NEVER'), undefined);
    });

    test('the archive keeps baselines by version and filters by hash', async () => {
      await archive.putBaseline(BASELINE);
      assert.deepEqual(await archive.baseline(BASELINE.version), BASELINE);
      assert.equal(await archive.baseline('ffffffffffff'), undefined);
      await archive.putFilters('0123456789', { families: ['ubuntu'], hosts: ['2019'] });
      assert.deepEqual(await archive.filters('0123456789'), { families: ['ubuntu'], hosts: ['2019'] });
    });
  });
}

describeStore('memory', () => ({ store: new MemorySubscriptionStore(), archive: new MemoryDigestArchive() }));
describeStore('redis', () => {
  const redis = testRedis();
  return {
    store: new RedisSubscriptionStore(redis.redis, redis.prefix),
    archive: new RedisDigestArchive(redis.redis, redis.prefix),
    cleanup: redis.cleanup,
  };
});

describe('redis subscription layout', () => {
  const redis = testRedis();
  after(async () => {
    await redis.cleanup();
  });

  test('one hash per subscription with a field per property, and a set of ids', async () => {
    const store = new RedisSubscriptionStore(redis.redis, redis.prefix);
    const sub = subscription('C0HASH');
    await store.put(sub);
    const hash = await redis.redis.hgetall(`${redis.prefix}sub:${sub.id}`);
    assert.equal(hash.id, sub.id);
    assert.equal(hash.quietWhenEmpty, '0');
    assert.deepEqual(JSON.parse(hash.schedule!), sub.schedule);
    assert.equal(hash.createdBy, sub.createdBy);
    assert.ok(!Object.values(hash).some((v) => v.includes('U0ADMIN')), 'the user id is stored only hashed');
    assert.deepEqual(await redis.redis.smembers(`${redis.prefix}subs`), [sub.id]);
  });

  test('a corrupt entry is skipped by list, and a dangling id is dropped from the index', async () => {
    const store = new RedisSubscriptionStore(redis.redis, `${redis.prefix}corrupt:`);
    await store.put(subscription('C0GOOD'));
    await redis.redis.hset(`${redis.prefix}corrupt:sub:slack:T0TEAM:C0BAD`, { id: 'slack:T0TEAM:C0BAD', schedule: '{not json' });
    await redis.redis.sadd(`${redis.prefix}corrupt:subs`, 'slack:T0TEAM:C0BAD', 'slack:T0TEAM:C0DANGLING');
    assert.deepEqual(
      (await store.list()).map((s) => s.id),
      ['slack:T0TEAM:C0GOOD'],
    );
    assert.equal(await redis.redis.sismember(`${redis.prefix}corrupt:subs`, 'slack:T0TEAM:C0DANGLING'), 0);
  });
});
