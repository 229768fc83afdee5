import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ignoreOutages } from '../../../src/state/redis-outage.ts';
import { RedisThreadStore } from '../../../src/state/thread-store.ts';
import { TEST_REDIS_URL } from '../../helpers/ports.ts';
import { Harness, settle } from './harness.ts';
import { nextTs } from './signed-requests.ts';

const REPORT = Buffer.from('== lis-collect 1.0.0 format 1 ==\n[os-release]\nID=ubuntu\nVERSION_ID="20.04"\n');
const prefix = `lisbot-test:${randomUUID()}:thread:`;

describe('an upload dropped into an answered thread, on any replica', () => {
  const redis = new Redis(TEST_REDIS_URL);
  let a: Harness;
  let b: Harness;
  before(async () => {
    await redis.ping();
    a = await Harness.start({ threads: new RedisThreadStore(redis, ignoreOutages, prefix) });
    b = await Harness.start({ threads: new RedisThreadStore(redis, ignoreOutages, prefix) });
  });
  after(async () => {
    await Promise.all([a.stop(), b.stop()]);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  test('replica A answers the mention; the upload without a mention, delivered to replica B, is checked by B', async () => {
    const channel = 'C0REPLICA';
    const root = nextTs();
    await a.postEvent({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0LISBOT> does rhel 6.2 need lis',
      ts: root,
      channel,
      event_ts: root,
    });
    await a.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel);

    const file = b.fake.addFile({ id: 'F0REPLICA', name: 'vm.txt', content: REPORT });
    const ts = nextTs();
    const response = await b.postEvent({
      type: 'message',
      subtype: 'file_share',
      channel,
      channel_type: 'channel',
      user: 'U0ALICE',
      text: '',
      files: [file],
      ts,
      thread_ts: root,
      event_ts: ts,
    });
    assert.equal(response.status, 200);
    await b.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel && c.body.thread_ts === root, 5000);
    await settle(200);
    assert.deepEqual(
      b.guestChecks.submissions.map((s) => [s.upload.fileName, s.target.thread]),
      [['vm.txt', root]],
    );
  });

  test('an upload into a thread lisbot never answered in is left alone', async () => {
    const file = b.fake.addFile({ id: 'F0STRANGER', name: 'other.txt', content: REPORT });
    const ts = nextTs();
    const before = b.guestChecks.submissions.length;
    await b.postEvent({
      type: 'message',
      subtype: 'file_share',
      channel: 'C0OTHER',
      channel_type: 'channel',
      user: 'U0ALICE',
      text: '',
      files: [file],
      ts,
      thread_ts: nextTs(),
      event_ts: ts,
    });
    await settle(400);
    assert.equal(b.guestChecks.submissions.length, before);
    assert.equal(b.fake.calls.filter((c) => c.body.channel === 'C0OTHER').length, 0);
  });
});
