import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matrixStandingNote } from '../../../src/bot/handlers/matrix-standing.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();

test('a problem with an LIS release that does not cover the guest release says so, and which release does', () => {
  const [note] = matrixStandingNote(kb, { distro: 'rhel', version: '6.8', lis: '4.1' }, 'lis 4.1 install script on rhel 6.8 stops');
  assert.match(note ?? '', /^Support matrix: No\. LIS 4\.1 does not cover Red Hat Enterprise Linux 6\.8\b/);
  assert.match(note ?? '', /LIS 4\.1\.2 and later do/);
});

test('a problem with an LIS release that covers the guest release gets no such note', () => {
  assert.deepEqual(matrixStandingNote(kb, { distro: 'rhel', version: '6.6', lis: '4.1' }, 'lis 4.1 install script on rhel 6.6 stops'), []);
  assert.deepEqual(matrixStandingNote(kb, { distro: 'rhel', version: '6.8' }, 'rhel 6.8 guest stops at boot'), []);
});
