import type { AnswerLedger } from '../../corrections/ledger.ts';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandSubcommandBuilder,
  SlashCommandSubcommandGroupBuilder,
} from 'discord.js';
import type { Bot } from '../../bot/bot.ts';
import type { DigestCommands } from '../../core/digest-commands.ts';
import type { GuestCheckRequests } from '../../core/guest-check-requests.ts';
import type { DedupeStore } from '../../state/dedupe-store.ts';
import type { FeedbackStore } from '../../core/feedback-store.ts';
import type { ButtonState } from './button-state.ts';

/** What the adapter logs through: pino's shape, so the lead's logger plugs in as is. */
export interface DiscordLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export const SILENT_LOGGER: DiscordLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Fetches an attachment from its (signed, expiring) CDN URL, refusing anything over maxBytes. */
export type AttachmentDownloader = (url: string, maxBytes: number) => Promise<Buffer>;

/** Everything a command, button or mention handler needs. One per adapter. */
export interface DiscordContext {
  readonly bot: Bot;
  /** Users allowed to manage digests anywhere (LISBOT_ADMINS). */
  readonly admins: readonly string[];
  readonly state: ButtonState;
  readonly feedback: FeedbackStore;
  readonly dedupe: DedupeStore;
  readonly guestChecks: GuestCheckRequests | undefined;
  readonly digest: DigestCommands | undefined;
  readonly answers?: AnswerLedger | undefined;
  readonly download: AttachmentDownloader;
  /** Work still running after this long is deferred (deferReply) and finished with editReply. */
  readonly deferAfterMs: number;
  readonly log: DiscordLogger;
}

/** One `/lis` subcommand (or subcommand group): its definition, its handler and, optionally, its autocomplete. */
export interface LisSubcommand {
  readonly name: string;
  readonly data: SlashCommandSubcommandBuilder | SlashCommandSubcommandGroupBuilder;
  execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void>;
}
