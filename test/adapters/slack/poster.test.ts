import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SlackReplyPoster } from '../../../src/adapters/slack/poster.ts';
import { reply } from '../../../src/core/reply.ts';
import { ChannelGoneError } from '../../../src/core/delivery.ts';
import { blockKitProblems } from './block-limits.ts';
import { FakeSlackApi } from './fake-slack-api.ts';

const report = reply({
  intent: 'guest_check',
  title: 'Guest check: vm1',
  text: 'Integration services are built in. <!channel> 2 findings.',
  notes: ['KVP daemon not running'],
});

describe('SlackReplyPoster', () => {
  let fake: FakeSlackApi;
  let poster: SlackReplyPoster;
  before(async () => {
    fake = await FakeSlackApi.start();
    poster = SlackReplyPoster.fromSettings({ botToken: fake.botToken, apiUrl: fake.apiUrl });
  });
  after(async () => {
    await fake.close();
  });

  test('posts into the target thread with blocks and a fallback, and returns the message ts', async () => {
    const posted = await poster.post({ platform: 'slack', channel: 'C0JOBS', thread: '1700000000.000100' }, report);
    const call = fake.posts().at(-1);
    assert.equal(call?.body.channel, 'C0JOBS');
    assert.equal(call?.body.thread_ts, '1700000000.000100');
    assert.equal(call?.auth, `Bearer ${fake.botToken}`);
    assert.ok(posted.id.length > 0);
    assert.deepEqual(blockKitProblems(call?.body ?? {}), []);
    assert.doesNotMatch(String(call?.body.text), /<!channel>/);
  });

  test('finds a message by the delivery marker in its metadata, in a thread and in a channel, across pages', async () => {
    const since = Date.now() - 1000;
    const thread = { platform: 'slack' as const, channel: 'C0FIND', thread: '1700000000.000300' };
    const channel = { platform: 'slack' as const, channel: 'C0FINDTOP' };
    assert.equal(await poster.find(thread, 'gc-1/r1', since), undefined, 'nothing posted yet');
    const inThread = await poster.post(thread, report, { marker: 'gc-1/r1' });
    for (let i = 0; i < 450; i++) await poster.post(thread, report, { marker: `other-${i}` });
    const inChannel = await poster.post(channel, report, { marker: 'gc-2/r1' });
    for (let i = 0; i < 250; i++) await poster.post(channel, report);
    assert.deepEqual(await poster.find(thread, 'gc-1/r1', since), inThread);
    assert.deepEqual(await poster.find(channel, 'gc-2/r1', since), inChannel, 'found past the first page of history');
    assert.equal(await poster.find(thread, 'gc-1/r2', since), undefined, 'another incarnation of the job is another marker');
    assert.equal(await poster.find(channel, 'gc-2/r1', Date.now() + 60_000), undefined, 'not before the claim');
    assert.equal(fake.posts().find((c) => c.body.channel === 'C0FIND')?.body.metadata !== undefined, true);
  });

  test('updates a posted message with chat.update', async () => {
    await poster.update({ platform: 'slack', channel: 'C0JOBS' }, { id: '1700000000.000200' }, report);
    const call = fake.callsTo('chat.update').at(-1);
    assert.equal(call?.body.ts, '1700000000.000200');
    assert.equal(call?.body.channel, 'C0JOBS');
  });

  for (const error of ['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive']) {
    test(`${error} becomes a ChannelGoneError (no retry can help)`, async () => {
      fake.failNext('chat.postMessage', { error });
      await assert.rejects(
        poster.post({ platform: 'slack', channel: 'C0GONE' }, report),
        (e: unknown) => e instanceof ChannelGoneError && e.message.includes(error),
      );
    });
  }

  test('other platform errors are passed on as they are', async () => {
    fake.failNext('chat.update', { error: 'msg_too_long' });
    await assert.rejects(
      poster.update({ platform: 'slack', channel: 'C0JOBS' }, { id: '1.2' }, report),
      (e: unknown) => !(e instanceof ChannelGoneError),
    );
  });

  test('a 429 is waited out for Retry-After and then posted', async () => {
    const before = fake.posts().length;
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = performance.now();
    await poster.post({ platform: 'slack', channel: 'C0RATE' }, report);
    assert.ok(performance.now() - started >= 900, 'honoured Retry-After');
    assert.equal(fake.posts().length - before, 2);
  });
});
