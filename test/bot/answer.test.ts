import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../src/bot/answer.ts';
import { Bot } from '../../src/bot/bot.ts';
import { MemoryContextStore } from '../../src/core/context-store.ts';
import { toAskJson } from '../../src/cli/ask-json.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();
const ask = (q: string) => toAskJson(q, answerQuestion(kb, q).reply);

describe('answers from the KB', () => {
  test('ubuntu 14.04 TRIM on 2012 R2: supported, built in, with its source', () => {
    const answer = ask('does ubuntu 14.04 support trim on 2012 r2?');
    assert.equal(answer.intent, 'feature_support');
    assert.equal(answer.verdict, 'supported');
    assert.equal(answer.integration?.kind, 'built-in');
    assert.ok(
      answer.sources.some((s) => s.startsWith('ubuntu@')),
      `sources: ${answer.sources.join()}`,
    );
  });
  test('rhel 6.2 needs the LIS download', () => {
    const answer = ask('does rhel 6.2 need lis?');
    assert.equal(answer.intent, 'distro_support');
    assert.equal(answer.verdict, 'supported');
    assert.deepEqual(answer.integration, { kind: 'download', package: 'LIS 4.3' });
  });
  test('secure boot is not offered on 2012 R2', () => {
    assert.equal(ask('ubuntu 18.04 secure boot on 2012 r2').verdict, 'not_supported');
    assert.equal(ask('is secure boot supported for ubuntu 18.04 on 2016?').verdict, 'supported');
  });
  test('an unlisted version is unknown, never guessed', () => {
    const answer = ask('is ubuntu 24.04 supported?');
    assert.equal(answer.verdict, 'unknown');
    assert.match(answer.text, /not an answer for 24\.04|can't say/);
  });
  test('a pasted log line finds its known issue', () => {
    const answer = ask('hv_balloon: Memory hot add failed');
    assert.equal(answer.intent, 'known_issue');
    assert.equal(answer.answered, true);
  });
  test('out of scope is declined', () => {
    for (const q of ['how do I install vmware tools on ubuntu', 'enable the hyper-v role on windows 11', 'tell me a joke']) {
      const answer = ask(q);
      assert.equal(answer.intent, 'unknown', q);
      assert.equal(answer.answered, false, q);
    }
  });
});

describe('conversation context', () => {
  test('"and on 2012?" reuses the distro and feature, then the context expires', async () => {
    let now = 0;
    const bot = new Bot(() => kb, new MemoryContextStore(60_000, 100, () => now));
    const first = await bot.ask({ text: 'ubuntu 14.04 trim on 2012 r2?', conversation: 't1' });
    assert.equal(first.reply.verdict, 'supported');
    const followUp = await bot.ask({ text: 'and on 2012?', conversation: 't1' });
    assert.deepEqual(followUp.reply.entities, { distro: 'ubuntu', version: '14.04', feature: 'trim', host: '2012' });
    const elsewhere = await bot.ask({ text: 'and on 2012?', conversation: 't2' });
    assert.equal(elsewhere.reply.answered, false, 'another thread has no context');
    now = 120_000;
    const late = await bot.ask({ text: 'and on 2016?', conversation: 't1' });
    assert.equal(late.reply.answered, false, 'context expired');
  });
  test('"what about 20.04?" keeps the distro and feature but takes the new version', async () => {
    const bot = new Bot(() => kb);
    await bot.ask({ text: 'is secure boot supported for ubuntu 18.04 on 2016?', conversation: 'v' });
    const next = await bot.ask({ text: 'what about 20.04?', conversation: 'v' });
    assert.deepEqual(next.reply.entities, { distro: 'ubuntu', version: '20.04', feature: 'secure-boot', host: '2016' });
  });
  test('a clarifying choice continues the question', async () => {
    const bot = new Bot(() => kb);
    const first = await bot.ask({ text: 'does it support kvp?', conversation: 'c' });
    assert.equal(first.reply.intent, 'feature_support');
    assert.equal(first.reply.answered, false, 'asks which distribution');
    const clarify = await bot.ask({ text: 'is secure boot supported on 2016', conversation: 'd' });
    assert.ok(clarify.reply.intent === 'feature_info' || clarify.reply.answered === false);
    const chosen = await bot.ask({ text: 'ubuntu 20.04', conversation: 'd' });
    assert.equal(chosen.reply.intent, 'feature_support');
    assert.equal(chosen.reply.entities.feature, 'secure-boot');
  });
});
