import type { AnswerLedger } from '../../corrections/ledger.ts';
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import type { Bot } from '../../bot/bot.ts';
import type { DigestCommands } from '../../core/digest-commands.ts';
import type { GuestCheckRequests } from '../../core/guest-check-requests.ts';
import { MemoryDedupeStore, type DedupeStore } from '../../state/dedupe-store.ts';
import { MemoryFeedbackStore, type FeedbackStore } from '../../core/feedback-store.ts';
import { attachmentDownloader } from './attachments.ts';
import { ButtonState } from './button-state.ts';
import type { TextRefs } from '../../state/text-refs.ts';
import { SILENT_LOGGER, type AttachmentDownloader, type DiscordContext, type DiscordLogger } from './context.ts';
import { handleInteraction } from './interactions.ts';
import { handleMention } from './mentions.ts';
import type { DiscordSettings } from './settings.ts';

export interface DiscordAdapterOptions {
  readonly settings: DiscordSettings;
  readonly bot: Bot;
  readonly feedback?: FeedbackStore;
  readonly dedupe?: DedupeStore;
  /** Button payloads too long for a custom id: shared through Redis when replicas run. */
  readonly refs?: TextRefs;
  /** The guest check; without it `/lis check` explains how to check a VM locally. */
  readonly guestChecks?: GuestCheckRequests;
  /** Digest subscriptions; without them `/lis digest` answers through the bot's digest intent. */
  readonly digest?: DigestCommands;
  /** The answer ledger: `/lis corrections on|off` opts a channel in to corrections. */
  readonly answers?: AnswerLedger;
  readonly logger?: DiscordLogger;
  readonly download?: AttachmentDownloader;
  /** Answers still being worked on after this long are deferred; default 1,500 ms (Discord allows 3 s). */
  readonly deferAfterMs?: number;
  /** How long stop() waits for handlers in flight before destroying the client; default 5 s. */
  readonly drainMs?: number;
  /** Extra discord.js client options (tests shorten timeouts with these). */
  readonly clientOptions?: Partial<ClientOptions>;
}

/** The gateway intents lisbot asks for: Guilds only, unless channel @mentions are enabled. */
export function intentsFor(settings: Pick<DiscordSettings, 'messageContent'>): GatewayIntentBits[] {
  return settings.messageContent
    ? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]
    : [GatewayIntentBits.Guilds];
}

/** A discord.js Client as lisbot runs it: minimal intents, small caches, REST base from DISCORD_API_URL, no mentions. */
export function createDiscordClient(settings: DiscordSettings, extra: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: intentsFor(settings),
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 50,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
    }),
    ...extra,
    rest: { ...(settings.apiUrl ? { api: settings.apiUrl } : {}), ...extra.rest },
  });
}

/**
 * The Discord adapter: a gateway client whose interactions go to the `/lis` command registry and the
 * button handlers, and (when enabled) whose @mentions go to the bot. start() logs in and waits until
 * ready; stop() lets running handlers finish (bounded) and destroys the client.
 */
export class DiscordAdapter {
  readonly client: Client;
  readonly context: DiscordContext;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly drainMs: number;

  constructor(private readonly options: DiscordAdapterOptions) {
    const { settings } = options;
    this.client = createDiscordClient(settings, options.clientOptions);
    this.drainMs = options.drainMs ?? 5000;
    this.context = {
      bot: options.bot,
      admins: settings.admins,
      state: new ButtonState(options.refs),
      feedback: options.feedback ?? new MemoryFeedbackStore(),
      dedupe: options.dedupe ?? new MemoryDedupeStore(),
      guestChecks: options.guestChecks,
      digest: options.digest,
      answers: options.answers,
      download: options.download ?? attachmentDownloader({ extraOrigin: settings.apiUrl }),
      deferAfterMs: options.deferAfterMs ?? 1500,
      log: options.logger ?? SILENT_LOGGER,
    };
    this.client.on(Events.InteractionCreate, (interaction) => this.track(handleInteraction(interaction, this.context)));
    if (settings.messageContent) this.client.on(Events.MessageCreate, (message) => this.track(handleMention(message, this.context)));
    this.client.on(Events.Error, (error) => this.context.log.error({ err: error }, 'discord client error'));
    this.client.on(Events.Warn, (warning) => this.context.log.warn({ warning }, 'discord client warning'));
  }

  /** Logs in through the gateway and resolves once the client is ready. Rejects (and cleans up) when login fails. */
  async start(): Promise<void> {
    const abort = new AbortController();
    const ready = once(this.client, Events.ClientReady, { signal: abort.signal });
    try {
      await Promise.all([this.client.login(this.options.settings.token), ready]);
      this.context.log.info({ user: this.client.user?.id, guilds: this.client.guilds.cache.size }, 'discord ready');
    } catch (error) {
      abort.abort();
      await ready.catch(() => undefined);
      await this.client.destroy();
      if (error instanceof Error && /disallowed intents/i.test(error.message)) {
        throw new Error(
          'Discord refused the Message Content intent (DISCORD_MESSAGE_CONTENT=true): turn on "Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal, or unset DISCORD_MESSAGE_CONTENT.',
          { cause: error },
        );
      }
      throw error;
    }
  }

  /** True while the gateway session is up (for health checks). */
  ready(): boolean {
    return this.client.isReady();
  }

  /** Waits for handlers in flight (at most drainMs), then closes the gateway connection. */
  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.settled(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.drainMs);
      }),
    ]).finally(() => clearTimeout(timer));
    await this.client.destroy();
  }

  /** Resolves when every handler started so far has finished (tests use it to know the replies are out). */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.context.log.error({ err: error }, 'discord handler failed'))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
