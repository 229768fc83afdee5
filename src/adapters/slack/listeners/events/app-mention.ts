import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askAndRender } from '../../answer.ts';
import { conversationKey, isDirectMessageChannel, type SlackDeps } from '../../deps.ts';
import { rememberThread } from '../../dedupe.ts';
import { checkSharedFiles, type SlackFile } from '../../files.ts';
import { slackTextToPlain } from '../../render/escape.ts';

export type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/**
 * @lisbot in a channel: the answer goes into the thread (a new one under the mention, or the one it was in),
 * and the thread is the conversation, so follow-ups there keep their context. Files shared with the mention
 * go to the guest check.
 */
export async function onAppMention(deps: SlackDeps, { event, context, client, body }: MentionArgs): Promise<void> {
  if (isDirectMessageChannel(event.channel) || event.bot_id) return;
  const thread = event.thread_ts ?? event.ts;
  const team = context.teamId ?? body.team_id;
  await rememberThread(deps, event.channel, thread);
  const files = (event.files ?? []) as readonly SlackFile[];
  if (files.length > 0) {
    await checkSharedFiles(
      deps,
      client,
      files,
      { platform: 'slack', channel: event.channel, thread, ...(team ? { team } : {}) },
      event.user,
    );
    return;
  }
  const question = slackTextToPlain(event.text) || 'help';
  const { message } = await askAndRender(deps, question, conversationKey(team, event.channel, thread), event.user);
  await client.chat.postMessage({ channel: event.channel, thread_ts: thread, ...message, unfurl_links: false, unfurl_media: false });
}
