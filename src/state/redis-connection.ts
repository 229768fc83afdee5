import { createRequire } from 'node:module';
import type * as Ioredis from 'ioredis';
import type { Redis, RedisOptions } from 'ioredis';

const require = createRequire(import.meta.url);
/** ioredis is loaded when the first connection is opened: a process without REDIS_URL never loads it. */
const ioredis = (): typeof Ioredis => require('ioredis') as typeof Ioredis;

/**
 * Opens a Redis connection from REDIS_URL: redis://, rediss:// (TLS), or
 * redis-sentinel://[:password@]host:port[,host:port…]/masterName for Sentinel.
 */
export function redisOptionsFromUrl(url: string): RedisOptions & { url?: string } {
  const sentinel = /^redis-sentinel:\/\/(?:(?::([^@]*))@)?([^/]+)\/([^/?#]+)/.exec(url);
  if (sentinel) {
    const sentinels = sentinel[2]!.split(',').map((hostPort) => {
      const [host, port] = hostPort.split(':');
      return { host: host!, port: Number(port ?? 26379) };
    });
    return { sentinels, name: decodeURIComponent(sentinel[3]!), ...(sentinel[1] ? { password: decodeURIComponent(sentinel[1]) } : {}) };
  }
  return { url };
}

export function createRedis(url: string, overrides: RedisOptions = {}): Redis {
  const { url: plain, ...options } = redisOptionsFromUrl(url);
  const { Redis: Client } = ioredis();
  return plain ? new Client(plain, { ...options, ...overrides }) : new Client({ ...options, ...overrides });
}
