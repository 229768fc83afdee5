// A loopback fake of Discord for driving the real discord.js Client: the REST API (v10, JSON) and a gateway
// WebSocket speaking the real protocol (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats, dispatches).
// Every REST request is recorded with its parsed body; every gateway frame the client sends is recorded too.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export const API_VERSION = '10';

export interface RecordedRequest {
  readonly method: string;
  /** The route without the /api/v10 prefix and without the query, e.g. "/interactions/1/tok/callback". */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when there was none. */
  readonly body: unknown;
  readonly raw: string;
  /** Files of a multipart request (discord.js sends attachments as files[n] next to payload_json). */
  readonly files?: readonly UploadedFile[];
}

export interface UploadedFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface GatewayFrame {
  readonly op: number;
  readonly d: unknown;
  readonly s?: number | null;
  readonly t?: string | null;
}

export interface FakeFile {
  readonly id: string;
  readonly filename: string;
  readonly size: number;
  readonly url: string;
  readonly proxy_url: string;
  readonly content_type?: string;
}

type Json = Record<string, unknown>;

let counter = 0n;
/** A fresh, increasing snowflake-shaped id. */
export function snowflake(): string {
  counter += 1n;
  return String(1_300_000_000_000_000_000n + counter);
}

export interface FakeDiscordOptions {
  readonly token?: string;
  readonly heartbeatIntervalMs?: number;
  /** Close IDENTIFY with 4014 (disallowed intents) when it asks for any of these bits, as Discord does for privileged intents not enabled in the portal. */
  readonly disallowedIntents?: number;
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId = '1100000000000000001';
  readonly botUser = {
    id: '1100000000000000002',
    username: 'lisbot',
    discriminator: '0',
    global_name: 'lisbot',
    avatar: null,
    bot: true,
    flags: 0,
  };
  readonly guildId = '1100000000000000003';
  readonly channelId = '1100000000000000004';
  readonly requests: RecordedRequest[] = [];
  readonly received: GatewayFrame[] = [];
  readonly connections: URLSearchParams[] = [];
  /** Registered commands: global under "global", guild ones under the guild id. */
  readonly commands = new Map<string, Json[]>();
  /** Channels that answer 404 Unknown Channel / 403 Missing Access. */
  readonly goneChannels = new Set<string>();
  readonly forbiddenChannels = new Set<string>();
  heartbeats = 0;

