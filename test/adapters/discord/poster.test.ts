import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { APIEmbed } from 'discord.js';
import { DiscordReplyPoster } from '../../../src/adapters/discord/poster.ts';
import { answerQuestion } from '../../../src/bot/answer.ts';
import { ChannelGoneError } from '../../../src/core/delivery.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { FakeDiscord } from './fake-discord.ts';

describe('DiscordReplyPoster over REST (no gateway)', () => {
  test('posts and edits channel messages with the bot token, embeds and no mentions', async () => {
    const fake = await new FakeDiscord().start();
    try {
      const poster = DiscordReplyPoster.fromSettings({ token: fake.token, apiUrl: fake.apiUrl }, () => 'lisbot test');
      const target = { platform: 'discord' as const, channel: fake.channelId };
      const { reply } = answerQuestion(realKb(), 'does rhel 6.2 need lis?');
      const posted = await poster.post(target, reply);
      const create = fake.requestsTo(new RegExp(`^/channels/${fake.channelId}/messages$`), 'POST')[0]!;
      assert.equal(create.headers.authorization, `Bot ${fake.token}`);
      const body = create.body as {
        embeds: APIEmbed[];
        allowed_mentions: unknown;
        components: Array<{ components: Array<{ custom_id: string }> }>;
      };
      assert.deepEqual(body.allowed_mentions, { parse: [] });
      assert.match(body.embeds[0]!.description!, /LIS 4\.3/);
      const ids = body.components.flatMap((r) => r.components.map((c) => c.custom_id));
      assert.ok(ids.includes('lis:mx:rhel'), 'self-contained buttons stay');
      assert.ok(!ids.some((id) => id.startsWith('lis:fb:')), 'no buttons that need in-process state');

      await poster.update(target, posted, { ...reply, text: 'edited' });
      const edit = fake.requestsTo(new RegExp(`^/channels/${fake.channelId}/messages/${posted.id}$`), 'PATCH')[0]!;
      assert.equal((edit.body as { embeds: APIEmbed[] }).embeds[0]!.description, 'edited');
      assert.deepEqual((edit.body as { allowed_mentions: unknown }).allowed_mentions, { parse: [] });

      const thread = { ...target, thread: '1100000000000000555' };
      await poster.post(thread, reply);
      assert.equal(fake.requestsTo(/^\/channels\/1100000000000000555\/messages$/, 'POST').length, 1, 'a thread is a channel on Discord');
    } finally {
      await fake.stop();
    }
  });

  test('unknown channel (10003) and missing access (50001) become ChannelGoneError; other errors pass through', async () => {
    const fake = await new FakeDiscord().start();
    try {
      const poster = DiscordReplyPoster.fromSettings({ token: fake.token, apiUrl: fake.apiUrl });
      const { reply } = answerQuestion(realKb(), 'help');
      fake.goneChannels.add('1100000000000000666');
      fake.forbiddenChannels.add('1100000000000000667');
      await assert.rejects(poster.post({ platform: 'discord', channel: '1100000000000000666' }, reply), ChannelGoneError);
      await assert.rejects(poster.post({ platform: 'discord', channel: '1100000000000000667' }, reply), ChannelGoneError);
      await assert.rejects(
        poster.update({ platform: 'discord', channel: fake.channelId }, { id: '1100000000000000999' }, reply),
        (error: Error) => !(error instanceof ChannelGoneError),
      );
    } finally {
      await fake.stop();
    }
  });
});
