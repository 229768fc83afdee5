import { Redis, type RedisOptions } from 'ioredis';

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
  return plain ? new Redis(plain, { ...options, ...overrides }) : new Redis({ ...options, ...overrides });
}
