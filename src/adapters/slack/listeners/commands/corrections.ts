import { correctionsCommand } from '../../../../corrections/commands.ts';
import type { SlackDeps } from '../../deps.ts';
import { canManageChannel } from '../../digest.ts';
import { renderNotice } from '../../render/reply-blocks.ts';
import type { CommandArgs } from './lis.ts';

/** `/lis corrections on|off|status`: acked at once, the permission looked up, the answer sent privately. */
export async function onCorrectionsCommand(deps: SlackDeps, args: CommandArgs, words: readonly string[]): Promise<void> {
  const { command, ack, respond, client } = args;
  await ack({ response_type: 'ephemeral', ...renderNotice('Working on it…') });
  try {
    const changes = (words[0] ?? '').toLowerCase() === 'on' || (words[0] ?? '').toLowerCase() === 'off';
    const allowed = changes ? await canManageChannel(deps, client, command.user_id, command.channel_id) : false;
    const text = await correctionsCommand(deps.answers, words, { platform: 'slack', channel: command.channel_id }, allowed);
    await respond({ response_type: 'ephemeral', replace_original: true, ...renderNotice(text) });
  } catch (error) {
    deps.logger.error(`/lis corrections failed: ${String(error)}`);
    await respond({ response_type: 'ephemeral', ...renderNotice('Sorry, that failed. Try again shortly.') });
  }
}
