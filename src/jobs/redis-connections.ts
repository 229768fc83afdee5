import type { Redis, RedisOptions } from 'ioredis';
import { createRedis } from '../state/redis-connection.ts';
import { errorText, silentLogger, type JobLogger } from './job-logger.ts';

const ERROR_LOG_INTERVAL_MS = 30_000;
const PRODUCER_RECONNECT_MAX_MS = 250;

/**
 * The Redis connections of one process's jobs, and who closes them.
 * - `producer`: one shared, fail-fast connection for enqueueing (the bot process). No offline queue, one retry,
 *   a command timeout: while Redis is away a submit fails in milliseconds instead of hanging, and no command
 *   waits in a client-side queue to run later, after the user was told to try again.
 * - `worker()`: a new connection per BullMQ Worker (which duplicates it for its blocking reads) and for the
 *   worker's own keys. `maxRetriesPerRequest: null`, as BullMQ requires: a worker waits an outage out.
 */
export class RedisConnections {
  private producerClient: Redis | undefined;
  /** True until the producer's first connect succeeds or fails: only then is waiting for it worthwhile. */
  private producerConnecting = true;
  private firstConnect: Promise<void> | undefined;
  private readonly clients = new Set<Redis>();
  private lastErrorLog = 0;

  constructor(
    readonly url: string,
    private readonly logger: JobLogger = silentLogger,
    private readonly commandTimeoutMs = 2_000,
  ) {}

  get producer(): Redis {
    if (!this.producerClient) {
      const client = this.open('producer', {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: this.commandTimeoutMs,
        connectTimeout: this.commandTimeoutMs,
        // Reconnect attempts at most 250 ms apart: uploads are taken again a moment after Redis is back.
        retryStrategy: (times: number) => Math.min(50 * times, PRODUCER_RECONNECT_MAX_MS),
      });
      const settled = () => {
        if (this.producerClient === client) this.producerConnecting = false;
        client.off('ready', settled);
        client.off('error', settled);
        client.off('close', settled);
      };
      client.on('ready', settled);
      client.on('error', settled);
      client.on('close', settled);
      this.producerClient = client;
    }
    return this.producerClient;
  }

  /**
   * The producer, once it is connected. The first connect is waited for (at most `timeoutMs`); after that, a
   * producer that is not connected means Redis is away, and this rejects at once rather than make a user wait.
   */
  async readyProducer(timeoutMs = this.commandTimeoutMs): Promise<Redis> {
    const client = this.producer;
    if (client.status === 'ready') return client;
    if (!this.producerConnecting) {
      // Redis may be back already, with the reconnect under way: worth a short wait, not a user's try-again.
      if (client.status === 'connecting' || client.status === 'connect' || client.status === 'reconnecting')
        await this.readyWithin(client, PRODUCER_RECONNECT_MAX_MS * 2);
      if ((client.status as string) === 'ready') return client;
      throw new Error(`Redis is not connected (${client.status})`);
    }
    this.firstConnect ??= new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        client.off('ready', onReady);
        client.off('error', onError);
        client.off('close', onClose);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onReady = () => done();
      const onError = (error: unknown) => done(error instanceof Error ? error : new Error('Redis connection error'));
      const onClose = () => done(new Error('Redis connection closed'));
      client.on('ready', onReady);
      client.on('error', onError);
      client.on('close', onClose);
    });
    this.firstConnect.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not connect within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.firstConnect, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return client;
  }

  private readyWithin(client: Redis, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        client.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      client.on('ready', done);
    });
  }

  worker(role = 'worker'): Redis {
    return this.open(role, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  }

  /** Quits every connection, waiting at most `timeoutMs`; the ones still open are then cut. */
  async close(timeoutMs = 2_000): Promise<void> {
    const clients = [...this.clients];
    this.clients.clear();
    this.forgetProducer();
    await Promise.all(
      clients.map(async (client) => {
        if (client.status !== 'ready') {
          client.disconnect();
          return;
        }
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        });
        await Promise.race([
          client.quit().then(
            () => undefined,
            () => undefined,
          ),
          timeout,
        ]);
        clearTimeout(timer);
        if ((client.status as string) !== 'end') client.disconnect();
      }),
    );
  }

  /** Cuts every connection now: pending commands fail. */
  disconnect(): void {
    for (const client of this.clients) client.disconnect();
    this.clients.clear();
    this.forgetProducer();
  }

  private forgetProducer(): void {
    this.producerClient = undefined;
    this.producerConnecting = true;
    this.firstConnect = undefined;
  }

  private open(role: string, options: RedisOptions): Redis {
    const client = createRedis(this.url, {
      connectionName: `lisbot-${role}`,
      retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
      ...options,
    });
    client.on('error', (error: unknown) => {
      const now = Date.now();
      if (now - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
      this.lastErrorLog = now;
      this.logger.warn({ role, err: errorText(error) }, 'redis connection error (repeats are not logged for 30 s)');
    });
    client.on('end', () => this.clients.delete(client));
    this.clients.add(client);
    return client;
  }
}
