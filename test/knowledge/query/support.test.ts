import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { querySupport } from '../../../src/knowledge/query/support.ts';
import { fixtureKb } from '../../helpers/fixture-kb.ts';

const kb = fixtureKb();

describe('querySupport', () => {
  test('a version inside a range resolves to that column', () => {
    const answer = querySupport(kb, { family: 'centos', version: '6.2' });
    assert.equal(answer.status, 'listed-earlier');
    assert.deepEqual(
      answer.matches.map((m) => m.column.key),
      ['rhel:6.0-6.3:download:lis-4.3'],
    );
    assert.equal(answer.droppedIn?.id, 'rhel@2025');
  });
  test('a version listed twice gives both the download and the built-in column', () => {
    const answer = querySupport(kb, { family: 'rhel', version: '6.4' });
    assert.deepEqual(answer.matches.map((m) => m.column.integration.kind).sort(), ['built-in', 'download']);
  });
  test('6.40 is not 6.4', () => {
    const answer = querySupport(kb, { family: 'rhel', version: '6.40' });
    assert.equal(answer.status, 'not-listed');
    assert.ok(answer.nearest.length > 0, 'offers the nearest known columns');
  });
  test('a point release of a .x series is listed now', () => {
    const answer = querySupport(kb, { family: 'rhel', version: '9.4' });
    assert.equal(answer.status, 'listed');
    assert.equal(answer.matches[0]?.column.key, 'rhel:9.x:built-in');
  });
  test('an older era answers from the snapshot of that time', () => {
    const answer = querySupport(kb, { family: 'rhel', version: '5.6', asOf: '2015-01-01' });
    assert.equal(answer.status, 'listed');
    assert.equal(answer.matches[0]?.column.integration.package, 'LIS 3.5');
    assert.equal(querySupport(kb, { family: 'rhel', version: '9.4', asOf: '2015-01-01' }).status, 'not-listed');
  });
  test('an unknown version gets the nearest facts, not an answer', () => {
    const answer = querySupport(kb, { family: 'ubuntu', version: '24.04' });
    assert.equal(answer.status, 'not-listed');
    assert.equal(answer.matches.length, 0);
    assert.deepEqual(
      answer.nearest.map((m) => m.column.header),
      ['20.04 LTS'],
    );
  });
  test('an OS that does not run on Hyper-V says so', () => {
    const answer = querySupport(kb, { family: 'aix' });
    assert.equal(answer.status, 'does-not-run');
    assert.match(answer.otherOs?.reason ?? '', /x86/);
  });
});

describe('lifecycle', () => {
  test('first and last dated source that list a version one way', async () => {
    const { versionLifecycle } = await import('../../../src/knowledge/query/lifecycle.ts');
    const { realKb } = await import('../../helpers/real-kb.ts');
    const real = realKb();
    const ubuntu1404 = querySupport(real, { family: 'ubuntu', version: '14.04' }).matches[0]!;
    const lifecycle = versionLifecycle(real, 'ubuntu', '14.04', ubuntu1404.column);
    assert.equal(lifecycle?.firstSeen.id, 'teched-2014');
    assert.equal(lifecycle?.lastSeen.id, 'ubuntu@2020-08-29');
    const rhel62 = querySupport(real, { family: 'rhel', version: '6.2' }).matches[0]!;
    assert.equal(versionLifecycle(real, 'rhel', '6.2', rhel62.column)?.lastSeen.id, 'rhel@2023-09-27');
  });
});
