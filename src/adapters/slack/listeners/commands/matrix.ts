import { matrixReply } from '../../../../bot/handlers/matrix.ts';
import { parseMatrixRequest } from '../../../../bot/matrix-request.ts';
import type { SlackDeps } from '../../deps.ts';
import { uploadPicture } from '../../picture.ts';
import { renderNotice, renderReply } from '../../render/reply-blocks.ts';
import type { CommandArgs } from './lis.ts';

/**
 * `/lis matrix DISTRO [host] [as of DATE]`: the table in the channel at once (inside the ack), then its picture
 * uploaded beside it. Where the picture cannot be uploaded, the asker is told privately; the table stands.
 */
export async function onMatrixCommand(deps: SlackDeps, args: CommandArgs, words: readonly string[]): Promise<void> {
  const { command, ack, respond, client } = args;
  const request = parseMatrixRequest(deps.bot.kb, words.join(' '));
  if (!request.ok) {
    await ack({ response_type: 'ephemeral', ...renderNotice(request.error) });
    return;
  }
  const reply = matrixReply(deps.bot.kb, request.family, request.host, request.asOf);
  // A matrix as of a date is not paged: "show more" would rebuild the current one.
  const more = request.asOf ? undefined : { m: `matrix:${request.family}${request.host ? `:${request.host}` : ''}` };
  await ack({ response_type: 'in_channel', ...renderReply(reply, { feedback: false, ...(more ? { more } : {}) }) });
  if (!reply.attachments?.length) return;
  const uploaded = await uploadPicture(deps, client, reply, { channel: command.channel_id });
  if (!uploaded) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...renderNotice(
        'I could not attach the matrix picture here (invite me to the channel, or ask in a DM). The table above has the same facts.',
      ),
    });
  }
}
