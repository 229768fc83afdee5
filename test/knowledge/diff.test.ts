import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffKb, diffSnapshots } from '../../src/knowledge/diff.ts';
import { describeChange } from '../../src/knowledge/describe-change.ts';
import { fixtureKb } from '../helpers/fixture-kb.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = fixtureKb();

describe('KB diff', () => {
  test('between two versions of a page: new release, dropped release, new feature', () => {
    const changes = diffSnapshots(kb.snapshots.get('ubuntu@2019'), kb.snapshots.get('ubuntu@2020')!, ['ubuntu']);
    const summary = changes
      .map((c) =>
        c.kind === 'lis-release' ? c.kind : `${c.kind} ${c.column.header}${'feature' in c ? ` ${c.feature} ${c.hosts.join('+')}` : ''}`,
      )
      .sort();
    assert.deepEqual(summary, ['added 20.04 LTS', 'dropped 18.10 / 19.04', 'feature-added 14.04 LTS hv-sockets 2019+2016']);
  });
  test('between dates, families sharing a page are compared once', () => {
    const changes = diffKb(kb, '2024-01-01', '2025-12-31');
    assert.deepEqual(changes.map((c) => c.kind).sort(), ['added', 'dropped', 'dropped', 'dropped', 'host-added', 'host-removed']);
    const hostChanges = changes.flatMap((c) =>
      c.kind === 'host-added' || c.kind === 'host-removed' ? [`${c.kind} ${c.column.header} ${c.hosts.join()}`] : [],
    );
    assert.deepEqual(hostChanges.sort(), ['host-added 9.x 2025', 'host-removed 9.x 2012 R2']);
    const added = changes.find((c) => c.kind === 'added');
    assert.ok(added && added.kind === 'added');
    assert.deepEqual(added.families, ['rhel', 'centos']);
    assert.match(describeChange(kb, added), /10\.x/);
  });
  test('a host filter keeps feature changes on that host only', () => {
    const changes = diffKb(kb, '2019-07-01', '2020-09-01', { families: ['ubuntu'], hosts: ['2012 R2'] });
    assert.equal(
      changes.some((c) => c.kind === 'feature-added'),
      false,
    );
    assert.equal(
      changes.some((c) => c.kind === 'added'),
      true,
    );
  });
  test('a host leaving a release is one change, not one per feature (ubuntu 2019 → 2020)', async () => {
    const { realKb } = await import('../helpers/real-kb.ts');
    const kb2 = realKb();
    const changes = diffSnapshots(kb2.snapshots.get('ubuntu@2019-06-13'), kb2.snapshots.get('ubuntu@2020-08-29')!, ['ubuntu']);
    const lines = changes.map((c) => describeChange(kb2, c));
    assert.ok(
      lines.some((l) => /^New: Ubuntu 20\.04/.test(l)),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => /^Dropped: Ubuntu 18\.10, 19\.04/.test(l)));
    assert.ok(lines.some((l) => /^Host: Ubuntu 14\.04 .* no longer listed on 2012, 2008 R2/.test(l)));
    assert.ok(lines.some((l) => /Hyper-V sockets now available for Ubuntu 14\.04/.test(l)));
    assert.ok(lines.length < 15, `compact: ${lines.length} lines`);
  });
  test('no change between a date and itself', () => {
    assert.deepEqual(diffKb(kb, '2020-09-01', '2020-09-01'), []);
  });
});

describe('issue 11: what a diff calls a change', () => {
  test('FreeBSD 8.4 moving into the merged "9.1-9.3, 8.4" column is neither dropped nor newly supported', () => {
    const kb = realKb();
    const changes = diffSnapshots(kb.snapshots.get('freebsd@2016-tp'), kb.snapshots.get('freebsd@2017-08-30')!, ['freebsd']);
    assert.ok(!changes.some((c) => c.kind === 'dropped' && c.column.key === 'freebsd:8.4:ports'), 'not dropped');
    assert.ok(!changes.some((c) => c.kind === 'versions-changed'), 'not a change of versions');
  });
  test('a header reworded without new versions ("16.04" → "16.04 LTS") is no change', () => {
    const kb = realKb();
    const changes = diffSnapshots(kb.snapshots.get('ubuntu@2016-tp'), kb.snapshots.get('ubuntu@2019-06-13')!, ['ubuntu']);
    assert.ok(!changes.some((c) => c.kind === 'versions-changed' && c.column.header.startsWith('16.04')), 'no label-only change');
  });
  test('a citation whose id carries the stale ms.date also names the era of its content', () => {
    const kb = realKb();
    const changes = diffKb(kb, '2016-01-01', '2021-01-01', { families: ['sles'] });
    const sles15 = changes.find((c) => c.kind === 'added' && c.column.header === 'SLES 15');
    assert.ok(sles15);
    assert.match(describeChange(kb, sles15), /sles@2016-10-03_b5dc2aba, content of 2019-01-11/);
  });
});
