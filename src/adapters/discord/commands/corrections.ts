import { PermissionFlagsBits, SlashCommandSubcommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { correctionsCommand } from '../../../corrections/commands.ts';
import type { DiscordContext, LisSubcommand } from '../context.ts';
import { replyPrivately } from '../respond.ts';
import { isAdmin } from '../settings.ts';

/** The digest's permission rule: Manage Channels here, or a lisbot admin. */
function canManage(interaction: ChatInputCommandInteraction, context: DiscordContext): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) === true || isAdmin(context, interaction.user.id);
}

/** `/lis corrections state:on|off|status` — corrections of earlier answers in this channel when the KB changes them. */
export const correctionsSubcommand: LisSubcommand = {
  name: 'corrections',
  data: new SlashCommandSubcommandBuilder()
    .setName('corrections')
    .setDescription('Post a correction when a knowledge-base update changes an answer given in this channel')
    .addStringOption((option) =>
      option
        .setName('state')
        .setDescription('on, off, or status')
        .setRequired(true)
        .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }, { name: 'status', value: 'status' }),
    ),
  async execute(interaction, context) {
    const state = interaction.options.getString('state', true);
    const text = await correctionsCommand(
      context.answers,
      [state],
      { platform: 'discord', channel: interaction.channelId },
      canManage(interaction, context),
    );
    await replyPrivately(interaction, text);
  },
};
