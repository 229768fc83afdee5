import type { webApi } from '@slack/bolt';
import { renderAttachment } from '../../bot/attachments.ts';
import type { Reply } from '../../core/reply.ts';
import type { SlackDeps } from './deps.ts';
import { UPLOAD_LIMIT_BYTES } from './render/limits.ts';

export interface PicturePlace {
  readonly channel: string;
  /** The thread the reply went to; the picture joins it. */
  readonly threadTs?: string;
}

/**
 * Uploads a reply's picture (files.uploadV2, with alt text) next to the reply that was just posted. The reply's
 * text and table already stand as the fallback, so a failed upload (no files:write scope, not in the channel)
 * is logged and reported as false, never thrown.
 */
export async function uploadPicture(
  deps: Pick<SlackDeps, 'bot' | 'logger'>,
  client: webApi.WebClient,
  reply: Reply,
  place: PicturePlace,
): Promise<boolean> {
  const attachment = reply.attachments?.[0];
  if (!attachment) return false;
  try {
    const picture = await renderAttachment(deps.bot.kb, attachment, UPLOAD_LIMIT_BYTES);
    if (!picture) return false;
    const file = { file: picture.data, filename: picture.filename, title: reply.title, alt_text: picture.altText };
    await client.files.uploadV2(
      place.threadTs ? { ...file, channel_id: place.channel, thread_ts: place.threadTs } : { ...file, channel_id: place.channel },
    );
    return true;
  } catch (error) {
    deps.logger.warn(`could not attach the matrix picture: ${String(error)}`);
    return false;
  }
}
