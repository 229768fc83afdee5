import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  SlashCommandSubcommandGroupBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { LisSubcommand } from '../context.ts';
import { askCommand } from './ask.ts';
import { checkCommand } from './check.ts';
import { digestCommand } from './digest.ts';
import { distroCommand } from './distro.ts';
import { featureCommand } from './feature.ts';
import { helpCommand } from './help.ts';
import { issueCommand } from './issue.ts';
import { matrixCommand } from './matrix.ts';
import { correctionsSubcommand } from './corrections.ts';

export const COMMAND_NAME = 'lis';

/** Every `/lis` subcommand, in the order Discord lists them. */
export const LIS_SUBCOMMANDS: readonly LisSubcommand[] = [
  askCommand,
  distroCommand,
  featureCommand,
  issueCommand,
  matrixCommand,
  checkCommand,
  digestCommand,
  correctionsSubcommand,
  helpCommand,
];

/** The `/lis` command as Discord registers it: usable in servers and in DMs with the bot, installed to servers. */
export function lisCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Linux and FreeBSD guests on Hyper-V: support, features, known issues, VM checks')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  for (const sub of LIS_SUBCOMMANDS) {
    if (sub.data instanceof SlashCommandSubcommandGroupBuilder) command.addSubcommandGroup(sub.data);
    else command.addSubcommand(sub.data);
  }
  return command;
}

/** The JSON bodies `lisbot discord deploy` registers. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [lisCommand().toJSON()];
}

/** The module for an interaction's subcommand: the group's name when there is one ("digest"), else the subcommand's. */
export function findSubcommand(name: string): LisSubcommand | undefined {
  return LIS_SUBCOMMANDS.find((sub) => sub.name === name);
}
