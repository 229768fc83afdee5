import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import express from 'express';
import { createRedis } from '../state/redis-connection.ts';

export const DASHBOARD_PATH = '/admin/queues';

export interface QueueDashboard {
  /** Handles a request under DASHBOARD_PATH; answers 401 without the right credentials. */
  handle(request: IncomingMessage, response: ServerResponse): void;
  close(): Promise<void>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the request carries HTTP Basic credentials equal to the configured ones (compared in constant time). */
export function authorised(request: IncomingMessage, user: string, password: string): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return sameSecret(decoded.slice(0, colon), user) && sameSecret(decoded.slice(colon + 1), password);
}

/**
 * Failed logins per client address: after `maxFailures` in `windowMs`, that address is refused (429) until its
 * window ends, right or wrong password, so a password cannot be guessed at the speed of the network.
 */
export class LoginFailureLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 60_000,
    private readonly maxClients = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this client may try again; 0 when it may now. */
  blockedFor(client: string): number {
    const entry = this.failures.get(client);
    if (!entry) return 0;
    const left = entry.resetAt - this.now();
    if (left <= 0) {
      this.failures.delete(client);
      return 0;
    }
    return entry.count >= this.maxFailures ? left : 0;
  }

  failed(client: string): void {
    const entry = this.failures.get(client);
    if (entry && entry.resetAt > this.now()) entry.count++;
    else this.failures.set(client, { count: 1, resetAt: this.now() + this.windowMs });
    if (this.failures.size > this.maxClients) {
      const oldest = this.failures.keys().next();
      if (!oldest.done) this.failures.delete(oldest.value);
    }
  }
}

/** bull-board's read-only mode hides its buttons; this refuses every other method too, whatever the UI sends. */
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * bull-board over lisbot's queues, read-only, behind ADMIN_USER and ADMIN_PASSWORD: off unless both are set,
 * with failed logins rate-limited per address. It opens its own read views of the queues by name, so the queue
 * code knows nothing about it.
 */
export function createQueueDashboard(options: {
  redisUrl: string;
  prefix: string;
  queueNames: readonly string[];
  user: string;
  password: string;
  limiter?: LoginFailureLimiter;
}): QueueDashboard {
  const limiter = options.limiter ?? new LoginFailureLimiter();
  const connection = createRedis(options.redisUrl, { maxRetriesPerRequest: null });
  const queues = options.queueNames.map((name) => new Queue(name, { connection, prefix: options.prefix }));
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })), serverAdapter });
  const app = express();
  app.use(DASHBOARD_PATH, serverAdapter.getRouter() as express.Router);
  return {
    handle(request, response) {
      const client = request.socket.remoteAddress ?? 'unknown';
      const blockedMs = limiter.blockedFor(client);
      if (blockedMs > 0) {
        response.writeHead(429, { 'retry-after': String(Math.ceil(blockedMs / 1000)) }).end();
        return;
      }
      if (!authorised(request, options.user, options.password)) {
        if (request.headers.authorization) limiter.failed(client);
        response.writeHead(401, { 'www-authenticate': 'Basic realm="lisbot queues", charset="UTF-8"' }).end();
        return;
      }
      if (!READ_METHODS.has(request.method ?? 'GET')) {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      app(request, response);
    },
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
