import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { conversationKey, isDirectMessageChannel, type SlackDeps } from '../../deps.ts';
import { claimOnce, rememberThread } from '../../dedupe.ts';
import { isChannelGone } from '../../poster.ts';
import { renderNotice, type SlackMessage } from '../../render/reply-blocks.ts';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Where a button was pressed. */
export interface ActionPlace {
  readonly team?: string;
  readonly channel?: string;
  readonly user: string;
  /** The message carrying the button, unless it was ephemeral. */
  readonly messageTs?: string;
  /** The thread that message is in. */
  readonly threadTs?: string;
  readonly ephemeral: boolean;
}

export function actionPlace(body: BlockAction): ActionPlace {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const container = body.container as { is_ephemeral?: boolean; channel_id?: string; message_ts?: string; thread_ts?: string };
  const channel = body.channel?.id ?? container.channel_id;
  const messageTs = message?.ts ?? container.message_ts;
  const threadTs = message?.thread_ts ?? container.thread_ts;
  return {
    ...((body.team?.id ?? body.user.team_id) ? { team: body.team?.id ?? body.user.team_id } : {}),
    ...(channel ? { channel } : {}),
    user: body.user.id,
    ...(messageTs ? { messageTs } : {}),
    ...(threadTs ? { threadTs } : {}),
    ephemeral: container.is_ephemeral === true || message === undefined,
  };
}

/**
 * The conversation a button continues: the thread its message is in (every mention answer is in one), else the
 * presser's own context in that channel, which is where `/lis` answers and DMs keep theirs.
 */
export function actionConversation(place: ActionPlace): string {
  return conversationKey(place.team, place.channel ?? 'C?', place.threadTs ?? place.user);
}

/**
 * Posts a button's result next to the button: in the message's thread (a DM's main view for top-level DM messages).
 * On an ephemeral message, or where lisbot cannot post, it answers through response_url, visible to the presser only.
 */
export async function deliver(
  deps: SlackDeps,
  args: ButtonArgs,
  place: ActionPlace,
  message: SlackMessage,
): Promise<{ channel: string; threadTs?: string } | undefined> {
  if (place.channel && !place.ephemeral && place.messageTs) {
    const thread = place.threadTs ?? (isDirectMessageChannel(place.channel) ? undefined : place.messageTs);
    try {
      await args.client.chat.postMessage({
        channel: place.channel,
        ...(thread ? { thread_ts: thread } : {}),
        ...message,
        unfurl_links: false,
        unfurl_media: false,
      });
      if (thread) await rememberThread(deps, place.channel, thread);
      return { channel: place.channel, ...(thread ? { threadTs: thread } : {}) };
    } catch (error) {
      if (!isChannelGone(error)) throw error;
    }
  }
  await args.respond({ response_type: 'ephemeral', replace_original: false, ...message });
  return undefined;
}

/**
 * Wraps a button handler: ack at once, drop a repeated trigger, and tell the presser when something failed.
 */
export async function handleButton(deps: SlackDeps, args: ButtonArgs, work: (place: ActionPlace) => Promise<void>): Promise<void> {
  await args.ack();
  if (args.body.trigger_id && !(await claimOnce(deps, `slack:action:${args.body.trigger_id}`))) return;
  const place = actionPlace(args.body);
  try {
    await work(place);
  } catch (error) {
    deps.logger.error(`button ${args.action.action_id} failed: ${String(error)}`);
    await args
      .respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice('Sorry, that button failed. Try again shortly.') })
      .catch(() => undefined);
  }
}
