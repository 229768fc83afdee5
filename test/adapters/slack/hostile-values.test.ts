import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFeedback, decodeMore, encodeFeedback, encodeMore } from '../../../src/adapters/slack/render/values.ts';
import { blockKitProblems } from './block-limits.ts';
import { Harness } from './harness.ts';
import { nextTs } from './signed-requests.ts';

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
