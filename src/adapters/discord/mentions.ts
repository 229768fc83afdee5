import type { Message } from 'discord.js';
import type { DiscordContext } from './context.ts';
import { renderReply } from './render/embeds.ts';
import { footerFor } from './respond.ts';

const DEDUPE_TTL_MS = 10 * 60 * 1000;

/**
 * Answers a channel message that @mentions the bot (only wired when DISCORD_MESSAGE_CONTENT is on, since
 * reading the text needs the privileged Message Content intent). The answer is a reply that pings nobody,
 * not even the asker.
 */
export async function handleMention(message: Message, context: DiscordContext): Promise<void> {
  const me = message.client.user;
  if (!me || message.author.bot || message.system || message.webhookId) return;
  const mention = new RegExp(`<@!?${me.id}>`, 'g');
  if (!mention.test(message.content)) return;
  if (!(await context.dedupe.claim(`discord:message:${message.id}`, DEDUPE_TTL_MS))) return;
  const text = message.content.replace(mention, ' ').trim();
  const question = text || 'help';
  try {
    const { reply } = await context.bot.ask({
      text: question,
      conversation: `discord:${message.guildId ?? 'dm'}:${message.channelId}:${message.author.id}`,
      user: message.author.id,
      platform: 'discord',
    });
    const rendered = renderReply(reply, {
      question: text || undefined,
      state: context.state,
      feedback: { question },
      footer: footerFor(context.bot.kb),
    });
    await message.reply({ embeds: rendered.embeds, components: rendered.components, allowedMentions: { parse: [], repliedUser: false } });
  } catch (error) {
    context.log.error({ message: message.id, channel: message.channelId, err: error }, 'discord mention failed');
  }
}
