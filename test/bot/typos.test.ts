import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withCommonTyposFixed } from '../../src/bot/typos.ts';
import { answerQuestion } from '../../src/bot/answer.ts';
import { realKb } from '../helpers/real-kb.ts';

describe('common slips in the domain words', () => {
  test('a letter left out, two swapped or one typed twice are set right, keeping a capital', () => {
    assert.equal(
      withCommonTyposFixed('where do i donwload it? Suport for verison 7, kernell instal'),
      'where do i download it? Support for version 7, kernel install',
    );
  });
  test('a few common slips of more than one letter are listed as they are', () => {
    assert.equal(withCommonTyposFixed('whats the lastest LIS download version'), 'whats the latest LIS download version');
  });
  test('words of their own and the last letter left out stay as typed', () => {
    assert.equal(withCommonTyposFixed('the window of the update, one driver'), 'the window of the update, one driver');
  });
  test('the handlers read the words set right: a mistyped download question gets the download answer', () => {
    const reply = answerQuestion(realKb(), 'where i can donwload the linux integration services package?').reply;
    assert.match(reply.text, /Download Center/);
  });
});
