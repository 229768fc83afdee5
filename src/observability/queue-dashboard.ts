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
 * bull-board over lisbot's queues, behind ADMIN_USER and ADMIN_PASSWORD: off unless both are set.
 * It opens its own read views of the queues by name, so the queue code knows nothing about it.
 */
export function createQueueDashboard(options: {
  redisUrl: string;
  prefix: string;
  queueNames: readonly string[];
  user: string;
  password: string;
}): QueueDashboard {
  const connection = createRedis(options.redisUrl, { maxRetriesPerRequest: null });
  const queues = options.queueNames.map((name) => new Queue(name, { connection, prefix: options.prefix }));
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })), serverAdapter });
  const app = express();
  app.use(DASHBOARD_PATH, serverAdapter.getRouter() as express.Router);
  return {
    handle(request, response) {
      if (!authorised(request, options.user, options.password)) {
        response.writeHead(401, { 'www-authenticate': 'Basic realm="lisbot queues", charset="UTF-8"' }).end();
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
