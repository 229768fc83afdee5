import { webApi, type Logger } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import { ChannelGoneError, type PostOptions, type PostedMessage, type ReplyPoster, type ReplyTarget } from '../../core/delivery.ts';
import { renderReply } from './render/reply-blocks.ts';
import type { SlackSettings } from './settings.ts';

/** The metadata event type that marks a job's message with its delivery (see PostOptions.marker). */
export const DELIVERY_EVENT = 'lisbot_delivery';
const FIND_PAGE_SIZE = 200;
const FIND_PAGES = 5;

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

  async post(target: ReplyTarget, reply: Reply, options: PostOptions = {}): Promise<PostedMessage> {
    const message = renderReply(reply, { question: reply.title });
    const result = await this.call(() =>
      this.client.chat.postMessage({
        channel: target.channel,
        ...(target.thread ? { thread_ts: target.thread } : {}),
        ...message,
        ...(options.marker ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { delivery: options.marker } } } : {}),
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!result.ts) throw new Error('chat.postMessage returned no ts');
    return { id: result.ts };
  }

  /**
   * The message lisbot posted with `marker` in its metadata: read from the thread (conversations.replies) or the
   * channel since `sinceMs` (conversations.history), newest pages first, a bounded number of pages.
   */
  async find(target: ReplyTarget, marker: string, sinceMs: number): Promise<PostedMessage | undefined> {
    const oldest = (Math.max(0, sinceMs) / 1000).toFixed(6);
    let cursor: string | undefined;
    for (let page = 0; page < FIND_PAGES; page++) {
      const result = await this.call(() =>
        target.thread
          ? this.client.conversations.replies({
              channel: target.channel,
              ts: target.thread,
              oldest,
              include_all_metadata: true,
              limit: FIND_PAGE_SIZE,
              ...(cursor ? { cursor } : {}),
            })
          : this.client.conversations.history({
              channel: target.channel,
              oldest,
              include_all_metadata: true,
              limit: FIND_PAGE_SIZE,
              ...(cursor ? { cursor } : {}),
            }),
      );
      const found = result.messages?.find(
        (m) => m.metadata?.event_type === DELIVERY_EVENT && markerOf(m.metadata.event_payload) === marker,
      );
      if (found?.ts) return { id: found.ts };
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
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

function markerOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>).delivery : undefined;
}
