import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { knownThread } from '../../dedupe.ts';
import { isDirectMessageChannel, type SlackDeps } from '../../deps.ts';
import { checkSharedFiles, type SlackFile } from '../../files.ts';

export type ThreadMessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

interface ChannelMessage {
  readonly channel: string;
  readonly subtype?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly thread_ts?: string;
  readonly files?: readonly SlackFile[];
}

/**
 * An upload dropped into a channel thread lisbot answered in, without a mention (message.channels / message.groups):
 * it goes to the guest check, on whichever replica receives it, since the answered threads are shared. Mentions are
 * the app_mention listener's; text without a mention is people talking to each other and is left alone.
 */
export async function onThreadUpload(deps: SlackDeps, { event, context, client, body }: ThreadMessageArgs): Promise<void> {
  const message = event as unknown as ChannelMessage;
  if (isDirectMessageChannel(message.channel) || message.bot_id || !message.user || !message.thread_ts) return;
  if (message.subtype !== 'file_share' || !message.files?.length) return;
  const botUser = context.botUserId;
  if (botUser && message.text?.includes(`<@${botUser}>`)) return;
  if (!(await knownThread(deps, message.channel, message.thread_ts))) return;
  const team = context.teamId ?? body.team_id;
  await checkSharedFiles(
    deps,
    client,
    message.files,
    { platform: 'slack', channel: message.channel, thread: message.thread_ts, ...(team ? { team } : {}) },
    message.user,
  );
}
