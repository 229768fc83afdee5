import type { webApi } from '@slack/bolt';
import { collectorScript } from '../../check/collector/index.ts';
import { isDirectMessageChannel, type SlackDeps } from './deps.ts';

export const COLLECTOR_FILE_NAME = 'lis-collect.sh';

export const COLLECTOR_HOW_TO =
  'Run it in the guest: `sudo sh lis-collect.sh > lischeck.txt` (read-only: it writes nothing but its report, and hides host names, addresses and user names). Then upload lischeck.txt in a DM with me, or in the thread where I answered you.';

export type Sent = { readonly ok: true; readonly channel: string } | { readonly ok: false; readonly reason: string };

/**
 * Sends the collector script as a file to the user's DM with lisbot (the one place it can always post a file;
 * an ephemeral slash-command reply cannot carry one).
 */
export async function sendCollector(
  deps: Pick<SlackDeps, 'logger'>,
  client: webApi.WebClient,
  user: string,
  channel?: string,
): Promise<Sent> {
  try {
    const dm = isDirectMessageChannel(channel) && channel ? channel : (await client.conversations.open({ users: user })).channel?.id;
    if (!dm) return { ok: false, reason: 'I could not open a direct message with you to send the collector script.' };
    await client.files.uploadV2({
      channel_id: dm,
      content: collectorScript(),
      filename: COLLECTOR_FILE_NAME,
      title: `${COLLECTOR_FILE_NAME} (read-only Hyper-V guest collector)`,
      initial_comment: COLLECTOR_HOW_TO.replace(/`/g, ''),
      snippet_type: 'shell',
    });
    return { ok: true, channel: dm };
  } catch (error) {
    deps.logger.warn(`could not send the collector script: ${String(error)}`);
    return {
      ok: false,
      reason:
        'I could not send you the collector script (lisbot may lack the files:write or im:write scope). Run "lisbot collector" on any machine with lisbot installed to get it.',
    };
  }
}
