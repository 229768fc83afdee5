import { SlashCommandSubcommandBuilder } from 'discord.js';
import { extractEntities } from '../../../bot/entities/extract.ts';
import { answerWithAdvice } from '../../../bot/handlers/advice.ts';
import { cleanQuestion } from '../../../bot/text.ts';
import type { LisSubcommand } from '../context.ts';
import { renderReply } from '../render/embeds.ts';
import { footerFor } from '../respond.ts';

/** `/lis issue query:` — a symptom or a log line, matched against the known issues. */
export const issueCommand: LisSubcommand = {
  name: 'issue',
  data: new SlashCommandSubcommandBuilder()
    .setName('issue')
    .setDescription('Look up a known issue by symptom or log line')
    .addStringOption((option) =>
      option
        .setName('query')
        .setDescription('A symptom or an error line, e.g. "hv_balloon: Memory hot add failed"')
        .setRequired(true)
        .setMaxLength(1000),
    ),
  async execute(interaction, context) {
    const kb = context.bot.kb;
    const query = interaction.options.getString('query', true);
    const question = cleanQuestion(query);
    const { entities } = extractEntities(kb, question);
    const reply = answerWithAdvice(kb, 'known_issue', question, entities, 'issue');
    await interaction.reply(
      renderReply(reply, { question: query, state: context.state, feedback: { question: query }, footer: footerFor(kb) }),
    );
  },
};
