import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayIntentBits } from 'discord.js';
import { DiscordAdapter } from '../../../src/adapters/discord/client.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { FakeDiscord } from './fake-discord.ts';
import { channelMessage } from './payloads.ts';
import { until, withDiscord } from './harness.ts';

describe('discord gateway through the fake', () => {
  test('the real Client logs in over REST and the gateway, identifies, and becomes ready', async () => {
    await withDiscord({ fake: { heartbeatIntervalMs: 200 } }, async ({ fake, adapter }) => {
      assert.equal(adapter.client.isReady(), true);
      assert.equal(adapter.client.user?.id, fake.botUser.id);
      assert.ok(adapter.client.guilds.cache.has(fake.guildId), 'GUILD_CREATE was taken in');
      assert.ok(fake.requestsTo(/^\/gateway\/bot$/, 'GET').length >= 1, 'asked /gateway/bot for the gateway URL');
      const query = fake.connections[0]!;
      assert.equal(query.get('v'), '10');
      assert.equal(query.get('encoding'), 'json');
      assert.equal(query.get('compress'), null);
      const identify = fake.received.find((f) => f.op === 2)!.d as { token: string; intents: number };
      assert.equal(identify.token, fake.token);
      assert.equal(identify.intents, GatewayIntentBits.Guilds, 'only the Guilds intent by default: nothing privileged');
      await until(() => fake.heartbeats >= 1, 3000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(adapter.client.ws.status, 0, 'still READY after heartbeats were ACKed');
    });
  });

  test('a wrong token: start() rejects and nothing is left running', async () => {
    const fake = await new FakeDiscord().start();
    const kb = realKb();
    const adapter = new DiscordAdapter({
      settings: { token: 'wrong.token.value', applicationId: fake.applicationId, apiUrl: fake.apiUrl, messageContent: false, admins: [] },
      bot: new Bot(() => kb),
    });
    try {
      await assert.rejects(adapter.start());
      assert.equal(adapter.client.isReady(), false);
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });

  test('Message Content not enabled in the portal: start() rejects saying what to switch on', async () => {
    const fake = await new FakeDiscord({ disallowedIntents: GatewayIntentBits.MessageContent }).start();
    const kb = realKb();
    const adapter = new DiscordAdapter({
      settings: { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl, messageContent: true, admins: [] },
      bot: new Bot(() => kb),
    });
    try {
      await assert.rejects(adapter.start(), /Message Content Intent.*DISCORD_MESSAGE_CONTENT/);
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });

  test('channel @mentions (DISCORD_MESSAGE_CONTENT on): privileged intents asked for, answer as a reply that pings nobody', async () => {
    await withDiscord({ settings: { messageContent: true } }, async ({ fake, adapter }) => {
      const identify = fake.received.find((f) => f.op === 2)!.d as { intents: number };
      assert.equal(identify.intents, GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent);
      const message = channelMessage(fake, `<@${fake.botUser.id}> does rhel 6.2 need lis? @everyone`, [fake.botUser]);
      fake.dispatch('MESSAGE_CREATE', message);
      const posted = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
      await adapter.settled();
      const body = posted.body as {
        embeds: Array<{ description: string }>;
        allowed_mentions: unknown;
        message_reference: { message_id: string };
      };
      assert.deepEqual(body.allowed_mentions, { parse: [], replied_user: false });
      assert.equal(body.message_reference.message_id, message.id);
      assert.match(body.embeds[0]!.description, /LIS 4\.3/);
      assert.ok(!posted.raw.includes('@everyone'), 'the echoed question has @everyone neutralised');
      // A repeat delivery of the same message is answered once.
      fake.dispatch('MESSAGE_CREATE', message);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await adapter.settled();
      assert.equal(fake.requestsTo(/\/channels\/\d+\/messages$/, 'POST').length, 1);
    });
  });

  test('mentions are ignored when DISCORD_MESSAGE_CONTENT is off', async () => {
    await withDiscord({}, async ({ fake, adapter }) => {
      fake.dispatch('MESSAGE_CREATE', channelMessage(fake, `<@${fake.botUser.id}> does rhel 6.2 need lis?`, [fake.botUser]));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await adapter.settled();
      assert.equal(fake.requestsTo(/\/channels\/\d+\/messages$/, 'POST').length, 0);
    });
  });
});
