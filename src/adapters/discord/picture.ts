import { renderAttachment } from '../../bot/attachments.ts';
import type { Reply } from '../../core/reply.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DiscordLogger } from './context.ts';
import type { DiscordMessage } from './render/embeds.ts';
import { UPLOAD_LIMIT_BYTES } from './render/limits.ts';

/**
 * Adds the reply's picture to a rendered message: uploaded as a file with its alt text (the attachment's
 * description) and shown as the embed's image. The embed's table stays as the text fallback. A picture that
 * fails to render or exceeds the upload limit is left out.
 */
export async function withPicture(message: DiscordMessage, reply: Reply, kb: KnowledgeBase, log: DiscordLogger): Promise<DiscordMessage> {
  const attachment = reply.attachments?.[0];
  if (!attachment) return message;
  try {
    const picture = await renderAttachment(kb, attachment, UPLOAD_LIMIT_BYTES);
    if (!picture) return message;
    const [first, ...rest] = message.embeds;
    const embeds = first ? [{ ...first, image: { url: `attachment://${picture.filename}` } }, ...rest] : message.embeds;
    return {
      ...message,
      embeds,
      files: [{ attachment: picture.data, name: picture.filename, description: picture.altText.slice(0, 1024) }],
    };
  } catch (error) {
    log.warn({ err: String(error) }, 'matrix picture failed; sending the text only');
    return message;
  }
}
