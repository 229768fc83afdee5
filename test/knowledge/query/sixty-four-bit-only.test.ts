import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideVerdict } from '../../../src/knowledge/query/verdict.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();

test('a 32-bit install of a release whose columns mark PAE not applicable is no guest the pages list', () => {
  for (const query of [
    { family: 'rhel', version: '7.4' },
    { family: 'sles', version: '12 SP3' },
    { family: 'rhel', version: '7.4', feature: 'kvp', host: '2016' },
  ] as const) {
    const answer = decideVerdict(kb, { ...query, arch: '32-bit' });
    assert.equal(answer.verdict, 'no', answer.headline);
    assert.equal(answer.reason, 'sixty-four-bit-only');
    assert.match(answer.headline, /64-bit kernels only/);
    assert.equal(decideVerdict(kb, { ...query, arch: '64-bit' }).verdict, 'yes');
  }
});

test('a 32-bit install of a release with a PAE kernel is answered as usual', () => {
  const answer = decideVerdict(kb, { family: 'centos', version: '6.5', host: '2012 R2', arch: '32-bit' });
  assert.equal(answer.verdict, 'yes', answer.headline);
  assert.equal(decideVerdict(kb, { family: 'rhel', version: '7.4', feature: 'pae', arch: '32-bit' }).reason, 'listed');
});
