import type { webApi } from '@slack/bolt';
import type { ReplyTarget } from '../../core/delivery.ts';
import { MAX_UPLOAD_BYTES } from '../../check/parse/limits.ts';
import type { SubmitResult } from '../../core/guest-check-requests.ts';
import { claimOnce } from './dedupe.ts';
import type { SlackDeps } from './deps.ts';
import { renderNotice } from './render/reply-blocks.ts';

/** The parts of a Slack file object lisbot reads. */
export interface SlackFile {
  readonly id: string;
  readonly name?: string;
  readonly size?: number;
  readonly mimetype?: string;
  readonly url_private?: string;
  readonly url_private_download?: string;
}

export type Download = { readonly ok: true; readonly content: Buffer } | { readonly ok: false; readonly reason: string };

/** Slack attaches at most 10 files to one message; every one of them is checked. */
const MAX_FILES_PER_MESSAGE = 10;
const DOWNLOAD_TIMEOUT_MS = 30_000;

/** Megabytes with one decimal, rounded up, so a file just over the limit never reads as equal to it. */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

function tooBig(name: string, size?: number): string {
  return `${name}${size === undefined ? '' : ` is ${megabytes(size)}, which`} is over the ${megabytes(MAX_UPLOAD_BYTES)} limit for a guest check. The collector's report is usually a few kilobytes: upload the report itself (lischeck.txt), not a tarball or a full log.`;
}

/**
 * Downloads a private Slack file with the bot token, refusing it before or while reading once it passes maxBytes,
 * and refusing an HTML page (Slack's login page, when the token lacks files:read).
 */
export async function downloadSlackFile(
  fetchFn: typeof fetch,
  url: string,
  token: string,
  maxBytes: number,
  name = 'The file',
): Promise<Download> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { Authorization: `Bearer ${token}` },
      redirect: 'follow',
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    return {
      ok: false,
      reason: `I could not download ${name} from Slack (${error instanceof Error ? error.name : 'error'}). Try uploading it again.`,
    };
  }
  const refuse = async (reason: string): Promise<Download> => {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason };
  };
  if (!response.ok) return refuse(`Slack answered ${response.status} when I downloaded ${name}. Try uploading it again.`);
  if (/text\/html/i.test(response.headers.get('content-type') ?? '')) {
    return refuse(
      `Slack sent a sign-in page instead of ${name}: lisbot's token cannot read files. An admin needs to add the files:read scope and reinstall the app.`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return refuse(tooBig(name, declared));
  if (!response.body) return { ok: true, content: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: tooBig(name) };
    }
    chunks.push(Buffer.from(value));
  }
  return { ok: true, content: Buffer.concat(chunks, total) };
}

/** A file name fit to quote in a notice: no control, bidi or zero-width characters, and not absurdly long. */
export function displayName(name: string | undefined): string {
  const clean = (name ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\ud800-\udfff]/g, (c, i: number, s: string) => {
      const code = c.charCodeAt(0);
      const pair = code < 0xdc00 ? /[\udc00-\udfff]/.test(s[i + 1] ?? '') : /[\ud800-\udbff]/.test(s[i - 1] ?? '');
      return pair ? c : '';
    })
    .trim();
  if (!clean) return 'the file';
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}

function submitNotice(name: string, result: SubmitResult): string {
  switch (result.status) {
    case 'queued':
      return `Checking ${name}… I'll post the report here when it's done.`;
    case 'duplicate':
      return `I'm already checking ${name}; the report will appear here.`;
    case 'unavailable':
      return `I can't check ${name} right now: ${result.message}`;
    case 'rejected':
      return `I can't check ${name}: ${result.message}`;
  }
}

type PreparedUpload =
  { readonly kind: 'notice'; readonly text: string } | { readonly kind: 'upload'; readonly name: string; readonly content: Buffer };

/** One upload: size check and download. Returns the bytes, or what to tell the user instead. */
async function prepareUpload(deps: SlackDeps, client: webApi.WebClient, file: SlackFile): Promise<PreparedUpload> {
  let info = file;
  if (info.size === undefined || !(info.url_private_download ?? info.url_private)) {
    const fetched = await client.files.info({ file: file.id });
    info = { ...file, ...(fetched.file as SlackFile | undefined) };
  }
  const name = displayName(info.name);
  const notice = (text: string): PreparedUpload => ({ kind: 'notice', text });
  if (!deps.guestChecks)
    return notice(
      `Guest checks are not enabled on this lisbot, so I can't check ${name}. You can run "lisbot check ${name}" on your own machine instead.`,
    );
  if (info.size !== undefined && info.size > MAX_UPLOAD_BYTES) return notice(tooBig(name, info.size));
  const url = info.url_private_download ?? info.url_private;
  if (!url) return notice(`Slack did not give me a download link for ${name}. Try uploading it again.`);
  const download = await downloadSlackFile(deps.fetch, url, deps.settings.botToken, MAX_UPLOAD_BYTES, name);
  return download.ok ? { kind: 'upload', name, content: download.content } : notice(download.reason);
}

/**
 * Files shared with lisbot (in a DM, with a mention, or in a thread lisbot answered in) go to the guest check.
 * Each file is handled once however many events announce it. "Checking…" is posted first, so the job can
 * update that very message with its progress; a duplicate or an outage rewrites it at once.
 */
export async function checkSharedFiles(
  deps: SlackDeps,
  client: webApi.WebClient,
  files: readonly SlackFile[],
  target: ReplyTarget,
  user: string | undefined,
): Promise<void> {
  const where = { channel: target.channel, ...(target.thread ? { thread_ts: target.thread } : {}) };
  const skipped = files.slice(MAX_FILES_PER_MESSAGE);
  if (skipped.length > 0) {
    await client.chat.postMessage({
      ...where,
      ...renderNotice(
        `I check at most ${MAX_FILES_PER_MESSAGE} files per message, so I skipped ${skipped.map((f) => displayName(f.name)).join(', ')}. Upload them in another message.`,
      ),
    });
  }
  for (const file of files.slice(0, MAX_FILES_PER_MESSAGE)) {
    if (!(await claimOnce(deps, `slack:file:${file.id}`))) continue;
    try {
      const prepared = await prepareUpload(deps, client, file);
      if (prepared.kind === 'notice' || !deps.guestChecks) {
        await client.chat.postMessage({ ...where, ...renderNotice(prepared.kind === 'notice' ? prepared.text : '') });
        continue;
      }
      const progress = await client.chat.postMessage({
        ...where,
        ...renderNotice(`Checking ${prepared.name}… I'll post the report here when it's done.`),
      });
      const result = await deps.guestChecks.submit(
        { fileName: prepared.name, content: prepared.content },
        target,
        user,
        progress.ts ? { progressMessage: { id: progress.ts } } : {},
      );
      if (result.status !== 'queued' && progress.ts)
        await client.chat.update({ channel: target.channel, ts: progress.ts, ...renderNotice(submitNotice(prepared.name, result)) });
    } catch (error) {
      deps.logger.error(`guest check upload failed: ${String(error)}`);
      await client.chat.postMessage({ ...where, ...renderNotice('Something went wrong while I fetched that file. Try again shortly.') });
    }
  }
}
