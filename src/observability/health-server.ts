import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LisbotMetrics } from './metrics.ts';

/** One readiness check: the KB, Redis, a platform connection. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<boolean> | boolean;
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 1500;

async function runCheck(check: ReadinessCheck): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref());
  try {
    return await Promise.race([Promise.resolve(check.check()), timeout]);
  } catch {
    return false;
  }
}

/** Another handler on the same port (the queue dashboard): it takes every path under its prefix. */
export interface MountedHandler {
  readonly prefix: string;
  handle(request: IncomingMessage, response: ServerResponse): void;
}

/** /healthz (the process answers), /readyz (every check passes) and /metrics (Prometheus text). */
export function startHealthServer(
  port: number,
  metrics: LisbotMetrics,
  checks: readonly ReadinessCheck[],
  beforeScrape?: () => Promise<void> | void,
  mounted?: MountedHandler,
): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (mounted && (path === mounted.prefix || path.startsWith(`${mounted.prefix}/`))) {
      mounted.handle(request, response);
      return;
    }
    void (async () => {
      if (request.method !== 'GET') {
        response.writeHead(405).end();
      } else if (path === '/healthz') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      } else if (path === '/readyz') {
        const results = await Promise.all(checks.map(async (c) => [c.name, await runCheck(c)] as const));
        const ready = results.every(([, ok]) => ok);
        response
          .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) }));
      } else if (path === '/metrics') {
        await beforeScrape?.();
        response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
      } else {
        response.writeHead(404).end();
      }
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
