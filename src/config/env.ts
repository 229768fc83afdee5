import * as z from 'zod';
import { ConfigError } from './errors.ts';

/** Every environment variable lisbot reads: the source of .env.example, the README table and `config check`. */

/** A comma-separated setting read as its trimmed, non-empty items. */
function commaList() {
  return z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean)
        : [],
    );
}

export interface EnvVar {
  readonly name: string;
  readonly default?: string;
  readonly meaning: string;
  readonly secret?: boolean;
}

export const ENV_VARS: readonly EnvVar[] = [
  { name: 'LOG_LEVEL', default: 'info', meaning: 'pino log level: fatal, error, warn, info, debug or trace' },
  {
    name: 'REDIS_URL',
    meaning:
      'redis://, rediss:// (TLS) or redis-sentinel://host:port[,host:port]/master. Unset: in-process queue and memory state (one process only)',
    secret: true,
  },
  { name: 'METRICS_PORT', meaning: 'Port for /healthz, /readyz and /metrics; unset: no health server' },
  { name: 'LISBOT_STATE_DIR', default: '~/.lisbot', meaning: 'Where imported and synced KB versions and the KB status live' },
  { name: 'KB_SOURCES', meaning: 'Comma-separated URLs or paths of Microsoft matrix pages (markdown) for kb-sync' },
  { name: 'KB_SYNC_SCHEDULE', default: '0 6 * * *', meaning: 'Cron pattern (UTC) of the kb-sync job' },
  { name: 'CONTEXT_TTL_SECONDS', default: '900', meaning: 'How long a thread remembers its distro, version and feature' },
  { name: 'LISBOT_ADMINS', meaning: 'Comma-separated user ids allowed to manage digest subscriptions anywhere' },
  {
    name: 'LISBOT_HASH_SECRET',
    meaning: 'Salt of the user hash in stored feedback (16+ characters); unset: derived from the platform secrets',
    secret: true,
  },
  { name: 'ADMIN_USER', meaning: 'Queue dashboard user (with ADMIN_PASSWORD); unset: dashboard off' },
  { name: 'ADMIN_PASSWORD', meaning: 'Queue dashboard password', secret: true },
  { name: 'PORT', default: '3000', meaning: 'Slack HTTP receiver port (/slack/events)' },
  { name: 'SLACK_BOT_TOKEN', meaning: 'Slack bot token (xoxb-…); enables Slack', secret: true },
  { name: 'SLACK_APP_TOKEN', meaning: 'Slack app-level token (xapp-…); Socket Mode when set', secret: true },
  { name: 'SLACK_SIGNING_SECRET', meaning: 'Slack signing secret; required in HTTP mode', secret: true },
  { name: 'SLACK_API_URL', meaning: 'Override of the Slack Web API base URL (tests, proxies)' },
  { name: 'DISCORD_TOKEN', meaning: 'Discord bot token; enables Discord', secret: true },
  { name: 'DISCORD_APPLICATION_ID', meaning: 'Discord application id (snowflake)' },
  { name: 'DISCORD_API_URL', meaning: 'Override of the Discord REST base URL (tests, proxies)' },
  {
    name: 'DISCORD_MESSAGE_CONTENT',
    default: 'false',
    meaning: 'Answer @mentions in channels (needs the privileged Message Content intent)',
  },
  { name: 'WORKER_CONCURRENCY', default: '4', meaning: 'Jobs each worker process runs at once' },
  { name: 'CHECK_JOB_TIMEOUT_MS', default: '30000', meaning: 'Longest a guest check may run' },
  { name: 'UPLOAD_TTL_SECONDS', default: '3600', meaning: 'How long an upload waits in Redis for its check' },
  { name: 'CHECK_JOB_ATTEMPTS', default: '3', meaning: 'Attempts per guest-check job before it fails' },
  { name: 'JOB_BACKOFF_MS', default: '2000', meaning: 'First retry delay; doubles on each attempt' },
  {
    name: 'JOB_LOCK_DURATION_MS',
    default: '30000',
    meaning: "How long a job lock lives without renewal: a dead worker's job is recovered after it",
  },
  { name: 'JOB_STALLED_INTERVAL_MS', default: '15000', meaning: 'How often workers look for stalled jobs' },
  {
    name: 'WORKER_SHUTDOWN_TIMEOUT_MS',
    default: '10000',
    meaning: 'On SIGTERM, how long running jobs may finish before they go back to the queue',
  },
  { name: 'JOB_KEY_PREFIX', default: 'lisbot', meaning: 'Prefix of every queue key in Redis' },
];

const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int()
    .min(0)
    .max(65535);

/** The settings every role shares. Platform and queue settings are validated by their own modules. */
export const CoreEnv = z
  .object({
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent',
      })
      .default('info'),
    REDIS_URL: z
      .string()
      .regex(/^(rediss?|redis-sentinel):\/\/\S+$/, { error: 'REDIS_URL must be a redis://, rediss:// or redis-sentinel:// URL' })
      .optional(),
    METRICS_PORT: port('METRICS_PORT').optional(),
    CONTEXT_TTL_SECONDS: z.coerce
      .number({ error: 'CONTEXT_TTL_SECONDS must be a number of seconds' })
      .int()
      .min(10)
      .max(86_400)
      .default(900),
    KB_SOURCES: commaList(),
    KB_SYNC_SCHEDULE: z
      .string()
      .regex(/^(\S+\s+){4}\S+$/, { error: 'KB_SYNC_SCHEDULE must be a five-field cron pattern' })
      .default('0 6 * * *'),
    LISBOT_ADMINS: commaList(),
    LISBOT_HASH_SECRET: z.string().min(16, { error: 'LISBOT_HASH_SECRET must be at least 16 characters' }).optional(),
    ADMIN_USER: z.string().min(1).optional(),
    ADMIN_PASSWORD: z.string().min(12, { error: 'ADMIN_PASSWORD must be at least 12 characters' }).optional(),
  })
  .superRefine((env, ctx) => {
    if ((env.ADMIN_USER === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ADMIN_USER ? 'ADMIN_PASSWORD' : 'ADMIN_USER'],
        message: 'ADMIN_USER and ADMIN_PASSWORD go together (set both to enable the queue dashboard)',
      });
    }
  });
export type CoreSettings = z.infer<typeof CoreEnv>;

/** Empty strings count as unset, as a .env file with `NAME=` means. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''),
  );
}

export function coreSettingsFromEnv(env: NodeJS.ProcessEnv): CoreSettings {
  const result = CoreEnv.safeParse(withoutEmpty(env));
  if (!result.success) throw ConfigError.fromZod(result.error);
  return result.data;
}

/** The names of secret variables: loggers redact them and `config check` never prints their values. */
export const SECRET_VARS = ENV_VARS.filter((v) => v.secret).map((v) => v.name);
