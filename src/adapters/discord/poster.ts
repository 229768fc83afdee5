import { DiscordAPIError, REST, Routes, type APIMessage } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import { ChannelGoneError, type PostedMessage, type ReplyPoster, type ReplyTarget } from '../../core/delivery.ts';
import { renderReply, type DiscordMessage } from './render/embeds.ts';
import type { DiscordSettings } from './settings.ts';

/** Discord error codes that mean the channel is gone or lisbot can no longer see it: retrying cannot help. */
export const CHANNEL_GONE_CODES: ReadonlySet<number> = new Set([
  10003, // Unknown Channel
  50001, // Missing Access
]);

/** The REST body of a channel message: snake_case, and never a mention. */
export function restBody(message: DiscordMessage): Record<string, unknown> {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: { parse: [] },
  };
}

export function restClient(settings: Pick<DiscordSettings, 'token' | 'apiUrl'>): REST {
  return new REST(settings.apiUrl ? { api: settings.apiUrl } : {}).setToken(settings.token);
}

/**
 * Posts and edits job results (guest-check reports, digests) over Discord's REST API with the bot token,
 * with no gateway connection: workers use it. Buttons that need in-process state are left out, since a
 * worker is not the process that handles the presses; matrix and check-vm buttons stay.
 */
export class DiscordReplyPoster implements ReplyPoster {
  readonly platform = 'discord' as const;

  constructor(
    private readonly rest: REST,
    private readonly footer?: () => string,
    private readonly applicationId?: string,
  ) {}

  static fromSettings(
    settings: Pick<DiscordSettings, 'token' | 'apiUrl'> & Partial<Pick<DiscordSettings, 'applicationId'>>,
    footer?: () => string,
  ): DiscordReplyPoster {
    return new DiscordReplyPoster(restClient(settings), footer, settings.applicationId);
  }

  async post(target: ReplyTarget, reply: Reply): Promise<PostedMessage> {
    if (target.interaction && this.applicationId) {
      // The deferred reply ("Checking…") becomes the result, as Slack's progress message does; editing it twice
      // gives the same message, so a retry cannot make a second one.
      try {
        const edited = (await this.rest.patch(Routes.webhookMessage(this.applicationId, target.interaction, '@original'), {
          // The "Checking…" text goes: an edit keeps any field it does not name.
          body: { content: '', ...this.body(reply) },
          auth: false,
        })) as APIMessage;
        return { id: edited.id };
      } catch (error) {
        if (!isExpiredInteraction(error)) throw error;
        // Older than 15 minutes, or the reply was deleted: the result goes to the channel instead.
      }
    }
    const message = (await this.call(() =>
      this.rest.post(Routes.channelMessages(channelOf(target)), { body: this.body(reply) }),
    )) as APIMessage;
    return { id: message.id };
  }

  async update(target: ReplyTarget, message: PostedMessage, reply: Reply): Promise<void> {
    await this.call(() => this.rest.patch(Routes.channelMessage(channelOf(target), message.id), { body: this.body(reply) }));
  }

  private body(reply: Reply): Record<string, unknown> {
    const footer = this.footer?.();
    return restBody(renderReply(reply, footer ? { footer } : {}));
  }

  private async call(request: () => Promise<unknown>): Promise<unknown> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof DiscordAPIError && typeof error.code === 'number' && CHANNEL_GONE_CODES.has(error.code)) {
        throw new ChannelGoneError(`Discord channel unavailable: ${error.message} (${error.code})`, { cause: error });
      }
      throw error;
    }
  }
}

/** Discord's answers for an interaction token that expired (15 minutes) or whose reply is gone. */
const EXPIRED_INTERACTION_CODES: ReadonlySet<number> = new Set([
  10008, // Unknown Message
  10015, // Unknown Webhook
  50027, // Invalid Webhook Token
]);

function isExpiredInteraction(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    ((typeof error.code === 'number' && EXPIRED_INTERACTION_CODES.has(error.code)) || error.status === 401 || error.status === 404)
  );
}

/** Discord threads are channels: a thread target posts into the thread itself. */
function channelOf(target: ReplyTarget): string {
  if (target.platform !== 'discord') throw new Error(`DiscordReplyPoster cannot post to ${target.platform}`);
  return target.thread ?? target.channel;
}
