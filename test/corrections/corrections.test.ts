import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { answerQuestion } from '../../src/bot/answer.ts';
import { knowledgeAsOf } from '../../src/knowledge/as-of.ts';
import { answerRecord, examine, runCorrections } from '../../src/corrections/correct.ts';
import { MemoryAnswerLedger, type AnswerRecord } from '../../src/corrections/ledger.ts';
import { RedisAnswerLedger } from '../../src/corrections/redis-ledger.ts';
import type { ReplyTarget } from '../../src/core/delivery.ts';
import { SlackReplyPoster } from '../../src/adapters/slack/poster.ts';
import { DiscordReplyPoster } from '../../src/adapters/discord/poster.ts';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { FakeDiscord } from '../adapters/discord/fake-discord.ts';
import { realKb } from '../helpers/real-kb.ts';
import { TEST_REDIS_URL, testRedis } from '../digest/helpers.ts';
import { runLisbot } from '../helpers/cli-io.ts';

/** Answers given from the KB as it stood on 2019-06-13; the 2020-08-29 version flips the first three. */
const FLIPPED = ['is ubuntu 20.04 supported?', 'does ubuntu 14.04 support hyper-v sockets?', 'does rhel 6.2 need lis?'];
const STANDING = [
  'is ubuntu 19.04 supported?',
  'is ubuntu 18.10 supported?',
  'is ubuntu 12.04 supported?',
  'is ubuntu 14.04 supported?',
  'is ubuntu 18.04 supported?',
  'does ubuntu 16.04 support trim?',
  'is freebsd 11 supported?',
];

function recordAll(targets: readonly ReplyTarget[]): AnswerRecord[] {
  const before = knowledgeAsOf(realKb(), '2019-06-13');
  return [...FLIPPED, ...STANDING].map((question, i) => {
    const target = targets[i % targets.length]!;
    const { reply } = answerQuestion(before, question);
    return answerRecord(
      before,
      { ...target, thread: target.platform === 'slack' ? `170000000${i}.000100` : undefined },
      question,
      reply,
      `answer-${i}`,
      new Date(),
    );
  });
}

