import { discordSettingsFromEnv, DISCORD_VARIABLES } from '../adapters/discord/settings.ts';
import { slackSettingsFromEnv, SLACK_VARIABLES } from '../adapters/slack/settings.ts';
import { jobSettingsFromEnv, JOB_VARIABLES } from '../jobs/settings.ts';
import { CoreEnv, coreSettingsFromEnv } from './env.ts';
import { stateDir } from './paths.ts';

/**
 * One part of the configuration: the variables it owns and the check its role runs at start-up, here run without
 * starting anything. `lisbot config check` runs every part, so a setting that would stop any role (serve,
 * worker, the digest) fails the check; a test asserts that every variable in ENV_VARS belongs to a part.
 */
export interface SettingsPart {
  readonly name: string;
  readonly variables: readonly string[];
  /** A one-line description of what the settings enable; throws ConfigError naming a bad variable. */
  check(env: NodeJS.ProcessEnv): string;
}

export const SETTINGS_PARTS: readonly SettingsPart[] = [
  {
    name: 'core',
    variables: Object.keys(CoreEnv.shape),
    check(env) {
      const core = coreSettingsFromEnv(env);
      return `log level ${core.LOG_LEVEL}; ${core.REDIS_URL ? 'Redis configured' : 'no Redis: in-process queue, memory state'}; ${core.METRICS_PORT === undefined ? 'no health server' : `health and metrics on port ${core.METRICS_PORT}`}`;
    },
  },
  {
    name: 'state',
    variables: ['LISBOT_STATE_DIR'],
    check: (env) => `imported and synced KB versions under ${stateDir(env)}`,
  },
  {
    name: 'slack',
    variables: [...SLACK_VARIABLES, 'PORT'],
    check(env) {
      const slack = slackSettingsFromEnv(env);
      return slack ? `enabled, ${slack.appToken ? 'Socket Mode' : `HTTP on port ${slack.port}`}` : 'not configured';
    },
  },
  {
    name: 'discord',
    variables: DISCORD_VARIABLES,
    check(env) {
      const discord = discordSettingsFromEnv(env);
      return discord ? `enabled${discord.messageContent ? ', answering @mentions (Message Content intent)' : ''}` : 'not configured';
    },
  },
  {
    name: 'jobs',
    variables: JOB_VARIABLES,
    check(env) {
      const jobs = jobSettingsFromEnv(env);
      return jobs.redisUrl
        ? `BullMQ on Redis (prefix ${jobs.queuePrefix}); a worker runs ${jobs.workerConcurrency} job(s) at once, ${jobs.checkJobAttempts} attempt(s) of up to ${jobs.checkJobTimeoutMs} ms`
        : 'in-process queue in the bot process (set REDIS_URL to run "lisbot worker" separately)';
    },
  },
];