  private readonly heartbeatIntervalMs: number;
  private readonly disallowedIntents: number;
  private readonly server: Server;
  private readonly gateway = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly tcp = new Set<Socket>();
  private readonly files = new Map<string, { body: Buffer; contentType?: string }>();
  private readonly messages = new Map<string, Json>();
  /** Interaction token → the id of its original response message. */
  private readonly originals = new Map<string, string>();
  /** Interaction id → the message its component was on (for UPDATE_MESSAGE callbacks). */
  private readonly componentMessages = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private sequence = 0;
  private port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? 'FAKE.discord.token';
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 45_000;
    this.disallowedIntents = options.disallowedIntents ?? 0;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.tcp.add(socket);
      socket.on('close', () => this.tcp.delete(socket));
    });
    this.server.on('upgrade', (req, socket, head) => {
      this.gateway.handleUpgrade(req, socket, head, (ws) => this.onGatewayConnection(ws, req));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The REST base to give discord.js (it appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Serves a file as an attachment on the fake CDN and returns the attachment object Discord would resolve. */
  addFile(filename: string, content: Buffer | string, contentType = 'text/plain; charset=utf-8', declaredSize?: number): FakeFile {
    const id = snowflake();
    const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const path = `/attachments/${this.channelId}/${id}/${encodeURIComponent(filename)}`;
    this.files.set(path, { body, contentType });
    const url = `http://127.0.0.1:${this.port}${path}?ex=ffffffff&is=00000000&hm=fake`;
    return { id, filename, size: declaredSize ?? body.length, url, proxy_url: url, content_type: contentType };
  }

  message(id: string): Json | undefined {
    return this.messages.get(id);
  }

  /** The original response of an interaction, as Discord holds it after callbacks and edits. */
  original(token: string): Json | undefined {
    const id = this.originals.get(token);
    return id ? this.messages.get(id) : undefined;
  }

  /** Sends a dispatch (op 0) to every connected client, with the next sequence number. */
  dispatch(t: string, d: unknown): number {
    const s = ++this.sequence;
    this.broadcast({ op: 0, t, s, d });
    return s;
  }

  dispatchInteraction(payload: Json): number {
    const message = payload.message as Json | undefined;
    if (message && typeof message.id === 'string') {
      this.componentMessages.set(payload.id as string, message.id);
      if (!this.messages.has(message.id)) this.messages.set(message.id, message);
    }
    return this.dispatch('INTERACTION_CREATE', payload);
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(predicate), timeoutMs, 'request');
  }

  waitForFrame(predicate: (frame: GatewayFrame) => boolean, timeoutMs = 5000): Promise<GatewayFrame> {
    return this.waitFor(() => this.received.find(predicate), timeoutMs, 'gateway frame');
  }

  requestsTo(pattern: RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter((r) => pattern.test(r.path) && (method === undefined || r.method === method));
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.tcp) socket.destroy();
    await closed;
    for (const notify of this.listeners) notify();
  }

  private waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (hit === undefined) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private broadcast(frame: GatewayFrame): void {
    const text = JSON.stringify(frame);
    for (const ws of this.sockets) ws.send(text);
  }

  // ---- gateway ----

  private onGatewayConnection(ws: WebSocket, req: IncomingMessage): void {
    this.sockets.add(ws);
    this.connections.push(new URL(req.url ?? '/', 'http://x').searchParams);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data: RawData) => this.onGatewayFrame(ws, data));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }));
    this.notify();
  }

  private onGatewayFrame(ws: WebSocket, data: RawData): void {
    let frame: GatewayFrame;
    try {
      frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8')) as GatewayFrame;
    } catch {
      ws.close(4002, 'Decode error');
      return;
    }
    this.received.push(frame);
    switch (frame.op) {
      case 1:
        this.heartbeats++;
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        break;
      case 2: {
        const identify = frame.d as { token?: string; intents?: number };
        if (identify.token !== this.token) {
          ws.close(4004, 'Authentication failed.');
          break;
        }
        if ((identify.intents ?? 0) & this.disallowedIntents) {
          ws.close(4014, 'Disallowed intent(s).');
          break;
        }
        ws.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.sequence, d: this.readyPayload() }));
        ws.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++this.sequence, d: this.guildPayload() }));
        break;
      }
      case 6:
        ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.sequence, d: {} }));
        break;
      default:
        break;
    }
    this.notify();
  }

  private readyPayload(): Json {
    return {
      v: Number(API_VERSION),
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: 'fake-session-1',
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    };
  }

  guildPayload(): Json {
    return {
      id: this.guildId,
      name: 'Hyper-V admins',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: '1100000000000000009',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: this.guildId,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: '0',
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      max_members: 500_000,
      max_video_channel_users: 25,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [this.channelPayload()],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  channelPayload(): Json {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: 'hyper-v',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      parent_id: null,
      rate_limit_per_user: 0,
    };
  }

  // ---- REST ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBuffer = Buffer.concat(chunks);
    const raw = rawBuffer.toString('utf8');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const method = req.method ?? 'GET';

    if (url.pathname.startsWith('/attachments/')) {
      this.record({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body: undefined, raw });
      const file = this.files.get(url.pathname);
      if (!file) return this.json(res, 404, { message: 'Not found' });
      res.writeHead(200, { 'content-type': file.contentType ?? 'application/octet-stream', 'content-length': file.body.length });
      res.end(file.body);
      return;
    }

    const prefix = `/api/v${API_VERSION}`;
    const decoded = url.pathname
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
    const path = decoded.startsWith(prefix) ? decoded.slice(prefix.length) : decoded;
    let body: unknown;
    let files: UploadedFile[] | undefined;
    const contentType = String(req.headers['content-type']);
    if (raw && contentType.includes('application/json')) body = JSON.parse(raw) as unknown;
    if (contentType.includes('multipart/form-data')) ({ body, files } = await this.parseMultipart(rawBuffer, contentType));
    this.record({ method, path, query: url.searchParams, headers: req.headers, body, raw, ...(files ? { files } : {}) });
    if (!url.pathname.startsWith(prefix)) return this.json(res, 404, { message: `not API v${API_VERSION}`, code: 0 });

    const needsBotAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsBotAuth && req.headers.authorization !== `Bot ${this.token}`)
      return this.json(res, 401, { message: '401: Unauthorized', code: 0 });

    const route = `${method} ${path}`;
    let match: RegExpExecArray | null;
    if (route === 'GET /gateway/bot') {
      return this.json(res, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (route === 'GET /gateway') return this.json(res, 200, { url: this.gatewayUrl });
    if (route === 'GET /users/@me') return this.json(res, 200, this.botUser);
    if ((match = /^(GET|PUT) \/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/.exec(route))) {
      if (match[2] !== this.applicationId) return this.json(res, 403, { message: 'Missing Access', code: 50001 });
      const key = match[3] ?? 'global';
      if (match[1] === 'GET') return this.json(res, 200, this.commands.get(key) ?? []);
      const stored = (body as Json[]).map((command) => this.storedCommand(command, match![3]));
      this.commands.set(key, stored);
      return this.json(res, 200, stored);
    }
    if ((match = /^POST \/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route))) {
      return this.interactionCallback(
        res,
        match[1]!,
        match[2]!,
        body as { type: number; data?: Json },
        url.searchParams.get('with_response') === 'true',
      );
    }
    if ((match = /^(GET|PATCH|DELETE) \/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/.exec(route))) {
      const [, verb, , token, which] = match;
      const id = which === '@original' ? this.originals.get(token!) : which;
      const existing = id ? this.messages.get(id) : undefined;
      if (!existing) return this.json(res, 404, { message: 'Unknown Message', code: 10008 });
      if (verb === 'DELETE') return this.noContent(res);
      if (verb === 'PATCH') Object.assign(existing, this.messageFields(body as Json), { edited_timestamp: new Date().toISOString() });
      return this.json(res, 200, existing);
    }
    if ((match = /^POST \/webhooks\/(\d+)\/([^/]+)$/.exec(route))) {
      return this.json(res, 200, this.createMessage(this.channelId, body as Json, { webhook_id: match[1] }));
    }
    if ((match = /^(POST|PATCH) \/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(route))) {
      const [, verb, channel, messageId] = match;
      if (this.goneChannels.has(channel!)) return this.json(res, 404, { message: 'Unknown Channel', code: 10003 });
      if (this.forbiddenChannels.has(channel!)) return this.json(res, 403, { message: 'Missing Access', code: 50001 });
      if (verb === 'POST' && !messageId) return this.json(res, 200, this.createMessage(channel!, body as Json));
      const existing = messageId ? this.messages.get(messageId) : undefined;
      if (verb === 'PATCH' && existing) {
        Object.assign(existing, this.messageFields(body as Json), { edited_timestamp: new Date().toISOString() });
        return this.json(res, 200, existing);
      }
      return this.json(res, 404, { message: 'Unknown Message', code: 10008 });
    }
    return this.json(res, 404, { message: `fake Discord has no route ${route}`, code: 0 });
  }

  private interactionCallback(
    res: ServerResponse,
    interactionId: string,
    token: string,
    body: { type: number; data?: Json },
    withResponse: boolean,
  ): void {
    let message: Json | undefined;
    switch (body.type) {
      case 4: // CHANNEL_MESSAGE_WITH_SOURCE
        message = this.createMessage(this.channelId, body.data ?? {}, { interaction_id: interactionId });
        this.originals.set(token, message.id as string);
        break;
      case 5: // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: a "thinking…" original
        message = this.createMessage(
          this.channelId,
          { content: '', flags: ((body.data?.flags as number | undefined) ?? 0) | 128 },
          { interaction_id: interactionId },
        );
        this.originals.set(token, message.id as string);
        break;
      case 7: {
        // UPDATE_MESSAGE
        const id = this.componentMessages.get(interactionId);
        message = id ? this.messages.get(id) : undefined;
        if (message) Object.assign(message, this.messageFields(body.data ?? {}));
        break;
      }
      default: // 6 deferred update, 8 autocomplete result, 9 modal
        break;
    }
    if (!withResponse) return this.noContent(res);
    this.json(res, 200, { interaction: { id: interactionId, type: 2 }, ...(message ? { resource: { type: body.type, message } } : {}) });
  }

  private storedCommand(command: Json, guildId: string | undefined): Json {
    const strip = (options: unknown): unknown =>
      Array.isArray(options)
        ? options.map((option: Json) => {
            const { required, autocomplete, ...rest } = option;
            return {
              ...rest,
              ...(required ? { required } : {}),
              ...(autocomplete ? { autocomplete } : {}),
              ...(rest.options ? { options: strip(rest.options) } : {}),
            };
          })
        : options;
    // Like Discord: ids and version added, defaults filled in, false flags left out.
    return {
      id: snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type: 1,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...(guildId ? { guild_id: guildId } : {}),
      ...command,
      ...(command.options ? { options: strip(command.options) } : {}),
      description_localizations: null,
      name_localizations: null,
    };
  }

  private messageFields(body: Json): Json {
    const fields: Json = {};
    for (const key of ['content', 'embeds', 'components', 'flags', 'allowed_mentions', 'attachments'] as const)
      if (body[key] !== undefined) fields[key] = body[key];
    return fields;
  }

  /** Like Discord: payload_json is the message; each files[n] becomes an attachment with the description its entry gives. */
  private async parseMultipart(raw: Buffer, contentType: string): Promise<{ body: Json; files: UploadedFile[] }> {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const payload = form.get('payload_json');
    const body = (typeof payload === 'string' ? JSON.parse(payload) : {}) as Json;
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') continue;
      files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
    const described = Array.isArray(body.attachments) ? (body.attachments as Json[]) : [];
    if (files.length > 0) {
      body.attachments = files.map((file, i) => {
        const id = snowflake();
        const path = `/attachments/${this.channelId}/${id}/${encodeURIComponent(file.filename)}`;
        this.files.set(path, { body: file.data, contentType: file.contentType });
        return {
          id,
          filename: file.filename,
          size: file.data.length,
          content_type: file.contentType,
          url: `http://127.0.0.1:${this.port}${path}`,
          proxy_url: `http://127.0.0.1:${this.port}${path}`,
          ...(described[i]?.description ? { description: described[i].description } : {}),
        };
      });
    }
    return { body, files };
  }

  private createMessage(channelId: string, body: Json, extra: Json = {}): Json {
    const message: Json = {
      id: snowflake(),
      channel_id: channelId,
      guild_id: this.guildId,
      author: this.botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: body.message_reference ? 19 : 0,
      flags: 0,
      components: [],
      ...(body.message_reference ? { message_reference: body.message_reference } : {}),
      application_id: this.applicationId,
      ...extra,
      ...this.messageFields(body),
    };
    this.messages.set(message.id as string, message);
    return message;
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    queueMicrotask(() => this.notify());
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  /** 204 with no content-type: @discordjs/rest parses bodies by content-type, so a JSON type on 204 would throw. */
  private noContent(res: ServerResponse): void {
    res.writeHead(204);
    res.end();
  }
}
