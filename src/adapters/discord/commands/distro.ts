import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { Entities } from '../../../core/reply.ts';
import type { LisSubcommand } from '../context.ts';
import { renderReply } from '../render/embeds.ts';
import { footerFor, replyPrivately } from '../respond.ts';
import { handlerReply } from './direct.ts';
import { distroNameOption, familyChoices, resolveFamily, resolveVersion, versionChoices, unknownFamilyText } from './kb-options.ts';

/** `/lis distro name: version:` — is this release supported, and how does it get integration services. */
export const distroCommand: LisSubcommand = {
  name: 'distro',
  data: new SlashCommandSubcommandBuilder()
    .setName('distro')
    .setDescription('Is a distribution (and release) supported on Hyper-V, and how')
    .addStringOption(distroNameOption)
    .addStringOption((option) =>
      option.setName('version').setDescription('Release, e.g. 22.04, 7.5 or 11 SP3').setAutocomplete(true).setMaxLength(40),
    ),
  async execute(interaction, context) {
    const kb = context.bot.kb;
    const typedName = interaction.options.getString('name', true);
    const typedVersion = interaction.options.getString('version');
    const found = resolveFamily(kb, typedName);
    if (!found) {
      await replyPrivately(interaction, unknownFamilyText(typedName));
      return;
    }
    let version = found.version;
    if (typedVersion) {
      version = resolveVersion(kb, found.family, typedVersion);
      if (!version) {
        await replyPrivately(
          interaction,
          `"${typedVersion.slice(0, 40)}" is not a release I can read. Use a number such as 22.04, 7.5 or 11 SP3, or pick one from the list.`,
        );
        return;
      }
    }
    const entities: Entities = { distro: found.family, ...(version ? { version } : {}) };
    const question = `is ${kb.familyName(found.family)}${version ? ` ${version}` : ''} supported on hyper-v?`;
    const reply = handlerReply(kb, 'distro_support', question, entities);
    // Pure KB lookup, well inside the 3 seconds: answer at once.
    await interaction.reply(renderReply(reply, { state: context.state, feedback: { question }, footer: footerFor(kb) }));
  },
  async autocomplete(interaction, context) {
    const kb = context.bot.kb;
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'version') {
      const family = resolveFamily(kb, interaction.options.getString('name') ?? '')?.family;
      await interaction.respond(versionChoices(kb, family, focused.value));
      return;
    }
    await interaction.respond(familyChoices(kb, focused.value));
  },
};
