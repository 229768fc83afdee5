import { testKeyPrefix } from '../helpers/redis.ts';
import { TEST_REDIS_URL } from '../helpers/ports.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Reply } from '../../src/core/reply.ts';
import { ChannelGoneError, type PostedMessage, type ReplyPoster, type ReplyTarget } from '../../src/core/delivery.ts';
import type { DigestCommandContext } from '../../src/core/digest-commands.ts';

export { TEST_REDIS_URL } from '../helpers/ports.ts';
export const PAGES_DIR = join(import.meta.dirname, '..', 'fixtures', 'digest');

export function page(name: string): string {
  return readFileSync(join(PAGES_DIR, `${name}.md`), 'utf8');
}

export function tempDir(label = 'digest'): string {
  return mkdtempSync(join(tmpdir(), `lisbot-${label}-`));
}

/** A Redis connection and a key prefix no other test uses; `cleanup` deletes the prefix's keys and disconnects. */
export function testRedis(): { redis: Redis; prefix: string; cleanup: () => Promise<void> } {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const prefix = `${testKeyPrefix('digest')}:`;
  return {
    redis,
    prefix,
    cleanup: async () => {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

export interface PageServer {
  readonly url: string;
  /** What a path answers from now on. */
  serve(path: string, status: number, body: string): void;
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

/** A loopback HTTP server (127.0.0.1, a free port) standing in for the upstream matrix pages. */
export async function pageServer(): Promise<PageServer> {
  const routes = new Map<string, { status: number; body: string }>();
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(route.status, { 'content-type': 'text/markdown; charset=utf-8' }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serve: (path, status, body) => {
      routes.set(path, { status, body });
    },
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RecordedPost {
  readonly target: ReplyTarget;
  readonly reply: Reply;
  readonly id: string;
}

/** A ReplyPoster that records posts; it can fail the next posts, or say a channel is gone. */
export class RecordingPoster implements ReplyPoster {
  readonly posts: RecordedPost[] = [];
  failNext = 0;
  readonly goneChannels = new Set<string>();
  /** Resolves posts only when released, to hold one "in flight". */
  gate: Promise<void> | undefined;
  private next = 1;

  constructor(readonly platform: ReplyTarget['platform']) {}

  async post(target: ReplyTarget, reply: Reply): Promise<PostedMessage> {
    if (this.gate) await this.gate;
    if (this.goneChannels.has(target.channel)) throw new ChannelGoneError('channel_not_found');
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('fake platform: 500');
    }
    const id = `${this.platform}-m${this.next++}`;
    this.posts.push({ target, reply, id });
    return { id };
  }

  update(): Promise<void> {
    return Promise.resolve();
  }
}

export function context(
  options: { user?: string; canManageChannel?: boolean; platform?: 'slack' | 'discord'; channel?: string; team?: string } = {},
): DigestCommandContext {
  const platform = options.platform ?? 'slack';
  return {
    target: { platform, channel: options.channel ?? 'C0DIGEST', ...(options.team ? { team: options.team } : {}) },
    user: options.user ?? 'U0USER',
    canManageChannel: options.canManageChannel ?? false,
  };
}

/** Every "• line" of a digest reply's fields. */
export function digestLines(reply: Reply | undefined): string[] {
  return (reply?.fields ?? [])
    .flatMap((f) => f.value.split('\n'))
    .filter((l) => l.startsWith('• '))
    .map((l) => l.slice(2));
}
