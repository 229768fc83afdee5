// Redis outages at enqueue time: the user hears "try again shortly" fast, and nothing is left half-written.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { GuestCheckService, QUEUE_UNAVAILABLE_MESSAGE } from '../../src/jobs/guest-check/submitter.ts';
import type { GuestCheckJobData, GuestCheckJobResult } from '../../src/jobs/guest-check/job-data.ts';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue.ts';
import { createJobQueues } from '../../src/jobs/job-queues.ts';
import type { JobQueue } from '../../src/jobs/job-queue.ts';
import { RedisUploadStore } from '../../src/jobs/redis-upload-store.ts';
import { contentRef } from '../../src/jobs/upload-store.ts';
import { REDIS_URL, TARGET, bundle, deleteKeys, keysUnder, testSettings, waitFor } from './helpers.ts';

/** A queue whose add always fails, as when Redis goes away between storing the upload and adding the job. */
function brokenQueue(): JobQueue<GuestCheckJobData, GuestCheckJobResult> {
  const queue = new InProcessJobQueue<GuestCheckJobData, GuestCheckJobResult>('broken', {
    attempts: 1,
    backoffMs: 0,
    timeoutMs: 1_000,
    keepCompletedSeconds: 60,
    keepFailedSeconds: 60,
  });
  queue.add = () => Promise.reject(new Error('Connection is closed.'));
  return queue;
}

