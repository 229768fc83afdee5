// The headline scenario: a loopback server serves an older, then a newer version of a matrix page; the
// channel's digest lists exactly the new rows, once. Subscriptions and delivery records live in the real Redis.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KnowledgeBaseHolder } from '../../src/knowledge/holder.ts';
import { syncKnowledgeBase } from '../../src/knowledge/sync/sync.ts';
import { RedisDeliveryLedger } from '../../src/jobs/redis-delivery-ledger.ts';
import { DigestCommandsService } from '../../src/digest/commands.ts';
import { DigestDelivery } from '../../src/digest/delivery.ts';
import { RedisDigestArchive } from '../../src/digest/archive.ts';
import { RedisSubscriptionStore } from '../../src/digest/redis-store.ts';
import { subscriptionId } from '../../src/digest/subscription.ts';
import { FIXTURE_KB_DIR } from '../helpers/fixture-kb.ts';
import { context, digestLines, page, pageServer, RecordingPoster, tempDir, testRedis, type PageServer } from './helpers.ts';

const MONDAYS = ['2026-03-09T09:00:00Z', '2026-03-16T09:00:00Z', '2026-03-23T09:00:00Z', '2026-03-30T09:00:00Z'].map((t) => new Date(t));

describe('digest over synced KB versions', () => {
  let server: PageServer;
  const redis = testRedis();
  before(async () => {
    server = await pageServer();
  });
  after(async () => {
    await server.close();
    await redis.cleanup();
  });

  test('the digest against version A is empty; after B it lists exactly the new rows; then nothing again', async () => {
    const userDir = tempDir();
    const sources = [`${server.url}/ubuntu.md`];
    const sync = () => syncKnowledgeBase({ sources, userDir, dataDir: FIXTURE_KB_DIR, now: () => new Date('2026-03-05T06:00:00Z') });
    const holder = new KnowledgeBaseHolder({ dataDir: FIXTURE_KB_DIR, userDir });
    const store = new RedisSubscriptionStore(redis.redis, `${redis.prefix}digest:`);
    const archive = new RedisDigestArchive(redis.redis, `${redis.prefix}digest:`);
    const slack = new RecordingPoster('slack');
    const discord = new RecordingPoster('discord');
    const commands = new DigestCommandsService({ kb: holder.get, store, archive });
    const delivery = new DigestDelivery({
      kb: holder.get,
      store,
      archive,
      ledger: new RedisDeliveryLedger(redis.redis, `${redis.prefix}ledger`, 3600),
      posters: { slack, discord },
      delivery: { leaseMs: 2_000, settleMs: 200, pollMs: 20 },
    });

    // Upstream has version A; the sync publishes it and the running bot picks it up.
    server.serve('/ubuntu.md', 200, page('ubuntu-a'));
    const a = await sync();
    assert.equal(a.outcome, 'published');
    assert.equal(holder.refresh().version, a.version);

    // A Slack and a Discord channel subscribe at A.
    const slackChannel = context({ platform: 'slack', channel: 'C0UBUNTU', team: 'T0TEAM', canManageChannel: true });
    const discordChannel = context({ platform: 'discord', channel: '123456789012345678', canManageChannel: true });
    for (const channel of [slackChannel, discordChannel]) {
      const subscribed = await commands.run(['subscribe', 'weekly', 'ubuntu'], channel);
      assert.equal(subscribed.answered, true, subscribed.text);
    }
    const ids = [subscriptionId(slackChannel.target), subscriptionId(discordChannel.target)];

    // The first Monday: nothing changed since A, so no message.
    for (const id of ids) assert.equal((await delivery.deliver(id, MONDAYS[0]!)).outcome, 'empty');
    assert.equal(slack.posts.length + discord.posts.length, 0);

    // Upstream moves to B, which adds one release; the sync publishes it.
    server.serve('/ubuntu.md', 200, page('ubuntu-b'));
    const b = await sync();
    assert.equal(b.outcome, 'published');
    assert.equal(holder.refresh().version, b.version);

    for (const id of ids) {
      const result = await delivery.deliver(id, MONDAYS[1]!);
      assert.equal(result.outcome, 'posted');
      assert.equal(result.version, b.version);
    }
    for (const poster of [slack, discord]) {
      assert.equal(poster.posts.length, 1);
      const [post] = poster.posts;
      assert.equal(post!.reply.title, 'lisbot digest: 1 newly supported');
      assert.deepEqual(digestLines(post!.reply), ['Ubuntu 26.04 (built in): built in to the kernel on 2025, 2022, 2019, 2016']);
    }
    assert.deepEqual(slack.posts[0]!.target, { platform: 'slack', channel: 'C0UBUNTU', team: 'T0TEAM' });
    for (const id of ids) {
      const subscription = await store.get(id);
      assert.equal(subscription?.lastSentVersion, b.version, 'the marker moved to the version sent');
    }

    // The same period again (a retried job, a second scheduler): nothing more.
    for (const id of ids) assert.equal((await delivery.deliver(id, MONDAYS[1]!)).outcome, 'already-sent');

    // A sync with no upstream change publishes nothing, and the next digest is empty.
    const c = await sync();
    assert.equal(c.outcome, 'unchanged');
    assert.equal(holder.refresh().reloaded, false);
    for (const id of ids) assert.equal((await delivery.deliver(id, MONDAYS[2]!)).outcome, 'empty');
    assert.equal(slack.posts.length, 1);
    assert.equal(discord.posts.length, 1);

    // And list shows the last digest.
    const listed = await commands.run(['list'], context({ platform: 'slack', channel: 'C0UBUNTU', team: 'T0TEAM' }));
    assert.match(listed.fields.find((f) => f.label === 'Last digest')?.value ?? '', new RegExp(b.version!));
  });
});
