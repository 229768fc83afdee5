import type { KnowledgeBase } from '../knowledge/index.ts';
import { renderMatrixPictureAsync } from '../knowledge/render/matrix-picture.ts';
import type { ReplyAttachment } from '../core/reply.ts';

/** An attachment's bytes, ready for a platform's upload. */
export interface RenderedAttachment {
  readonly filename: string;
  readonly contentType: 'image/png';
  readonly data: Buffer;
  readonly altText: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Renders a reply's attachment for upload. Undefined when it cannot be drawn (no page lists the family)
 * or it would exceed the platform's upload limit: the reply's text then stands alone.
 */
export async function renderAttachment(
  kb: KnowledgeBase,
  attachment: ReplyAttachment,
  maxBytes: number,
): Promise<RenderedAttachment | undefined> {
  const picture = await renderMatrixPictureAsync(kb, attachment.family, { host: attachment.host, asOf: attachment.asOf });
  if (!picture || picture.png.length > maxBytes) return undefined;
  return {
    filename: attachment.filename,
    contentType: 'image/png',
    data: picture.png,
    altText: attachment.altText,
    width: picture.width,
    height: picture.height,
  };
}
