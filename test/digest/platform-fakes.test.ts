import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RedisDeliveryLedger } from '../../src/jobs/redis-delivery-ledger.ts';
import { DigestDelivery } from '../../src/digest/delivery.ts';
import { RedisSubscriptionStore } from '../../src/digest/redis-store.ts';
import { baselineAt } from '../../src/digest/baseline.ts';
import { defaultSchedule } from '../../src/digest/schedule.ts';
import { hashUser, Subscription, subscriptionId } from '../../src/digest/subscription.ts';
import { SlackReplyPoster } from '../../src/adapters/slack/poster.ts';
import { DiscordReplyPoster } from '../../src/adapters/discord/poster.ts';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { FakeDiscord } from '../adapters/discord/fake-discord.ts';
import { realKb } from '../helpers/real-kb.ts';
import { testRedis } from './helpers.ts';

const MONDAY = new Date('2025-07-07T09:00:00Z');
const NEXT_MONDAY = new Date('2025-07-14T09:00:00Z');

describe('digest through the real Slack and Discord posters, against their loopback fakes', () => {
  const redis = testRedis();
  after(async () => {
    await redis.cleanup();
  });

  test('a Slack and a Discord channel each receive exactly one digest per period, even with two schedulers firing', async () => {
    const slackFake = await FakeSlackApi.start();
    const discordFake = await new FakeDiscord().start();
    try {
      const store = new RedisSubscriptionStore(redis.redis, `${redis.prefix}fakes:`);
      const ledger = new RedisDeliveryLedger(redis.redis, `${redis.prefix}fakes:ledger`, 3600);
      const posters = {
        slack: SlackReplyPoster.fromSettings({ botToken: slackFake.botToken, apiUrl: slackFake.apiUrl }),
        discord: DiscordReplyPoster.fromSettings({ token: discordFake.token, apiUrl: discordFake.apiUrl }),
      };
      const targets = [
        { platform: 'slack' as const, channel: 'C0DIGEST' },
        { platform: 'discord' as const, channel: discordFake.channelId },
      ];
      for (const target of targets) {
        await store.put(
          Subscription.parse({
            id: subscriptionId(target),
            target,
            schedule: defaultSchedule('weekly'),
            filters: { families: ['ubuntu'] },
            quietWhenEmpty: true,
            createdBy: hashUser(target.platform, 'U0ADMIN'),
            createdAt: '2019-06-20T10:00:00.000Z',
            baseline: baselineAt(realKb(), '2019-06-13'),
          }),
        );
      }
      // Two scheduler processes fire the same period at once: each has its own DigestDelivery.
      const delivery = () =>
        new DigestDelivery({ kb: realKb, store, ledger, posters, delivery: { leaseMs: 5_000, settleMs: 2_000, pollMs: 20 } });
      const outcomes = await Promise.all(
        targets.flatMap((t) => [delivery().deliver(subscriptionId(t), MONDAY), delivery().deliver(subscriptionId(t), MONDAY)]),
      );
      assert.equal(outcomes.filter((o) => o.outcome === 'posted').length, 2, JSON.stringify(outcomes.map((o) => o.outcome)));

      const slackPosts = slackFake.calls.filter((c) => c.method === 'chat.postMessage');
      const discordPosts = discordFake.requests.filter(
        (r) => r.method === 'POST' && r.path === `/channels/${discordFake.channelId}/messages`,
      );
      assert.equal(slackPosts.length, 1);
      assert.equal(discordPosts.length, 1);
      assert.match(JSON.stringify(slackPosts[0]?.body), /Ubuntu 20\.04/);
      assert.match(JSON.stringify(discordPosts[0]?.body), /Ubuntu 20\.04/);
      assert.deepEqual((discordPosts[0]?.body as { allowed_mentions?: unknown }).allowed_mentions, { parse: [] });

      for (const t of targets) assert.equal((await delivery().deliver(subscriptionId(t), NEXT_MONDAY)).outcome, 'empty');
      assert.equal(slackFake.calls.filter((c) => c.method === 'chat.postMessage').length, 1, 'nothing new next week');
    } finally {
      await slackFake.close();
      await discordFake.stop();
    }
  });
});
