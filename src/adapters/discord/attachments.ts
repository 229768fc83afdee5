import type { AttachmentDownloader } from './context.ts';

/** Where Discord serves attachments from. */
export const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'] as const;

/** A download that failed in a way worth telling the user about; the message names no URL. */
export class AttachmentError extends Error {
  override name = 'AttachmentError';
}

export interface DownloaderOptions {
  /** Extra allowed origin, e.g. the DISCORD_API_URL override's, where a fake or proxy serves attachments. */
  readonly extraOrigin?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

function allowed(url: URL, extraOrigin: string | undefined): boolean {
  if (extraOrigin && url.origin === extraOrigin) return true;
  return url.protocol === 'https:' && (DISCORD_CDN_HOSTS as readonly string[]).includes(url.hostname);
}

/**
 * Downloads attachments only from Discord's CDN (or the configured override origin), with a timeout,
 * no redirects, and a byte limit enforced while reading, whatever Content-Length claims.
 */
export function attachmentDownloader(options: DownloaderOptions = {}): AttachmentDownloader {
  const doFetch = options.fetch ?? fetch;
  const extraOrigin = options.extraOrigin ? new URL(options.extraOrigin).origin : undefined;
  return async (url, maxBytes) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new AttachmentError('The attachment link is not valid.');
    }
    if (!allowed(parsed, extraOrigin)) throw new AttachmentError("The attachment is not on Discord's CDN.");
    const response = await doFetch(parsed, { redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs ?? 20_000) }).catch(() => {
      throw new AttachmentError('The attachment could not be downloaded.');
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new AttachmentError(`The attachment could not be downloaded (HTTP ${response.status}).`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body.cancel();
      throw new AttachmentError('The attachment is larger than the limit.');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) throw new AttachmentError('The attachment is larger than the limit.');
        chunks.push(Buffer.from(value));
      }
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error instanceof AttachmentError ? error : new AttachmentError('The attachment download was interrupted.');
    }
    return Buffer.concat(chunks);
  };
}
