// Questions about how the matrices changed are answered from the dated page history.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { windowOf } from '../../../src/bot/handlers/matrix-history.ts';
import { answerQuestion } from '../../../src/bot/answer.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();
const ask = (q: string) => answerQuestion(kb, q).reply;

describe('windowOf', () => {
  test('two years bound the window, one year after "since" opens it, one year alone is that year', () => {
    assert.deepEqual(windowOf('what changed between 2023 and 2019', '2025-06-19'), { from: '2019-12-31', to: '2023-12-31' });
    assert.deepEqual(windowOf('anything new since 2019?', '2025-06-19'), { from: '2019-12-31', to: '2025-06-19' });
    assert.deepEqual(windowOf('what was added in 2023', '2025-06-19'), { from: '2022-12-31', to: '2023-12-31' });
  });
  test('no year is the last year before the newest page', () => {
    assert.deepEqual(windowOf("what's new", '2025-06-19'), { from: '2024-06-19', to: '2025-06-19' });
  });
});

describe('a question about the matrix history', () => {
  test('what changed for a family between two years lists the releases added and dropped', () => {
    const reply = ask('what changed on the ubuntu page between 2020 and 2023?');
    assert.equal(reply.intent, 'digest');
    assert.match(reply.text, /New: Ubuntu 22\.04/);
    assert.match(reply.text, /Dropped: Ubuntu 14\.04/);
  });
  test('when a release was first listed, and whether the newest page still lists it', () => {
    assert.match(ask('when did debian 10 first show up in the matrix?').text, /first listed on the 2020-\d\d-\d\d version/);
    assert.match(ask('ubuntu 12.04 - when did it drop off the ubuntu page?').text, /no longer does/);
  });
  test('a question about the subscription itself still explains the digest commands', () => {
    assert.match(ask('subscribe this channel to the weekly digest').text, /\/lis digest subscribe/);
  });
});
