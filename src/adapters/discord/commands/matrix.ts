import { SlashCommandSubcommandBuilder } from 'discord.js';
import { extractAsOf } from '../../../bot/entities/as-of.ts';
import { matrixReply } from '../../../bot/handlers/matrix.ts';
import { HOST_IDS } from '../../../knowledge/schema/index.ts';
import type { LisSubcommand } from '../context.ts';
import { withPicture } from '../picture.ts';
import { renderReply } from '../render/embeds.ts';
import { footerFor, replyPrivately, replyWithin } from '../respond.ts';
import { distroNameOption, familyChoices, resolveFamily, resolveHost, unknownFamilyText } from './kb-options.ts';

/** "2019-06-13", "june 2019", "mid 2020", "2016": read as the as-of phrases of a question are. */
export function resolveAsOf(value: string): string | undefined {
  return extractAsOf(`as of ${value.trim().slice(0, 40)}`)?.date;
}

/**
 * `/lis matrix name: host: as_of:` — a family's feature grid as a picture (with alt text), the table as
 * the text fallback. Drawing takes a few hundred ms, so the reply is deferred when it runs long.
 */
export const matrixCommand: LisSubcommand = {
  name: 'matrix',
  data: new SlashCommandSubcommandBuilder()
    .setName('matrix')
    .setDescription("A distribution's Hyper-V feature matrix as a picture")
    .addStringOption(distroNameOption)
    .addStringOption((option) =>
      option
        .setName('host')
        .setDescription('Only what works on this Windows Server (Hyper-V host) release')
        .addChoices(...HOST_IDS.map((host) => ({ name: host, value: host }))),
    )
    .addStringOption((option) =>
      option.setName('as_of').setDescription('The matrix as it stood then, e.g. 2019-06-13, June 2019 or mid 2020').setMaxLength(40),
    ),
  async execute(interaction, context) {
    const kb = context.bot.kb;
    const typedName = interaction.options.getString('name', true);
    const typedHost = interaction.options.getString('host');
    const typedAsOf = interaction.options.getString('as_of');
    const found = resolveFamily(kb, typedName);
    if (!found) {
      await replyPrivately(interaction, unknownFamilyText(typedName));
      return;
    }
    const host = typedHost ? resolveHost(typedHost) : undefined;
    if (typedHost && !host) {
      await replyPrivately(interaction, `"${typedHost.slice(0, 40)}" is not a Hyper-V host I know. Pick one of ${HOST_IDS.join(', ')}.`);
      return;
    }
    const asOf = typedAsOf ? resolveAsOf(typedAsOf) : undefined;
    if (typedAsOf && !asOf) {
      await replyPrivately(
        interaction,
        `"${typedAsOf.slice(0, 40)}" is not a date I can read. Use 2019-06-13, June 2019, mid 2020 or a year.`,
      );
      return;
    }
    await replyWithin(interaction, context, async () => {
      const reply = matrixReply(kb, found.family, host, asOf);
      return withPicture(renderReply(reply, { state: context.state, footer: footerFor(kb) }), reply, kb, context.log);
    });
  },
  async autocomplete(interaction, context) {
    await interaction.respond(familyChoices(context.bot.kb, interaction.options.getFocused()));
  },
};
