import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askAndRender } from '../../answer.ts';
import { conversationKey, type SlackDeps } from '../../deps.ts';
import { checkSharedFiles, type SlackFile } from '../../files.ts';
import { slackTextToPlain } from '../../render/escape.ts';

export type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** The fields of a DM message event lisbot reads (the event type is a union over every subtype). */
interface DirectMessage {
  readonly channel: string;
  readonly channel_type?: string;
  readonly subtype?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly files?: readonly SlackFile[];
}

/**
 * A direct message: a question is answered in place (in its thread if it was in one); an upload goes to the
 * guest check. Bot messages and every other subtype (edits, deletions, joins) are ignored.
 */
export async function onDirectMessage(deps: SlackDeps, { event, context, client, body }: MessageArgs): Promise<void> {
  const message = event as unknown as DirectMessage;
  if (message.channel_type !== 'im' || message.bot_id || !message.user) return;
  if (message.subtype !== undefined && message.subtype !== 'file_share') return;
  const team = context.teamId ?? body.team_id;
  if (message.files && message.files.length > 0) {
    await checkSharedFiles(
      deps,
      client,
      message.files,
      {
        platform: 'slack',
        channel: message.channel,
        ...(message.thread_ts ? { thread: message.thread_ts } : {}),
        ...(team ? { team } : {}),
      },
      message.user,
    );
    return;
  }
  const question = slackTextToPlain(message.text ?? '');
  if (!question) return;
  const { message: answer } = await askAndRender(
    deps,
    question,
    conversationKey(team, message.channel, message.thread_ts ?? message.user),
    message.user,
  );
  await client.chat.postMessage({
    channel: message.channel,
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    ...answer,
    unfurl_links: false,
    unfurl_media: false,
  });
}
