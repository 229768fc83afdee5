import { writeLine, type CliCommand } from '../command.ts';
import { discordSettingsFromEnv } from '../../adapters/discord/settings.ts';
import { slackSettingsFromEnv } from '../../adapters/slack/settings.ts';
import { ENV_VARS, coreSettingsFromEnv } from '../../config/env.ts';
import { ConfigError } from '../../config/errors.ts';

/** Each part of the configuration, validated by its own schema; none starts anything. */
const PARTS: ReadonlyArray<{ name: string; check: (env: NodeJS.ProcessEnv) => string }> = [
  { name: 'core', check: (env) => { const core = coreSettingsFromEnv(env); return `log level ${core.LOG_LEVEL}; ${core.REDIS_URL ? 'Redis configured' : 'no Redis: in-process queue, memory state'}; ${core.METRICS_PORT === undefined ? 'no health server' : `health and metrics on port ${core.METRICS_PORT}`}`; } },
  { name: 'slack', check: (env) => { const slack = slackSettingsFromEnv(env); return slack ? `enabled, ${slack.appToken ? 'Socket Mode' : `HTTP on port ${slack.port}`}` : 'not configured'; } },
  { name: 'discord', check: (env) => { const discord = discordSettingsFromEnv(env); return discord ? `enabled${discord.messageContent ? ', answering @mentions (Message Content intent)' : ''}` : 'not configured'; } },
];

export const configCheckCommand: CliCommand = {
  name: 'config check',
  summary: 'Validate the environment without starting anything; name every bad or missing variable.',
  usage: 'lisbot config check [--list]',
  details: 'Secret values are never printed. --list shows every variable lisbot reads, its default and whether it is set.',
  options: { list: { type: 'boolean' } },
  run(args, io) {
    if (args.values.list === true) {
      for (const v of ENV_VARS) {
        const set = io.env[v.name]?.trim() ? (v.secret ? 'set (secret)' : `set: ${io.env[v.name]}`) : `unset${v.default ? `, default ${v.default}` : ''}`;
        writeLine(io.stdout, `${v.name.padEnd(24)} ${set}`);
      }
      return Promise.resolve(0);
    }
    let failed = 0;
    for (const part of PARTS) {
      try {
        writeLine(io.stdout, `✔ ${part.name}: ${part.check(io.env)}`);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        failed++;
        writeLine(io.stderr, `✖ ${part.name}: ${error.message}`);
      }
    }
    return Promise.resolve(failed ? 1 : 0);
  },
};
