import { webApi, type Logger } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import { ChannelGoneError, type PostedMessage, type ReplyPoster, type ReplyTarget } from '../../core/delivery.ts';
import { renderReply } from './render/reply-blocks.ts';
import type { SlackSettings } from './settings.ts';

/** Slack errors that mean lisbot can no longer post there: retrying cannot help. */
export const CHANNEL_GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'team_access_not_granted',
  'channel_is_archived',
]);

export function slackErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; data?: { error?: unknown } } | undefined;
  return e?.code === webApi.ErrorCode.PlatformError && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

export function isChannelGone(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && CHANNEL_GONE_ERRORS.has(code);
}

/**
 * Web API client options for lisbot: a few quick retries on network and server errors, and waiting out a 429's
 * Retry-After (the client pauses its queue and retries) instead of failing.
 */
export function slackClientOptions(settings: Pick<SlackSettings, 'apiUrl'>, logger?: Logger): webApi.WebClientOptions {
  return {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    ...(logger ? { logger } : {}),
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true },
    rejectRateLimitedCalls: false,
    timeout: 15_000,
  };
}

/**
 * Posts job results (guest-check reports, digests) with chat.postMessage and edits them with chat.update.
 * One workspace per token: a target's `team` is not used.
 */
export class SlackReplyPoster implements ReplyPoster {
  readonly platform = 'slack' as const;

  constructor(private readonly client: webApi.WebClient) {}

  static fromSettings(settings: Pick<SlackSettings, 'botToken' | 'apiUrl'>, logger?: Logger): SlackReplyPoster {
    return new SlackReplyPoster(new webApi.WebClient(settings.botToken, slackClientOptions(settings, logger)));
  }

  async post(target: ReplyTarget, reply: Reply): Promise<PostedMessage> {
    const message = renderReply(reply, { question: reply.title });
    const result = await this.call(() =>
      this.client.chat.postMessage({
        channel: target.channel,
        ...(target.thread ? { thread_ts: target.thread } : {}),
        ...message,
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!result.ts) throw new Error('chat.postMessage returned no ts');
    return { id: result.ts };
  }

  async update(target: ReplyTarget, message: PostedMessage, reply: Reply): Promise<void> {
    await this.call(() =>
      this.client.chat.update({ channel: target.channel, ts: message.id, ...renderReply(reply, { question: reply.title }) }),
    );
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (isChannelGone(error)) throw new ChannelGoneError(`Slack refused the post: ${slackErrorCode(error)}`, { cause: error });
      throw error;
    }
  }
}
