import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFeedback, decodeMore, encodeFeedback, encodeMore } from '../../../src/adapters/slack/render/values.ts';
import { blockKitProblems } from './block-limits.ts';
import { Harness } from './harness.ts';
import { nextTs } from './signed-requests.ts';
import { Bot, type AnsweredMessage, type IncomingMessage } from '../../../src/bot/bot.ts';
import { reply } from '../../../src/core/reply.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { Redis } from 'ioredis';
import { RedisTextRefs } from '../../../src/state/text-refs.ts';
import { ignoreOutages } from '../../../src/state/redis-outage.ts';
import { TEST_REDIS_URL, waitFor } from '../../helpers/ports.ts';
import { testKeyPrefix } from '../../helpers/redis.ts';

const CONTROLS = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 8))).join('');
const LONE_SURROGATES = '\ud800'.repeat(340);

function buttonValues(body: Record<string, unknown>): string[] {
  const values: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (k === 'value' && typeof v === 'string') values.push(v);
        else walk(v);
      }
  };
  walk(body.blocks);
  return values;
}

describe('button values carrying user text are bounded by construction', () => {
  test('feedback and show-more values fit 2,000 characters whatever the question holds, and decode again', () => {
    for (const hostile of [CONTROLS, LONE_SURROGATES, `${'"\\'.repeat(900)}`, '😀'.repeat(1000), `rhel 7 ${CONTROLS}${LONE_SURROGATES}`]) {
      const feedback = encodeFeedback({
        q: hostile,
        i: 'distro_support',
        s: Array.from({ length: 40 }, (_, i) => `source-${i}-${'x'.repeat(150)}`),
      });
      assert.ok(feedback.length <= 2000, `feedback value of ${feedback.length}`);
      assert.ok(decodeFeedback(feedback), 'the feedback value decodes');
      const more = encodeMore({ p: 3, o: { q: hostile } });
      assert.ok(more.length <= 2000, `more value of ${more.length}`);
      assert.equal(decodeMore(more)?.p, 3);
      assert.doesNotMatch(more, /\\ud800/i, 'no lone surrogate goes to Slack');
    }
  });
});

describe('a hostile question still gets its reply in Slack', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h.stop();
  });

  for (const [label, noise] of [
    ['324+ control characters', CONTROLS],
    ['~340 lone surrogates', LONE_SURROGATES],
  ] as const) {
    for (const question of ['does rhel 7.9 support trim?', 'show the full rhel matrix']) {
      test(`${label} in "${question}"`, async () => {
        const channel = `C0H${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
        const ts = nextTs();
        await h.postEvent({ type: 'app_mention', text: `<@U0LISBOT> ${question} ${noise}`, user: 'U0ALICE', channel, ts, event_ts: ts });
        const replyCall = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel, 5000);
        assert.deepEqual(blockKitProblems(replyCall.body), []);
        for (const value of buttonValues(replyCall.body)) assert.ok(value.length <= 2000, `a button value of ${value.length}`);
        assert.equal(h.logger.errors().filter((e) => /action value/.test(e)).length, 0);
      });
    }
  }
});

/** Answers every question at length (several pages), and remembers what it was asked. */
class LongBot extends Bot {
  readonly asked: string[] = [];
  override ask(message: IncomingMessage): Promise<AnsweredMessage> {
    this.asked.push(message.text);
    const notes = Array.from({ length: 40 }, (_, i) => `note ${i}: ${'details '.repeat(100)}`);
    return Promise.resolve({
      reply: reply({ intent: 'known_issue', title: 'A long answer', text: 'A long answer.', notes, sources: [] }),
      confidence: 1,
      latencyMs: 0,
    });
  }
}

describe('a question too long for a button value goes by reference, shared by two replicas through Redis', () => {
  const prefix = `${testKeyPrefix('refs')}:`;
  const redisA = new Redis(TEST_REDIS_URL);
  const redisB = new Redis(TEST_REDIS_URL);
  const kb = realKb();
  const botB = new LongBot(() => kb);
  let a: Harness;
  let b: Harness;
  before(async () => {
    a = await Harness.start({ refs: new RedisTextRefs(redisA, ignoreOutages, prefix), bot: new LongBot(() => kb) });
    b = await Harness.start({ refs: new RedisTextRefs(redisB, ignoreOutages, prefix), bot: botB });
  });
  after(async () => {
    await Promise.all([a.stop(), b.stop()]);
    const keys = await redisA.keys(`${prefix}*`);
    if (keys.length) await redisA.del(...keys);
    redisA.disconnect();
    redisB.disconnect();
  });

  test('a 3,000-character question: 👍 records it whole and "show more" asks it whole, on the other replica', async () => {
    const question = `does rhel 7.9 support trim ${'and what about kvp '.repeat(160)}`.trim();
    assert.ok(question.length >= 3000);
    const channel = 'C0LONGQ';
    const ts = nextTs();
    await a.postEvent({ type: 'app_mention', text: `<@U0LISBOT> ${question}`, user: 'U0ALICE', channel, ts, event_ts: ts });
    const answer = await a.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel, 5000);
    const elements = ((answer.body.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>) ?? []).flatMap(
      (block) => block.elements ?? [],
    );
    const up = elements.find((e) => e.action_id?.startsWith('lis:feedback-up'));
    const more = elements.find((e) => e.action_id?.startsWith('lis:show-more'));
    assert.ok(up?.value && more?.value, 'the answer has 👍 and "show more"');
    assert.ok(up.value.length <= 2000 && more.value.length <= 2000);
    assert.ok(!more.value.includes('kvp'), '"show more" carries a reference, not a cut question');

    await b.press({ actionId: up.action_id!, value: up.value, blockId: 'lis-feedback', channel, message: { ts: nextTs() } });
    await waitFor(async () => (await b.feedback.all()).some((r) => r.kind === 'up'), 5000, 'the feedback record');
    assert.equal((await b.feedback.all()).find((r) => r.kind === 'up')?.question, question, 'the whole question, from the reference');

    await b.press({ actionId: more.action_id!, value: more.value, channel, message: { ts: nextTs(), thread_ts: ts } });
    const page = await b.fake.waitFor((c) => c.method === 'chat.postMessage' && /page 2 of/.test(String(c.body.text)), 5000);
    assert.equal(page.body.thread_ts, ts);
    assert.deepEqual(botB.asked, [question], 'the other replica asked the whole question again');
  });
});
