import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideVerdict } from '../../../src/knowledge/query/verdict.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();

describe('a named LIS series', () => {
  test('covers what its own notes list, not what later downloads of the series added', () => {
    assert.equal(decideVerdict(kb, { family: 'centos', version: '6.8', lis: '4.1' }).verdict, 'no');
    assert.equal(decideVerdict(kb, { family: 'rhel', version: '7.3', lis: '4.1' }).verdict, 'no');
    assert.equal(decideVerdict(kb, { family: 'centos', version: '6.8', lis: '4.1.2' }).verdict, 'yes');
  });
  test('still covers what a page column of that name lists', () => {
    assert.equal(decideVerdict(kb, { family: 'oracle-linux', version: '6.8', kernel: 'rhck', lis: '4.1' }).verdict, 'yes');
  });
  test('does not take in a later download announced as its update: 4.0.11 added 6.7, so plain 4.0 stops at 6.6', () => {
    assert.equal(decideVerdict(kb, { family: 'centos', version: '6.6', lis: '4.0' }).verdict, 'yes');
    assert.equal(decideVerdict(kb, { family: 'centos', version: '6.7', lis: '4.0' }).verdict, 'no');
    assert.equal(decideVerdict(kb, { family: 'centos', version: '6.7', lis: '4.0.11' }).verdict, 'yes');
  });
  test('takes in the repository tags built on it', () => {
    assert.equal(decideVerdict(kb, { family: 'rhel', version: '7.5', lis: '4.2' }).verdict, 'yes');
  });
});

test('a named LIS release asked of a UEK guest says the download is for the Red Hat Compatible Kernel', () => {
  const answer = decideVerdict(realKb(), { family: 'oracle-linux', version: '7.6', uek: 'R5', lis: '4.3' });
  assert.equal(answer.reason, 'lis-not-covering');
  assert.match(answer.headline, /Red Hat Compatible Kernel \(RHCK\) only/);
  assert.doesNotMatch(decideVerdict(realKb(), { family: 'rhel', version: '5.1', lis: '4.3' }).headline, /RHCK/);
});
