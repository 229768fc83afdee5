import { randomUUID } from 'node:crypto';
import { testKeyPrefix } from '../helpers/redis.ts';
import { Redis } from 'ioredis';
import { reply, type Reply } from '../../src/core/reply.ts';
import { ChannelGoneError, type PostedMessage, type ReplyPoster, type ReplyTarget } from '../../src/core/delivery.ts';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../../src/jobs/settings.ts';

import { TEST_REDIS_URL } from '../helpers/ports.ts';

export const REDIS_URL = TEST_REDIS_URL;

/** A prefix no other test uses: BullMQ's keys and lisbot's own keys of one test live under it. */
export function uniquePrefix(): string {
  return testKeyPrefix('jobs');
}

/** Settings for tests: short locks, stalled checks, backoff and leases, so recovery takes a second, not a minute. */
export function testSettings(overrides: Partial<JobSettings> = {}): JobSettings {
  const prefix = uniquePrefix();
  return {
    ...DEFAULT_JOB_SETTINGS,
    redisUrl: REDIS_URL,
    workerConcurrency: 2,
    checkJobTimeoutMs: 5_000,
    checkJobAttempts: 3,
    backoffMs: 50,
    lockDurationMs: 1_000,
    stalledIntervalMs: 500,
    maxStalledCount: 2,
    shutdownTimeoutMs: 2_000,
    enqueueTimeoutMs: 1_000,
    uploadTtlSeconds: 120,
    deliveryLeaseMs: 2_000,
    deliverySettleMs: 300,
    deliveryBeatMs: 600,
    queuePrefix: prefix,
    keyPrefix: prefix,
    ...overrides,
  };
}

/** Deletes every key under a prefix. */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

export async function keysUnder(redisUrl: string, prefix: string): Promise<string[]> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    return await redis.keys(`${prefix}:*`);
  } finally {
    redis.disconnect();
  }
}

export interface RecordedCall {
  readonly kind: 'post' | 'update';
  readonly target: ReplyTarget;
  readonly reply: Reply;
  readonly messageId: string;
}

/**
 * A ReplyPoster that records what it would have sent. Failures can be scripted: `failPosts` / `failUpdates`
 * throw that many times before succeeding; `channelGone` makes every call throw ChannelGoneError;
 * `failAfterPost` throws after the post went out (the message exists, the caller sees an error).
 */
export class RecordingPoster implements ReplyPoster {
  readonly calls: RecordedCall[] = [];
  failPosts = 0;
  failUpdates = 0;
  channelGone = false;
  /** The first update after a post fails: the report is out, then the job errors and is retried. */
  failUpdateAfterPost = false;
  private next = 1;

  constructor(readonly platform: ReplyTarget['platform'] = 'slack') {}

  get posts(): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'post');
  }

  get updates(): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'update');
  }

  post(target: ReplyTarget, message: Reply): Promise<PostedMessage> {
    if (this.channelGone) return Promise.reject(new ChannelGoneError('channel_not_found'));
    if (this.failPosts > 0) {
      this.failPosts--;
      return Promise.reject(new Error('fake platform: 500'));
    }
    const messageId = `m${this.next++}`;
    this.calls.push({ kind: 'post', target, reply: message, messageId });
    if (this.failUpdateAfterPost) {
      this.failUpdateAfterPost = false;
      this.failUpdates = 1;
    }
    return Promise.resolve({ id: messageId });
  }

  update(target: ReplyTarget, message: PostedMessage, next: Reply): Promise<void> {
    if (this.channelGone) return Promise.reject(new ChannelGoneError('channel_not_found'));
    if (this.failUpdates > 0) {
      this.failUpdates--;
      return Promise.reject(new Error('fake platform: 503 on update'));
    }
    this.calls.push({ kind: 'update', target, reply: next, messageId: message.id });
    return Promise.resolve();
  }
}

/** A stand-in for the real check: the report names the upload's first line. */
export function fakeCheck(content: Buffer): Reply {
  const first = content.toString('utf8').split('\n')[0] ?? '';
  return reply({ intent: 'guest_check', title: 'Guest check report', text: `report for ${first}` });
}

export function bundle(label: string = randomUUID()): Buffer {
  return Buffer.from(`### lischeck-meta\n${label}\n### uname -a\nLinux vm 5.14.0 x86_64\n# rc=0\n### lischeck-end\n`);
}

export const TARGET: ReplyTarget = { platform: 'slack', channel: 'C0CHECKS', thread: '1700000000.000100' };

export function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      try {
        if (await condition()) return resolve();
      } catch (error) {
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      if (Date.now() > deadline) return reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      setTimeout(() => void tick(), 20);
    };
    void tick();
  });
}
