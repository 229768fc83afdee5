import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { route } from '../../src/bot/intent/route.ts';
import { answerQuestion } from '../../src/bot/answer.ts';
import { realKb } from '../helpers/real-kb.ts';

describe('routing by what the question names', () => {
  test('a support question goes where its entities say', () => {
    assert.deepEqual(route('support', { distro: 'rhel', feature: 'trim' }), { intent: 'feature_support', missing: [] });
    assert.deepEqual(route('support', { distro: 'rhel' }), { intent: 'distro_support', missing: [] });
    assert.deepEqual(route('support', { feature: 'trim' }), { intent: 'feature_support', missing: ['distro'] });
    assert.deepEqual(route('feature_info', { distro: 'rhel', version: '7.9', feature: 'trim' }), {
      intent: 'feature_support',
      missing: [],
    });
  });
  test('heard as asking what a feature is, a family named without a release stays a question of what it is', () => {
    assert.deepEqual(route('feature_info', { distro: 'freebsd', feature: 'lro' }), { intent: 'feature_info', missing: [] });
  });
});

describe('a guest, a feature and something going wrong, with no support question', () => {
  const kb = realKb();
  test('is a problem report, not a support question', () => {
    for (const told of ['co 6.7 pxe keyboard dead', 'kvp daemon crash loop on debian 9'])
      assert.equal(answerQuestion(kb, told).reply.intent, 'known_issue', told);
  });
  test('asked as a support question, it stays one', () => {
    const { reply } = answerQuestion(kb, 'centos 6.5 with the in-box drivers: does kvp work on 2012 r2?');
    assert.equal(reply.intent, 'feature_support');
  });
});
