import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: a Web API call, a response_url post, a file download or a file upload. */
export interface RecordedCall {
  readonly kind: 'api' | 'respond' | 'download' | 'upload';
  /** Web API method (chat.postMessage), or the path for the other kinds. */
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly raw: string;
  readonly auth: string | undefined;
  /** performance.now() when it arrived. */
  readonly at: number;
  /** For an upload: the file's bytes (the web client posts them as a multipart part). */
  readonly data?: Buffer;
}

export interface FakeFile {
  readonly id: string;
  readonly name: string;
  readonly content: Buffer;
  readonly mimetype?: string;
  /** What the event says the size is; defaults to the real size. */
  readonly size?: number;
  /** Serve an HTML login page even with the right token (a token without files:read). */
  readonly loginPage?: boolean;
  /** What files.info reports under `shares` (where the file was posted, with thread_ts). */
  readonly shares?: unknown;
}

export type Failure = { readonly error: string } | { readonly status: 429; readonly retryAfter: number };

export interface FakeUser {
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
}

export interface FakeSlackOptions {
  readonly botToken?: string;
  readonly botUserId?: string;
  readonly botId?: string;
  readonly teamId?: string;
  readonly users?: Record<string, FakeUser>;
  /** channel id → creator user id */
  readonly channelCreators?: Record<string, string>;
}

/** A message the fake holds, as conversations.history and conversations.replies return it. */
interface StoredMessage {
  readonly type: 'message';
  readonly ts: string;
  readonly thread_ts?: string;
  readonly bot_id: string;
  text: unknown;
  blocks?: unknown;
  readonly metadata?: unknown;
}

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to your workspace</body></html>';

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { raw };
    }
  }
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const body: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      if (/^[[{]/.test(value)) {
        try {
          body[key] = JSON.parse(value);
          continue;
        } catch {
          // a plain string that starts with a bracket
        }
      }
      body[key] = value;
    }
    return body;
  }
  return { raw };
}

/** The file inside an upload: the first file part of a multipart body, else the body itself. */
async function uploadedBytes(buffer: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.includes('multipart/form-data')) return buffer;
  const form = await new Response(buffer, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  return buffer;
}