/** A TCP proxy in front of the real Redis that can be cut and restored: an outage without touching Redis. */
class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  async start(port: number): Promise<number> {
    const server = createServer((client) => {
      const upstream = connect(this.port, this.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const address = server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('Redis outages while enqueueing', () => {
  test('Redis down (nothing listens): "unavailable" with the clear message, in milliseconds, nothing written', async () => {
    const settings = testSettings({ redisUrl: 'redis://127.0.0.1:1', enqueueTimeoutMs: 2_000 });
    const queues = createJobQueues(settings);
    try {
      const service = queues.guestCheckService();
      for (const label of ['first', 'second']) {
        const started = Date.now();
        const result = await service.submit({ fileName: 'vm.txt', content: bundle(label) }, TARGET, 'U1');
        const elapsed = Date.now() - started;
        assert.deepEqual(result, { status: 'unavailable', message: QUEUE_UNAVAILABLE_MESSAGE });
        assert.equal(result.status === 'unavailable' && result.message, 'The check queue is unavailable; try again shortly.');
        assert.ok(elapsed < 1_000, `${label} submit answered in ${elapsed} ms`);
      }
    } finally {
      await queues.close();
    }
    assert.deepEqual(await keysUnder(REDIS_URL, settings.queuePrefix), [], 'nothing anywhere under the prefix');
  });

  test('Redis that accepts connections but never answers: "unavailable" within the enqueue bound', async () => {
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    const settings = testSettings({ redisUrl: `redis://127.0.0.1:${address.port}`, enqueueTimeoutMs: 400 });
    const queues = createJobQueues(settings);
    try {
      const started = Date.now();
      const result = await queues.guestCheckService().submit({ fileName: 'vm.txt', content: bundle() }, TARGET);
      const elapsed = Date.now() - started;
      assert.equal(result.status, 'unavailable');
      assert.ok(elapsed >= 350 && elapsed < 1_200, `answered after ${elapsed} ms, bounded by the 400 ms enqueue timeout`);
    } finally {
      await queues.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('Redis lost while the bot runs: fast "unavailable", nothing half-written, and queued again once it is back', async () => {
    const upstream = new URL(REDIS_URL);
    const proxy = new TcpProxy(upstream.hostname, Number(upstream.port || 6379));
    const port = await proxy.start(0);
    const settings = testSettings({ redisUrl: `redis://127.0.0.1:${port}`, enqueueTimeoutMs: 2_000 });
    const queues = createJobQueues(settings);
    try {
      const service = queues.guestCheckService();
      assert.equal((await service.submit({ fileName: 'a.txt', content: bundle('before') }, TARGET)).status, 'queued');
      const before = (await keysUnder(REDIS_URL, settings.queuePrefix)).sort();
      await proxy.stop();
      const started = Date.now();
      const during = await service.submit({ fileName: 'b.txt', content: bundle('during') }, TARGET);
      assert.deepEqual(during, { status: 'unavailable', message: QUEUE_UNAVAILABLE_MESSAGE });
      assert.ok(Date.now() - started < 500, `answered in ${Date.now() - started} ms`);
      assert.deepEqual((await keysUnder(REDIS_URL, settings.queuePrefix)).sort(), before, 'nothing was written during the outage');
      await proxy.start(port);
      await waitFor(
        async () => (await service.submit({ fileName: 'c.txt', content: bundle('after') }, TARGET)).status === 'queued',
        10_000,
        'the queue to come back',
      );
    } finally {
      await queues.close();
      await proxy.stop();
      await deleteKeys(REDIS_URL, settings.queuePrefix);
    }
  });

  test('after a long outage, the first upload once Redis answers again is queued (no reconnect lag)', async () => {
    const upstream = new URL(REDIS_URL);
    const proxy = new TcpProxy(upstream.hostname, Number(upstream.port || 6379));
    const port = await proxy.start(0);
    const settings = testSettings({ redisUrl: `redis://127.0.0.1:${port}`, enqueueTimeoutMs: 2_000 });
    const queues = createJobQueues(settings);
    try {
      const service = queues.guestCheckService();
      assert.equal((await service.submit({ fileName: 'a.txt', content: bundle('before') }, TARGET)).status, 'queued');
      await proxy.stop();
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      assert.equal((await service.submit({ fileName: 'b.txt', content: bundle('during') }, TARGET)).status, 'unavailable');
      await proxy.start(port);
      const back = await service.submit({ fileName: 'c.txt', content: bundle('at once') }, TARGET);
      assert.equal(back.status, 'queued', 'the upload right after Redis came back is taken');
    } finally {
      await queues.close();
      await proxy.stop();
      await deleteKeys(REDIS_URL, settings.queuePrefix);
    }
  });

  test('the job cannot be added after the upload was stored: the upload is deleted again', async () => {
    const settings = testSettings();
    const redis = new Redis(REDIS_URL);
    try {
      const service = new GuestCheckService({
        queue: brokenQueue(),
        uploads: new RedisUploadStore(redis, settings.keyPrefix),
        uploadTtlSeconds: 3_600,
        enqueueTimeoutMs: 1_000,
      });
      const result = await service.submit({ fileName: 'vm.txt', content: bundle() }, TARGET);
      assert.deepEqual(result, { status: 'unavailable', message: QUEUE_UNAVAILABLE_MESSAGE });
      assert.deepEqual(await keysUnder(REDIS_URL, settings.keyPrefix), [], 'no upload without a job');
    } finally {
      redis.disconnect();
      await deleteKeys(REDIS_URL, settings.keyPrefix);
    }
  });

  test('Redis is lost even for the clean-up: the orphan upload only has its short provisional TTL', async () => {
    const settings = testSettings();
    const redis = new Redis(REDIS_URL);
    try {
      const uploads = new RedisUploadStore(redis, settings.keyPrefix);
      uploads.discard = () => Promise.reject(new Error('Connection is closed.'));
      const service = new GuestCheckService({ queue: brokenQueue(), uploads, uploadTtlSeconds: 3_600, enqueueTimeoutMs: 1_000 });
      const content = bundle();
      const result = await service.submit({ fileName: 'vm.txt', content }, TARGET);
      assert.equal(result.status, 'unavailable');
      const ttl = await redis.ttl(uploads.key(contentRef(content)));
      assert.ok(ttl > 0 && ttl <= 60, `the orphan expires within a minute (TTL ${ttl} s), not after UPLOAD_TTL_SECONDS`);
    } finally {
      redis.disconnect();
      await deleteKeys(REDIS_URL, settings.keyPrefix);
    }
  });

  test('a queued upload is kept for UPLOAD_TTL_SECONDS, under its content hash', async () => {
    const settings = testSettings({ uploadTtlSeconds: 900 });
    const queues = createJobQueues(settings);
    const redis = new Redis(REDIS_URL);
    try {
      const content = bundle();
      const result = await queues.guestCheckService().submit({ fileName: 'vm.txt', content }, TARGET);
      assert.equal(result.status, 'queued');
      const key = `${settings.keyPrefix}:upload:${contentRef(content)}`;
      const ttl = await redis.ttl(key);
      assert.ok(ttl > 800 && ttl <= 900, `TTL ${ttl}`);
      assert.deepEqual(await redis.getBuffer(key), content);
    } finally {
      redis.disconnect();
      await queues.close();
      await deleteKeys(REDIS_URL, settings.queuePrefix);
    }
  });
});
