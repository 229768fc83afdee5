import { MessageFlags, PermissionFlagsBits, SlashCommandSubcommandGroupBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext, LisSubcommand } from '../context.ts';
import { renderReply } from '../render/embeds.ts';
import { conversationOf, footerFor, forEdit } from '../respond.ts';
import { isAdmin } from '../settings.ts';

export const DIGEST_ACTIONS = ['subscribe', 'unsubscribe', 'preview', 'list'] as const;
type DigestAction = (typeof DIGEST_ACTIONS)[number];

const DESCRIPTIONS: Record<DigestAction, { what: string; args: string }> = {
  subscribe: {
    what: 'Subscribe this channel to the digest of newly supported releases',
    args: 'weekly or daily, then families and hosts, e.g. "weekly rhel ubuntu 2022"',
  },
  unsubscribe: { what: 'Stop the digest in this channel', args: 'Nothing, or what to drop' },
  preview: { what: 'Show what the next digest would say', args: 'e.g. "since 2024-01-01"' },
  list: { what: "Show this channel's digest subscription", args: 'Nothing needed' },
};

function canManage(interaction: ChatInputCommandInteraction, context: DiscordContext): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) === true || isAdmin(context, interaction.user.id);
}

/** Words of the free-text args option, bounded. */
function argWords(text: string | null): string[] {
  return (text ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 30)
    .map((word) => word.slice(0, 60));
}

/**
 * `/lis digest subscribe|unsubscribe|preview|list [args:]` — a subcommand group. The work goes to the
 * DigestCommands port (it reads and writes subscriptions, so the reply is deferred at once); without one,
 * the bot's digest answer explains the feature.
 */
export const digestCommand: LisSubcommand = {
  name: 'digest',
  data: (() => {
    const group = new SlashCommandSubcommandGroupBuilder()
      .setName('digest')
      .setDescription('The digest of newly supported releases for this channel');
    for (const action of DIGEST_ACTIONS) {
      group.addSubcommand((sub) =>
        sub
          .setName(action)
          .setDescription(DESCRIPTIONS[action].what)
          .addStringOption((option) => option.setName('args').setDescription(DESCRIPTIONS[action].args).setMaxLength(300)),
      );
    }
    return group;
  })(),
  async execute(interaction, context) {
    const action = interaction.options.getSubcommand(true) as DigestAction;
    const args = argWords(interaction.options.getString('args'));
    const footer = footerFor(context.bot.kb);
    // preview and list are for the asker; subscribe and unsubscribe are visible so the channel knows.
    const ephemeral = action === 'preview' || action === 'list';
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    if (!context.digest || !DIGEST_ACTIONS.includes(action)) {
      const { reply } = await context.bot.ask({
        text: `digest ${action}`,
        conversation: conversationOf(interaction),
        user: interaction.user.id,
        platform: 'discord',
      });
      await interaction.editReply(forEdit(renderReply(reply, { footer })));
      return;
    }
    if (!interaction.channelId) throw new Error('digest command without a channel');
    const reply = await context.digest.run([action, ...args], {
      target: { platform: 'discord', channel: interaction.channelId },
      user: interaction.user.id,
      canManageChannel: canManage(interaction, context),
    });
    await interaction.editReply(forEdit(renderReply(reply, { footer, state: context.state })));
  },
};
