import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { BullJobQueue } from '../../src/jobs/bull-job-queue.ts';
import { RedisConnections } from '../../src/jobs/redis-connections.ts';
import { REDIS_URL, deleteKeys, uniquePrefix } from './helpers.ts';

/**
 * A TCP proxy in front of the real Redis that can hold back Redis's replies for a while, as a loaded machine does:
 * the client's commands time out although the connection is up.
 */
class ReplyHoldingProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private held: Array<() => void> | undefined;

  constructor(private readonly upstreamUrl: URL) {}

  async start(): Promise<number> {
    const server = createServer((client) => {
      const upstream = connect(Number(this.upstreamUrl.port || 6379), this.upstreamUrl.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on('data', (chunk) => upstream.write(chunk));
      upstream.on('data', (chunk) => {
        if (this.held) this.held.push(() => client.write(chunk));
        else client.write(chunk);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    return address.port;
  }

  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const send of held) send();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

test('a queue whose BullMQ start-up timed out is opened again, so jobs are taken once Redis answers', async () => {
  const upstream = new URL(REDIS_URL);
  const proxy = new ReplyHoldingProxy(upstream);
  const port = await proxy.start();
  const prefix = uniquePrefix();
  const connections = new RedisConnections(`redis://127.0.0.1:${port}${upstream.pathname}`, undefined, 300);
  // BullMQ checks the Redis version as soon as the connection is ready: hold that reply past the command timeout.
  connections.producer.once('ready', () => proxy.hold());
  const queue = new BullJobQueue<{ n: number }, void>('start-up', {
    connections,
    prefix,
    defaults: { attempts: 1, backoffMs: 10, timeoutMs: 1_000, keepCompletedSeconds: 60, keepFailedSeconds: 60 },
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 800));
    proxy.release();
    const added = await queue.add({ n: 1 }, { jobId: 'after-a-slow-start' });
    assert.deepEqual(added, { id: 'after-a-slow-start', created: true });
    assert.equal((await queue.getJob('after-a-slow-start'))?.state, 'waiting');
  } finally {
    await queue.close();
    await connections.close();
    await proxy.stop();
    await deleteKeys(REDIS_URL, prefix);
  }
});
