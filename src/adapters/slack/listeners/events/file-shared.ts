import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isDirectMessageChannel, type SlackDeps } from '../../deps.ts';
import { knownThread } from '../../dedupe.ts';
import { checkSharedFiles, type SlackFile } from '../../files.ts';

export type FileSharedArgs = SlackEventMiddlewareArgs<'file_shared'> & AllMiddlewareArgs;

interface Share {
  readonly ts?: string;
  readonly thread_ts?: string;
}

/**
 * A file shared in a channel thread lisbot answered in goes to the guest check, without a mention.
 * DMs are left to the message listener (the same file is claimed once either way).
 */
export async function onFileShared(deps: SlackDeps, { event, context, client, body }: FileSharedArgs): Promise<void> {
  const channel = event.channel_id;
  if (!channel || isDirectMessageChannel(channel)) return;
  const info = await client.files.info({ file: event.file_id });
  const file = info.file as (SlackFile & { shares?: Record<string, Record<string, Share[] | undefined> | undefined> }) | undefined;
  if (!file) return;
  const shares = [file.shares?.public?.[channel], file.shares?.private?.[channel]].flatMap((list) => list ?? []);
  let thread: string | undefined;
  for (const candidate of shares.map((s) => s.thread_ts)) {
    if (typeof candidate === 'string' && (await knownThread(deps, channel, candidate))) {
      thread = candidate;
      break;
    }
  }
  if (!thread) return;
  const team = context.teamId ?? body.team_id;
  await checkSharedFiles(deps, client, [file], { platform: 'slack', channel, thread, ...(team ? { team } : {}) }, event.user_id);
}
