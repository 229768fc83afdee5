import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { APIEmbed } from 'discord.js';
import { buttonPress, slashCommand, str } from './payloads.ts';
import { messageRequests, withDiscord } from './harness.ts';

const HOSTILE =
  '@everyone @here <@123> <@!123> <@&456> <#789> **bold** __under__ ||spoiler|| `code` ```block``` [link](https://evil.example) # heading does rhel 6.2 need lis?';
const RAW_MENTIONS = [/@everyone/, /@here/, /<@!?123>/, /<@&456>/, /<#789>/];

describe('hostile input through the fake gateway', () => {
  test('every outgoing message carries allowed_mentions { parse: [] } and no raw mention or live markdown passes through', async () => {
    await withDiscord({ settings: { messageContent: true } }, async ({ fake, interact }) => {
      const ask = slashCommand(fake, 'ask', [str('question', HOSTILE)]);
      await interact(ask);
      const answered = fake.original(ask.token)!;
      // The same text through every other path that echoes user input.
      await interact(slashCommand(fake, 'issue', [str('query', HOSTILE)]));
      await interact(slashCommand(fake, 'distro', [str('name', HOSTILE)]));
      await interact(slashCommand(fake, 'feature', [str('name', 'trim'), str('distro', 'rhel'), str('version', HOSTILE)]));
      const choice = (answered.components as Array<{ components: Array<{ custom_id: string }> }>)
        .flatMap((r) => r.components)
        .find((c) => c.custom_id.startsWith('lis:mx:'));
      if (choice) await interact(buttonPress(fake, answered, choice.custom_id));
      await interact(buttonPress(fake, answered, `lis:ch:v:${HOSTILE.slice(0, 80)}`));

      const sent = messageRequests(fake);
      // One message per path above; the matrix button is pressed only when the answer offers one.
      assert.ok(sent.length >= (choice ? 6 : 5), `messages were sent (${sent.length})`);
      for (const request of sent) {
        const body = request.body as { allowed_mentions?: unknown; data?: { allowed_mentions?: unknown } };
        assert.deepEqual(body.allowed_mentions ?? body.data?.allowed_mentions, { parse: [] }, `${request.method} ${request.path}`);
        for (const mention of RAW_MENTIONS)
          assert.doesNotMatch(request.raw, mention, `${request.method} ${request.path} leaks ${String(mention)}`);
      }

      const embed = (sent[0]!.body as { data: { embeds: APIEmbed[] } }).data.embeds[0]!;
      const quote = embed.description!.split('\n')[0]!;
      assert.match(quote, /^> /, 'the question is quoted back');
      assert.match(quote, /\\\*\\\*bold\\\*\\\*/, 'bold escaped');
      assert.match(quote, /\\\|\\\|spoiler\\\|\\\|/, 'spoiler escaped');
      assert.match(quote, /@\u200Deveryone/, '@everyone broken with a zero-width joiner');
      assert.match(quote, /<\u200D@&456>/, 'role mention broken');
      // The decoration around the question (mentions, bold, spoiler, code and link spans) is not read as its words.
      assert.match(embed.description!, /LIS 4\.3/, 'and the question is answered as it would be without the markup');
    });
  });

  test('a channel @mention with hostile text is answered without pinging anyone', async () => {
    await withDiscord({ settings: { messageContent: true } }, async ({ fake, adapter }) => {
      fake.dispatch('MESSAGE_CREATE', {
        id: '1300000000000000777',
        channel_id: fake.channelId,
        guild_id: fake.guildId,
        author: { id: '1200000000000000001', username: 'x', discriminator: '0', avatar: null, global_name: null },
        content: `<@${fake.botUser.id}> ${HOSTILE}`,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: true,
        mentions: [fake.botUser],
        mention_roles: ['456'],
        attachments: [],
        embeds: [],
        pinned: false,
        type: 0,
        flags: 0,
        components: [],
      });
      const posted = await fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/messages'));
      await adapter.settled();
      assert.deepEqual((posted.body as { allowed_mentions: unknown }).allowed_mentions, { parse: [], replied_user: false });
      for (const mention of RAW_MENTIONS) assert.doesNotMatch(posted.raw, mention);
    });
  });
});
