import type { Interaction, RepliableInteraction } from 'discord.js';
import { handleButton } from './buttons.ts';
import { COMMAND_NAME, findSubcommand } from './commands/registry.ts';
import type { DiscordContext } from './context.ts';
import { replyPrivately } from './respond.ts';

function describe(interaction: Interaction): Record<string, unknown> {
  return { interaction: interaction.id, type: interaction.type, guild: interaction.guildId, channel: interaction.channelId };
}

async function failed(interaction: RepliableInteraction, context: DiscordContext, error: unknown): Promise<void> {
  context.log.error({ ...describe(interaction), err: error }, 'discord interaction failed');
  try {
    await replyPrivately(interaction, 'Something went wrong on my side. Try again in a moment.');
  } catch (secondary) {
    // The token may have expired (10062 Unknown interaction): nothing more can be said to the user.
    context.log.warn({ ...describe(interaction), err: secondary }, 'could not report the failure to the user');
  }
}

/** Routes one interaction: `/lis` subcommands, their autocomplete, and lisbot's buttons. Never throws. */
export async function handleInteraction(interaction: Interaction, context: DiscordContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (interaction.commandName !== COMMAND_NAME) return;
    const sub = findSubcommand(interaction.options.getSubcommandGroup(false) ?? interaction.options.getSubcommand(false) ?? '');
    try {
      if (sub?.autocomplete) await sub.autocomplete(interaction, context);
      else await interaction.respond([]);
    } catch (error) {
      // Autocomplete cannot be deferred or answered later; an empty list is the only fallback.
      context.log.warn({ ...describe(interaction), err: error }, 'discord autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }
  if (interaction.isChatInputCommand()) {
    if (interaction.commandName !== COMMAND_NAME) return;
    const sub = findSubcommand(interaction.options.getSubcommandGroup(false) ?? interaction.options.getSubcommand(false) ?? '');
    try {
      if (sub) await sub.execute(interaction, context);
      else await replyPrivately(interaction, "I don't know that subcommand. Try /lis help.");
    } catch (error) {
      await failed(interaction, context, error);
    }
    return;
  }
  if (interaction.isButton()) {
    if (!interaction.customId.startsWith('lis:')) return;
    try {
      await handleButton(interaction, context);
    } catch (error) {
      await failed(interaction, context, error);
    }
  }
}
