import { DiscordAPIError, HTTPError, Routes, type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { commandDefinitions } from './commands/registry.ts';
import { restClient } from './poster.ts';
import type { DiscordSettings } from './settings.ts';

export interface DeployOptions {
  /** Register in one guild (instant, for testing) instead of globally. */
  readonly guildId?: string;
  /** Defaults to a REST client from the settings. */
  readonly rest?: REST;
  /** Defaults to the `/lis` command. */
  readonly commands?: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

export interface DeployResult {
  readonly scope: 'global' | 'guild';
  readonly guildId?: string;
  /** "unchanged": what Discord has equals ours, nothing was written. */
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly commands: readonly string[];
}

/** Discord refused or could not be reached; the message says what to check and carries no secret. */
export class DeployError extends Error {
  override name = 'DeployError';
}

function explain(error: unknown): Error {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const hint =
      error.status === 401
        ? ' Check DISCORD_TOKEN.'
        : error.status === 403 || error.status === 404
          ? ' Check DISCORD_APPLICATION_ID, and for --guild that the app is in that server with the applications.commands scope.'
          : '';
    return new DeployError(
      `Discord answered ${error.status} to ${error.method} ${error.url.replace(/^https?:\/\/[^/]+/, '')}: ${error.message}.${hint}`,
      { cause: error },
    );
  }
  return new DeployError(`Could not reach Discord: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Fields Discord fills in or echoes with defaults; missing and default mean the same. */
const DEFAULTS: Record<string, Json> = {
  required: false,
  autocomplete: false,
  nsfw: false,
  default_member_permissions: null,
  name_localizations: null,
  description_localizations: null,
  dm_permission: true,
  type: 1,
};
/** Fields that are Discord's own bookkeeping, not part of the definition. */
const IGNORED = new Set(['id', 'application_id', 'guild_id', 'version', 'default_permission', 'handler']);
/** Command-level fields Discord sets when we leave them out; compared only when ours sets them. */
const SERVER_DEFAULTED = new Set(['contexts', 'integration_types']);

function normalise(value: unknown, top = false, ours?: Record<string, unknown>): Json {
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value as Json;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value).sort()) {
    if (IGNORED.has(key)) continue;
    if (top && SERVER_DEFAULTED.has(key) && ours && ours[key] === undefined) continue;
    let item = normalise((value as Record<string, unknown>)[key]);
    if (
      item !== null &&
      typeof item === 'object' &&
      !Array.isArray(item) &&
      Object.keys(item).length === 0 &&
      key.endsWith('_localizations')
    )
      item = null;
    const fallback = DEFAULTS[key];
    if (item === null || (fallback !== undefined && JSON.stringify(item) === JSON.stringify(fallback))) continue;
    if (key === 'options' && Array.isArray(item) && item.length === 0) continue;
    out[key] = item;
  }
  return out;
}

/** The comparable form of a command list: keyed by name, server-filled fields and defaults dropped. */
export function normaliseCommands(commands: readonly unknown[], ours: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): string {
  const byName = new Map(ours.map((command) => [command.name, command as unknown as Record<string, unknown>]));
  const normalised = commands
    .map((command) => {
      const name = (command as { name?: unknown }).name;
      return normalise(command, true, typeof name === 'string' ? (byName.get(name) ?? {}) : {});
    })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return JSON.stringify(normalised);
}

/**
 * Registers the commands (`lisbot discord deploy`). Reads what Discord has, and bulk-overwrites only when
 * it differs from ours, so repeated deploys do not spend the 200-creates-a-day allowance.
 */
export async function deployCommands(
  settings: Pick<DiscordSettings, 'token' | 'apiUrl' | 'applicationId'>,
  options: DeployOptions = {},
): Promise<DeployResult> {
  const rest = options.rest ?? restClient(settings);
  const commands = options.commands ?? commandDefinitions();
  const route = options.guildId
    ? Routes.applicationGuildCommands(settings.applicationId, options.guildId)
    : Routes.applicationCommands(settings.applicationId);
  const scope = options.guildId ? { scope: 'guild' as const, guildId: options.guildId } : { scope: 'global' as const };
  const names = commands.map((c) => c.name);
  try {
    const registered = (await rest.get(route)) as unknown[];
    if (normaliseCommands(registered, commands) === normaliseCommands(commands, commands))
      return { ...scope, action: 'unchanged', commands: names };
    await rest.put(route, { body: commands });
    return { ...scope, action: registered.length ? 'updated' : 'created', commands: names };
  } catch (error) {
    throw explain(error);
  } finally {
    if (!options.rest) {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    }
  }
}
