// Raw gateway payloads for INTERACTION_CREATE and MESSAGE_CREATE, shaped like Discord's (API v10).
import { snowflake, type FakeDiscord, type FakeFile } from './fake-discord.ts';

type Json = Record<string, unknown>;

export const ASKER = {
  id: '1200000000000000001',
  username: 'hyperv-admin',
  discriminator: '0',
  global_name: 'Hyper-V admin',
  avatar: null,
  flags: 0,
};
export const COMMAND_ID = '1200000000000000100';

/** Permission bits as Discord sends them (strings). */
export const PERMISSIONS = { none: '0', manageChannels: String(1n << 4n) } as const;

export interface OptionValue {
  readonly name: string;
  /** 3 string, 4 integer, 5 boolean, 11 attachment. */
  readonly type: number;
  readonly value: string | number | boolean;
  readonly focused?: boolean;
}

export interface InteractionOptions {
  readonly user?: typeof ASKER;
  readonly permissions?: string;
}

function base(fake: FakeDiscord, type: number, options: InteractionOptions): Json & { id: string; token: string } {
  const id = snowflake();
  const user = options.user ?? ASKER;
  return {
    id,
    application_id: fake.applicationId,
    type,
    token: `itok-${id}`,
    version: 1,
    guild_id: fake.guildId,
    channel_id: fake.channelId,
    channel: fake.channelPayload(),
    member: {
      user,
      roles: [],
      permissions: options.permissions ?? PERMISSIONS.none,
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
      communication_disabled_until: null,
    },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': fake.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

function commandData(
  subcommand: string,
  options: readonly OptionValue[],
  group: string | undefined,
  files: readonly FakeFile[],
  fake: FakeDiscord,
): Json {
  const sub = {
    type: 1,
    name: subcommand,
    options: options.map((o) => ({ name: o.name, type: o.type, value: o.value, ...(o.focused ? { focused: true } : {}) })),
  };
  return {
    id: COMMAND_ID,
    name: 'lis',
    type: 1,
    guild_id: fake.guildId,
    options: group ? [{ type: 2, name: group, options: [sub] }] : [sub],
    ...(files.length ? { resolved: { attachments: Object.fromEntries(files.map((file) => [file.id, file])) } } : {}),
  };
}

/** A `/lis <subcommand>` (type 2 APPLICATION_COMMAND) interaction. */
export function slashCommand(
  fake: FakeDiscord,
  subcommand: string,
  options: readonly OptionValue[] = [],
  extra: InteractionOptions & { group?: string; files?: readonly FakeFile[] } = {},
): Json & { id: string; token: string } {
  return { ...base(fake, 2, extra), data: commandData(subcommand, options, extra.group, extra.files ?? [], fake) };
}

/** A type 4 APPLICATION_COMMAND_AUTOCOMPLETE interaction; one option carries focused: true. */
export function autocomplete(
  fake: FakeDiscord,
  subcommand: string,
  options: readonly OptionValue[],
  extra: InteractionOptions = {},
): Json & { id: string; token: string } {
  return { ...base(fake, 4, extra), data: commandData(subcommand, options, undefined, [], fake) };
}

/** A type 3 MESSAGE_COMPONENT interaction: a button pressed on a message lisbot sent. */
export function buttonPress(
  fake: FakeDiscord,
  message: Json,
  customId: string,
  extra: InteractionOptions = {},
): Json & { id: string; token: string } {
  return { ...base(fake, 3, extra), message, data: { custom_id: customId, component_type: 2 } };
}

export function str(name: string, value: string, focused = false): OptionValue {
  return { name, type: 3, value, focused };
}

export function attachmentOption(name: string, file: FakeFile): OptionValue {
  return { name, type: 11, value: file.id };
}

/** A MESSAGE_CREATE in the fake's channel, from the asker. */
export function channelMessage(fake: FakeDiscord, content: string, mentions: readonly Json[] = []): Json {
  return {
    id: snowflake(),
    channel_id: fake.channelId,
    guild_id: fake.guildId,
    author: ASKER,
    member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions,
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
    components: [],
  };
}
