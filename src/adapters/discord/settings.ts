import * as z from 'zod';
import { ConfigError } from '../../config/errors.ts';

/** The environment variables that configure the Discord adapter. Any one of them set means "Discord is wanted". */
export const DISCORD_VARIABLES = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_API_URL', 'DISCORD_MESSAGE_CONTENT'] as const;

const SNOWFLAKE = /^\d{17,20}$/;

/** Admin ids are shared with the other adapters, so any id-looking word is kept; "discord:123" names a Discord user. */
function adminList(text: string | undefined): string[] {
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((word) => word.trim())
        .filter(Boolean),
    ),
  ];
}

const Schema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is required (the bot token from the Developer Portal, Bot page)' })
    .trim()
    .min(1, { error: 'is required (the bot token from the Developer Portal, Bot page)' })
    .refine((token) => !/\s/.test(token), { error: 'must not contain spaces (paste only the token, without "Bot ")' }),
  DISCORD_APPLICATION_ID: z
    .string({ error: 'is required (the Application ID from the Developer Portal, General Information page)' })
    .trim()
    .regex(SNOWFLAKE, { error: 'must be a Discord id (17 to 20 digits)' }),
  DISCORD_API_URL: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? text.replace(/\/+$/, '') : undefined))
    .refine((url) => url === undefined || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(url), {
      error: 'must be an http(s) URL such as https://discord.com/api',
    }),
  DISCORD_MESSAGE_CONTENT: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? text : undefined))
    .pipe(z.stringbool({ error: 'must be true or false (also accepted: 1/0, yes/no, on/off)' }).optional())
    .transform((value) => value ?? false),
  LISBOT_ADMINS: z.string().optional().transform(adminList),
});

export interface DiscordSettings {
  readonly token: string;
  readonly applicationId: string;
  /** REST base override, e.g. "http://127.0.0.1:8080/api"; undefined means Discord's own. */
  readonly apiUrl: string | undefined;
  /** Read channel messages that @mention the bot (needs the privileged Message Content intent). */
  readonly messageContent: boolean;
  /** Users who may manage digests anywhere: bare ids or "discord:<id>". */
  readonly admins: readonly string[];
}

/**
 * Reads the Discord settings. Undefined when no Discord variable is set (the adapter is simply off);
 * throws ConfigError naming each bad or missing variable, never its value.
 */
export function discordSettingsFromEnv(env: NodeJS.ProcessEnv): DiscordSettings | undefined {
  if (!DISCORD_VARIABLES.some((name) => env[name]?.trim())) return undefined;
  const parsed = Schema.safeParse(
    {
      DISCORD_TOKEN: env.DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: env.DISCORD_APPLICATION_ID,
      DISCORD_API_URL: env.DISCORD_API_URL,
      DISCORD_MESSAGE_CONTENT: env.DISCORD_MESSAGE_CONTENT,
      LISBOT_ADMINS: env.LISBOT_ADMINS,
    },
    { reportInput: false },
  );
  if (!parsed.success) throw ConfigError.fromZod(parsed.error, 'Invalid Discord settings');
  const settings = parsed.data;
  return {
    token: settings.DISCORD_TOKEN,
    applicationId: settings.DISCORD_APPLICATION_ID,
    apiUrl: settings.DISCORD_API_URL,
    messageContent: settings.DISCORD_MESSAGE_CONTENT,
    admins: settings.LISBOT_ADMINS,
  };
}

/** True when the user is a lisbot admin on Discord: listed bare or as "discord:<id>". */
export function isAdmin(settings: Pick<DiscordSettings, 'admins'>, userId: string): boolean {
  return settings.admins.includes(userId) || settings.admins.includes(`discord:${userId}`);
}
