import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Bot } from '../../src/bot/bot.ts';
import { answerRecorder, targetOfConversation } from '../../src/corrections/recorder.ts';
import { MemoryAnswerLedger } from '../../src/corrections/ledger.ts';
import { Harness } from '../adapters/slack/harness.ts';
import { realKb } from '../helpers/real-kb.ts';

describe('recording answers and opting channels in', () => {
  test('the conversation key gives the channel and thread the answer went to', () => {
    assert.deepEqual(targetOfConversation('slack:T1:C123:1700000000.000100'), {
      platform: 'slack',
      team: 'T1',
      channel: 'C123',
      thread: '1700000000.000100',
    });
    assert.deepEqual(targetOfConversation('slack:T1:D123:U9'), { platform: 'slack', team: 'T1', channel: 'D123' });
    assert.deepEqual(targetOfConversation('discord:g1:c1:u1'), { platform: 'discord', channel: 'c1' });
    assert.equal(targetOfConversation('console:x'), undefined);
  });

  test('a verdict given in a Slack thread is recorded with its facts; a declined question and the console are not', async () => {
    const ledger = new MemoryAnswerLedger();
    const kb = realKb();
    const bot = new Bot(
      () => kb,
      undefined,
      answerRecorder(ledger, () => kb),
    );
    await bot.ask({ text: 'is ubuntu 18.04 supported?', conversation: 'slack:T1:C0REC:1700000000.000200', platform: 'slack' });
    await bot.ask({ text: 'what is the weather like?', conversation: 'slack:T1:C0REC:1700000000.000300', platform: 'slack' });
    await bot.ask({ text: 'is ubuntu 18.04 supported?', conversation: 'console', platform: 'console' });
    await new Promise((resolve) => setImmediate(resolve));
    const entries = await ledger.entries();
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.deepEqual(entry!.target, { platform: 'slack', team: 'T1', channel: 'C0REC', thread: '1700000000.000200' });
    assert.equal(entry!.verdict, 'supported');
    assert.equal(entry!.kbVersion, kb.version);
    assert.ok(
      entry!.facts.some((f) => f.startsWith('column:ubuntu@')),
      entry!.facts.join(' '),
    );
  });

  test('/lis corrections on: only someone who manages the channel may turn it on; status tells anyone', async () => {
    const answers = new MemoryAnswerLedger();
    const h = await Harness.start({ answers, fake: { users: { U0ADMIN: { is_admin: true } }, channelCreators: { C0OPT: 'U0OWNER' } } });
    try {
      const denied = await h.slash('corrections on', { user: 'U0RANDOM', channel: 'C0OPT' });
      assert.match(String((await h.responseTo(denied.responseUrl)).body.text), /Only people who manage this channel/);
      assert.equal(await answers.correctionsOn({ platform: 'slack', channel: 'C0OPT' }), false);
      const allowed = await h.slash('corrections on', { user: 'U0ADMIN', channel: 'C0OPT' });
      assert.match(String((await h.responseTo(allowed.responseUrl)).body.text), /Corrections are on/);
      assert.equal(await answers.correctionsOn({ platform: 'slack', channel: 'C0OPT' }), true);
      const status = await h.slash('corrections', { user: 'U0RANDOM', channel: 'C0OPT' });
      assert.match(String((await h.responseTo(status.responseUrl)).body.text), /Corrections are on here/);
      const off = await h.slash('corrections off', { user: 'U0OWNER', channel: 'C0OPT' });
      assert.match(String((await h.responseTo(off.responseUrl)).body.text), /off for this channel/);
      assert.equal(await answers.correctionsOn({ platform: 'slack', channel: 'C0OPT' }), false);
    } finally {
      await h.stop();
    }
  });
});