/**
 * A loopback fake of the Slack Web API, response_url endpoints and file hosting. Records every request;
 * answers like Slack for the methods lisbot uses; can be told to fail the next call to a method.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  /** Called for every recorded request (the bench times replies with it). */
  onCall: ((call: RecordedCall) => void) | undefined;
  /**
   * How long to hold the response to a Web API call that was recorded (and so reached "Slack"): a caller killed
   * meanwhile has posted without learning it did (the chaos suite's worker killed mid-post).
   */
  holdResponse: ((method: string, body: Record<string, unknown>) => number) | undefined;

  private readonly files = new Map<string, FakeFile>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly waiters: Array<{ match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  /** channel → its messages, oldest first: what chat.postMessage made (the Web API answers it back). */
  private readonly messages = new Map<string, StoredMessage[]>();
  private tsCounter = 0;
  private responseUrlCounter = 0;
  private uploadCounter = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: FakeSlackOptions,
  ) {
    this.botToken = options.botToken ?? 'xoxb-test-token';
    this.botUserId = options.botUserId ?? 'U0LISBOT';
    this.botId = options.botId ?? 'B0LISBOT';
    this.teamId = options.teamId ?? 'T0TEAM';
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
    const holder: { fake?: FakeSlackApi } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const buffer = Buffer.concat(chunks);
        void holder.fake?.handle(req, res, buffer.toString('utf8'), buffer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeSlackApi(server, `http://127.0.0.1:${port}`, options);
    return holder.fake;
  }

  /** The SLACK_API_URL to give the app. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A fresh response_url for a slash command or an action. */
  responseUrl(): string {
    return `${this.url}/respond/${++this.responseUrlCounter}`;
  }

  /** Hosts a file and returns the file object an event would carry. */
  addFile(file: FakeFile): { id: string; name: string; size: number; mimetype: string; url_private: string; url_private_download: string } {
    this.files.set(file.id, file);
    const url = `${this.url}/files-pri/${this.teamId}-${file.id}/${encodeURIComponent(file.name)}`;
    return {
      id: file.id,
      name: file.name,
      size: file.size ?? file.content.length,
      mimetype: file.mimetype ?? 'text/plain',
      url_private: url,
      url_private_download: `${url}?download=1`,
    };
  }

  /** The next call(s) to method fail, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  posts(): RecordedCall[] {
    return this.callsTo('chat.postMessage');
  }

  responses(): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'respond');
  }

  /** Resolves with the first recorded request (already recorded or future) that matches. */
  waitFor(match: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.resolve === done);
        if (i !== -1) this.waiters.splice(i, 1);
        reject(new Error(`no matching request within ${timeoutMs} ms; saw ${this.calls.map((c) => c.method).join(', ') || 'nothing'}`));
      }, timeoutMs);
      const done = (call: RecordedCall) => {
        clearTimeout(timer);
        resolve(call);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  reset(): void {
    this.calls.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.onCall?.(call);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter?.match(call)) {
        this.waiters.splice(i, 1);
        waiter.resolve(call);
      }
    }
  }

  private json(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse, raw: string, buffer: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const auth = req.headers.authorization;
    const body = parseBody(raw, req.headers['content-type']);
    const at = performance.now();

    if (url.pathname.startsWith('/respond/')) {
      this.record({ kind: 'respond', method: url.pathname, body, raw, auth, at });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (url.pathname.startsWith('/upload/')) {
      const data = await uploadedBytes(buffer, req.headers['content-type']);
      this.record({ kind: 'upload', method: url.pathname, body: { content: raw }, raw, auth, at, data });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK - 1');
      return;
    }
    if (url.pathname.startsWith('/files-pri/')) {
      this.record({ kind: 'download', method: url.pathname, body: {}, raw, auth, at });
      const id = url.pathname.split('/')[2]?.split('-').pop() ?? '';
      const file = this.files.get(id);
      if (!file) {
        res.writeHead(404);
        res.end();
        return;
      }
      if (auth !== `Bearer ${this.botToken}` || file.loginPage) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(LOGIN_PAGE);
        return;
      }
      res.writeHead(200, { 'content-type': file.mimetype ?? 'text/plain', 'content-length': String(file.content.length) });
      res.end(file.content);
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404);
      res.end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    this.record({ kind: 'api', method, body, raw, auth, at });
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if ('status' in failure) this.json(res, { ok: false, error: 'ratelimited' }, 429, { 'retry-after': String(failure.retryAfter) });
      else this.json(res, { ok: false, error: failure.error });
      return;
    }
    if (auth !== `Bearer ${this.botToken}`) {
      this.json(res, { ok: false, error: 'invalid_auth' });
      return;
    }
    const answer = this.answer(method, body);
    const hold = this.holdResponse?.(method, body) ?? 0;
    if (hold > 0) setTimeout(() => this.json(res, answer), hold);
    else this.json(res, answer);
  }

  private store(channel: string, ts: string, body: Record<string, unknown>): void {
    const list = this.messages.get(channel) ?? [];
    list.push({
      type: 'message',
      ts,
      ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
      bot_id: this.botId,
      text: body.text,
      ...(body.blocks ? { blocks: body.blocks } : {}),
      ...(body.metadata ? { metadata: body.metadata } : {}),
    });
    this.messages.set(channel, list);
  }

  /**
   * Like Slack: history is the channel's top-level messages and thread parents, newest first; replies is a thread,
   * parent first. `oldest` bounds by ts, `limit` and `cursor` page, metadata only with include_all_metadata.
   */
  private readMessages(method: string, channel: string, body: Record<string, unknown>): Record<string, unknown> {
    const all = this.messages.get(channel) ?? [];
    let list: StoredMessage[];
    if (method === 'conversations.replies') {
      const ts = typeof body.ts === 'string' ? body.ts : '';
      list = all.filter((m) => m.ts === ts || m.thread_ts === ts);
    } else {
      list = all.filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts).reverse();
    }
    const oldest = Number(body.oldest ?? 0);
    list = list.filter((m) => Number(m.ts) >= oldest);
    const limit = Math.max(1, Math.min(1000, Number(body.limit ?? 100)));
    const start = Number(body.cursor ?? 0) || 0;
    const page = list.slice(start, start + limit);
    const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
    const next = start + limit < list.length ? String(start + limit) : '';
    return {
      ok: true,
      messages: page.map(({ metadata, ...m }) => ({ ...m, ...(withMetadata && metadata ? { metadata } : {}) })),
      has_more: next !== '',
      response_metadata: { next_cursor: next },
    };
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof body.channel === 'string' ? body.channel : undefined;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'lisbot',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
        };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.tsCounter).padStart(6, '0')}`;
        if (method === 'chat.postMessage' && channel) this.store(channel, ts, body);
        return { ok: true, channel, ts, message: { type: 'message', text: body.text, ts, bot_id: this.botId } };
      }
      case 'chat.update': {
        const stored = this.messages.get(channel ?? '')?.find((m) => m.ts === body.ts);
        if (stored) {
          stored.text = body.text;
          stored.blocks = body.blocks;
        }
        return { ok: true, channel, ts: body.ts, text: body.text };
      }
      case 'conversations.history':
      case 'conversations.replies':
        return this.readMessages(method, channel ?? '', body);
      case 'users.info': {
        const id = String(body.user);
        const user = this.options.users?.[id] ?? {};
        return {
          ok: true,
          user: {
            id,
            team_id: this.teamId,
            name: id.toLowerCase(),
            is_admin: user.is_admin ?? false,
            is_owner: user.is_owner ?? false,
            is_primary_owner: false,
          },
        };
      }
      case 'conversations.info':
        return {
          ok: true,
          channel: {
            id: channel,
            name: 'general',
            is_channel: true,
            creator: this.options.channelCreators?.[channel ?? ''] ?? 'U0CREATOR',
          },
        };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users)}` } };
      case 'files.info': {
        const file = this.files.get(String(body.file));
        if (!file) return { ok: false, error: 'file_not_found' };
        const shared = this.addFile(file);
        return { ok: true, file: { ...shared, ...(file.shares ? { shares: file.shares } : {}) } };
      }
      case 'files.getUploadURLExternal': {
        const id = `F0UP${++this.uploadCounter}`;
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: Array.isArray(body.files) ? body.files : [] };
      default:
        return { ok: true };
    }
  }
}
