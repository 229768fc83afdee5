import * as z from 'zod';
import { ConfigError } from '../../config/errors.ts';

/** The variables whose presence turns the Slack adapter on. */
export const SLACK_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL'] as const;

export interface SlackSettings {
  readonly botToken: string;
  /** Set: Socket Mode. Unset: the HTTP receiver. */
  readonly appToken?: string;
  readonly signingSecret?: string;
  /** Web API base URL, ending in a slash (tests and proxies). */
  readonly apiUrl?: string;
  /** HTTP mode only; 0 picks a free port. */
  readonly port: number;
  /** User ids that may manage digests in any channel. */
  readonly admins: readonly string[];
  readonly mode: 'socket' | 'http';
}

const SETTING_ORDER = [...SLACK_VARIABLES, 'PORT', 'LISBOT_ADMINS'];

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

const SlackEnv = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string({ error: 'required once Slack is enabled (a bot token, xoxb-…)' })
      .regex(/^xoxb-[A-Za-z0-9-]+$/, { error: 'must be a bot token starting with xoxb-' }),
  ),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-[A-Za-z0-9-]+$/, { error: 'must be an app-level token starting with xapp-' })),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9]{16,128}$/, { error: "must be the signing secret from the app's Basic Information page" }),
  ),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })),
  PORT: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(3000),
  ),
  LISBOT_ADMINS: optional(
    z.string().refine(
      (list) =>
        list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .every((id) => /^[UW][A-Z0-9]{2,}$/.test(id)),
      { error: 'must be a comma-separated list of Slack user ids (U… or W…)' },
    ),
  ),
});

/**
 * Reads the Slack settings from the environment. Undefined when no Slack variable is set at all (Slack is off);
 * the settings when they are valid; otherwise a ConfigError naming every missing or bad variable, never a value.
 */
/**
 * `forPosting`: a worker only posts with the bot token, so it needs neither the signing secret nor Socket Mode's
 * app token that receiving events does.
 */
export function slackSettingsFromEnv(env: NodeJS.ProcessEnv, options: { forPosting?: boolean } = {}): SlackSettings | undefined {
  if (!SLACK_VARIABLES.some((name) => blankIsUnset(env[name]) !== undefined)) return undefined;
  const parsed = SlackEnv.safeParse(env);
  const issues = parsed.success ? [] : [...parsed.error.issues];
  if (!options.forPosting && blankIsUnset(env.SLACK_APP_TOKEN) === undefined && blankIsUnset(env.SLACK_SIGNING_SECRET) === undefined) {
    issues.push({
      code: 'custom',
      path: ['SLACK_SIGNING_SECRET'],
      message: 'required in HTTP mode (when SLACK_APP_TOKEN is not set)',
      input: undefined,
    });
  }
  if (!parsed.success || issues.length > 0) {
    const ordered = issues.sort((a, b) => SETTING_ORDER.indexOf(String(a.path[0])) - SETTING_ORDER.indexOf(String(b.path[0])));
    throw ConfigError.fromZod(new z.ZodError(ordered), 'Invalid Slack configuration');
  }
  const e = parsed.data;
  const apiUrl = e.SLACK_API_URL === undefined ? undefined : e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(apiUrl ? { apiUrl } : {}),
    port: e.PORT,
    admins: (e.LISBOT_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
  };
}
