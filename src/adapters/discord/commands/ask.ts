import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { LisSubcommand } from '../context.ts';
import { renderReply } from '../render/embeds.ts';
import { conversationOf, footerFor, replyWithin } from '../respond.ts';

export const MAX_QUESTION_OPTION = 1000;

/** `/lis ask question:` — anything, in the user's own words, answered by the bot with conversation context. */
export const askCommand: LisSubcommand = {
  name: 'ask',
  data: new SlashCommandSubcommandBuilder()
    .setName('ask')
    .setDescription('Ask about Linux or FreeBSD guests on Hyper-V in your own words')
    .addStringOption((option) =>
      option.setName('question').setDescription('For example: does rhel 6.2 need lis?').setRequired(true).setMaxLength(MAX_QUESTION_OPTION),
    ),
  async execute(interaction, context) {
    const question = interaction.options.getString('question', true);
    // The bot reads and writes conversation context, which may live in Redis: defer if it is slow.
    await replyWithin(interaction, context, async () => {
      const { reply } = await context.bot.ask({
        text: question,
        conversation: conversationOf(interaction),
        user: interaction.user.id,
        platform: 'discord',
      });
      return renderReply(reply, { question, state: context.state, feedback: { question }, footer: footerFor(context.bot.kb) });
    });
  },
};