describe('corrections', () => {
  const redis = testRedis();
  const extra: Redis[] = [];
  after(async () => {
    for (const r of extra) r.disconnect();
    await redis.cleanup();
  });

  test('the ledger records the facts an answer rested on, and a new KB version flips exactly the answers whose facts changed', () => {
    const entries = recordAll([{ platform: 'slack', channel: 'C0FACTS' }]);
    const ubuntu2004 = entries[0]!;
    assert.ok(ubuntu2004.facts.includes('snapshot:ubuntu@2019-06-13'), ubuntu2004.facts.join(' '));
    const sockets = entries[1]!;
    assert.ok(
      sockets.facts.some((f) => /^feature:ubuntu@2019-06-13\/.+\/hv-sockets$/.test(f)),
      sockets.facts.join(' '),
    );
    const after = knowledgeAsOf(realKb(), '2020-08-29');
    const flips = entries.map((e) => examine(after, e)).filter((c) => c !== undefined);
    assert.deepEqual(flips.map((c) => c.entry.question).sort(), [...FLIPPED].sort());
    assert.equal(flips.find((c) => c.entry.id === 'answer-0')!.answer.verdict, 'supported');
  });

  test('3 of 10 recorded answers flipped → exactly 3 corrections through the real Slack and Discord posters, once, with two workers', async () => {
    const slackFake = await FakeSlackApi.start();
    const discordFake = await new FakeDiscord().start();
    try {
      const posters = {
        slack: SlackReplyPoster.fromSettings({ botToken: slackFake.botToken, apiUrl: slackFake.apiUrl }),
        discord: DiscordReplyPoster.fromSettings({ token: discordFake.token, apiUrl: discordFake.apiUrl }),
      };
      const targets: ReplyTarget[] = [
        { platform: 'slack', channel: 'C0CORRECT' },
        { platform: 'discord', channel: discordFake.channelId },
      ];
      // Two workers: each its own Redis connection onto the same ledger.
      const second = new Redis(redis.redis.options);
      extra.push(second);
      const ledgers = [
        new RedisAnswerLedger(redis.redis, `${redis.prefix}answers:`),
        new RedisAnswerLedger(second, `${redis.prefix}answers:`),
      ];
      for (const entry of recordAll(targets)) await ledgers[0]!.record(entry);
      await ledgers[1]!.setCorrections(targets[0]!, true);
      await ledgers[0]!.setCorrections(targets[1]!, true);
      assert.equal((await ledgers[1]!.entries()).length, 10);

      const newKb = knowledgeAsOf(realKb(), '2020-08-29');
      const runs = await Promise.all(ledgers.map((ledger) => runCorrections({ kb: newKb, ledger, posters })));
      assert.equal(
        runs.reduce((n, r) => n + r.posted, 0),
        3,
        JSON.stringify(runs),
      );
      assert.equal(
        runs.reduce((n, r) => n + r.failed, 0),
        0,
      );

      const slackPosts = slackFake.posts();
      const discordPosts = discordFake.requests.filter(
        (r) => r.method === 'POST' && r.path === `/channels/${discordFake.channelId}/messages`,
      );
      assert.equal(slackPosts.length + discordPosts.length, 3);
      assert.ok(slackPosts.length >= 1 && discordPosts.length >= 1, `${slackPosts.length} Slack, ${discordPosts.length} Discord`);
      for (const post of slackPosts) {
        assert.match(String(post.body.thread_ts), /^170000000\d\.000100$/, 'in the original thread');
        assert.match(String(post.body.text), /Correction/);
      }
      const all = [...slackPosts.map((p) => JSON.stringify(p.body)), ...discordPosts.map((p) => JSON.stringify(p.body))].join('\n');
      assert.match(all, /Earlier I answered \\"is ubuntu 20\.04 supported\?\\"/);
      assert.match(all, /2020-08-29 version of the ubuntu page/);

      // The same KB version again, from either worker: nothing more.
      const again = await Promise.all(ledgers.map((ledger) => runCorrections({ kb: newKb, ledger, posters })));
      assert.equal(
        again.reduce((n, r) => n + r.posted, 0),
        0,
      );
      assert.equal(
        slackFake.posts().length + discordFake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')).length,
        3,
      );
      const stored = await ledgers[0]!.entries();
      assert.equal(stored.find((e) => e.id === 'answer-0')!.verdict, 'supported', 'the ledger now holds the corrected answer');
    } finally {
      await slackFake.close();
      await discordFake.stop();
    }
  });

  test('a channel that has not opted in gets no correction; the per-channel limit defers the rest to the next run', async () => {
    const ledger = new MemoryAnswerLedger();
    const posted: string[] = [];
    const poster = {
      platform: 'slack' as const,
      post: (target: ReplyTarget) => {
        posted.push(target.channel);
        return Promise.resolve({ id: String(posted.length) });
      },
      update: () => Promise.resolve(),
    };
    for (const entry of recordAll([{ platform: 'slack', channel: 'C0QUIET' }])) await ledger.record(entry);
    const newKb = knowledgeAsOf(realKb(), '2020-08-29');
    assert.equal((await runCorrections({ kb: newKb, ledger, posters: { slack: poster } })).posted, 0);
    await ledger.setCorrections({ platform: 'slack', channel: 'C0QUIET' }, true);
    const first = await runCorrections({ kb: newKb, ledger, posters: { slack: poster }, perChannel: 2 });
    assert.deepEqual([first.posted, first.deferred], [2, 1]);
    const second = await runCorrections({ kb: newKb, ledger, posters: { slack: poster }, perChannel: 2 });
    assert.deepEqual([second.posted, second.deferred], [1, 0]);
    assert.equal(posted.length, 3);
  });

  test('the Redis ledger drops answers past its retention', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const ledger = new RedisAnswerLedger(redis.redis, `${redis.prefix}retention:`, { maxAgeMs: 60_000, maxEntries: 3 }, () => now);
    const [entry] = recordAll([{ platform: 'slack', channel: 'C0RET' }]);
    for (let i = 0; i < 5; i++) await ledger.record({ ...entry!, id: `r${i}`, at: new Date(now + i).toISOString() });
    assert.deepEqual(
      (await ledger.entries()).map((e) => e.id),
      ['r2', 'r3', 'r4'],
    );
    now += 120_000;
    await ledger.record({ ...entry!, id: 'fresh', at: new Date(now).toISOString() });
    assert.deepEqual(
      (await ledger.entries()).map((e) => e.id),
      ['fresh'],
    );
  });
});

describe('lisbot corrections preview', () => {
  const redis = testRedis();
  after(async () => {
    await redis.cleanup();
  });

  test('lists the answers the change from 2019-06-13 to 2020-08-29 would correct, and nothing is posted', async () => {
    const ledger = new RedisAnswerLedger(redis.redis, `${redis.prefix}preview:`);
    for (const entry of recordAll([{ platform: 'slack', channel: 'C0PREVIEW' }])) await ledger.record(entry);
    const env = { REDIS_URL: TEST_REDIS_URL };
    const byDate = await runLisbot(
      ['corrections', 'preview', '--from', '2019-06-13', '--to', '2020-08-29', '--json', '--ledger-prefix', `${redis.prefix}preview:`],
      { env },
    );
    assert.equal(byDate.code, 0, byDate.stderr);
    assert.ok(byDate.stdout.trim(), `no output; stderr: ${byDate.stderr}`);
    const lines = byDate.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string; after: { verdict: string }; page: string });
    assert.deepEqual(lines.map((l) => l.question).sort(), [...FLIPPED].sort());
    assert.match(byDate.stderr, /3 of 10 recorded answer\(s\) would be corrected/);
    const version = knowledgeAsOf(realKb(), '2019-06-13').version;
    const byVersion = await runLisbot(
      ['corrections', 'preview', '--from', version, '--to', '2020-08-29', '--ledger-prefix', `${redis.prefix}preview:`],
      { env },
    );
    assert.equal(byVersion.code, 0, byVersion.stderr);
    assert.equal(byVersion.stdout.trim().split('\n').length, 3);
    assert.match(byVersion.stdout, /"is ubuntu 20\.04 supported\?"\s+unknown → supported \(built-in\)\s+changed by ubuntu@2020-08-29/);
    const bad = await runLisbot(['corrections', 'preview', '--from', 'yesterday'], { env });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--from takes a KB version/);
  });
});
