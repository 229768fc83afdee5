import { UsageError, stringOption, writeLine, type CliCommand } from '../command.ts';
import { DeployError, deployCommands } from '../../adapters/discord/deploy.ts';
import { discordSettingsFromEnv } from '../../adapters/discord/settings.ts';
import { ConfigError } from '../../config/errors.ts';

export const discordDeployCommand: CliCommand = {
  name: 'discord deploy',
  usage: 'lisbot discord deploy [--guild ID]',
  details: [
    'Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (DISCORD_API_URL overrides the REST base).',
    'Without --guild the command is registered globally (every server the app is in, and DMs).',
    'With --guild it is registered in that server only, where changes show at once: use it while testing.',
    'The registered commands are read first and compared with ours; nothing is written when they are the same.',
  ].join('\n'),
  options: { guild: { type: 'string' } },
  async run(args, io) {
    const guild = stringOption(args, 'guild');
    if (guild !== undefined && !/^\d{17,20}$/.test(guild))
      throw new UsageError('--guild takes a server id (17 to 20 digits; Developer Mode → right-click the server → Copy Server ID).');
    let settings;
    try {
      settings = discordSettingsFromEnv(io.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      writeLine(io.stderr, error.message);
      return 1;
    }
    if (!settings) {
      writeLine(io.stderr, 'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see docs/discord.md).');
      return 1;
    }
    const where = guild ? `in guild ${guild}` : 'globally';
    let result;
    try {
      result = await deployCommands(settings, guild ? { guildId: guild } : {});
    } catch (error) {
      if (!(error instanceof DeployError)) throw error;
      writeLine(io.stderr, error.message);
      return 1;
    }
    const list = result.commands.map((name) => `/${name}`).join(', ');
    switch (result.action) {
      case 'unchanged':
        writeLine(io.stdout, `${list} already registered ${where} and unchanged; nothing written.`);
        break;
      case 'created':
        writeLine(io.stdout, `Registered ${list} ${where}.`);
        break;
      case 'updated':
        writeLine(io.stdout, `Updated ${list} ${where} (the registered definition differed).`);
        break;
    }
    if (!guild && result.action !== 'unchanged') writeLine(io.stdout, 'Global commands can take a few minutes to appear in every server.');
    return 0;
  },
};
