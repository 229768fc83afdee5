import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideVerdict, type VerdictQuery } from '../../../src/knowledge/query/verdict.ts';
import { compareKernelBuilds, statedBeyond } from '../../../src/knowledge/query/limits.ts';
import { NoteEffect } from '../../../src/knowledge/schema/index.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();

const CASES: ReadonlyArray<{
  name: string;
  query: VerdictQuery;
  beyond: VerdictQuery['stated'];
  within: VerdictQuery['stated'];
  headline: RegExp;
}> = [
  {
    name: 'FreeBSD jumbo frames: MTU at most 9126',
    query: { family: 'freebsd', version: '12.1', feature: 'jumbo-frames' },
    beyond: { mtu: 9216 },
    within: { mtu: 9000 },
    headline: /MTU of at most 9126; you asked for an MTU of 9216/,
  },
  {
    name: 'FreeBSD static IP injection into a replica: IPv4 only',
    query: { family: 'freebsd', version: '11.3', feature: 'static-ip-injection' },
    beyond: { ipVersions: ['ipv6'] },
    within: { ipVersions: ['ipv4'] },
    headline: /IPv4 addresses \(not IPv6\); you asked for IPv6/,
  },
  {
    name: 'Debian file systems on virtual disks up to 2 TB',
    query: { family: 'debian', version: '10', feature: 'vhdx-resize' },
    beyond: { fileSystemDiskTb: 3 },
    within: { fileSystemDiskTb: 1.5 },
    headline: /at most 2 TB .*you asked for a file system on a 3 TB disk/,
  },
  {
    name: 'Debian live backup: no ext2 file system',
    query: { family: 'debian', version: '9', feature: 'live-backup' },
    beyond: { filesystems: ['ext2'] },
    within: { filesystems: ['ext4'] },
    headline: /no ext2 file system; you asked for ext2/,
  },
  {
    name: 'RHEL 7.6 above 256 vCPUs: kernel 3.10.0-957.38.1 or later',
    query: { family: 'rhel', version: '7.6', feature: 'vcpus-over-256' },
    beyond: { kernelBuild: '3.10.0-957.21.3' },
    within: { kernelBuild: '3.10.0-957.38.1' },
    headline: /kernel 3\.10\.0-957\.38\.1 or later; you asked for kernel 3\.10\.0-957\.21\.3/,
  },
];

describe('a limit note decides only when the question states a value beyond it', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const unstated = decideVerdict(kb, c.query);
      assert.ok(['yes', 'conditional'].includes(unstated.verdict), unstated.headline);
      const within = decideVerdict(kb, { ...c.query, stated: c.within });
      assert.equal(within.verdict, unstated.verdict, within.headline);
      assert.equal(within.headline, unstated.headline);
      const beyond = decideVerdict(kb, { ...c.query, stated: c.beyond });
      assert.equal(beyond.verdict, 'no', beyond.headline);
      assert.equal(beyond.reason, 'beyond-limit');
      assert.match(beyond.headline, /^No \(/);
      assert.match(beyond.headline, c.headline);
      const blocking = beyond.deciding.flatMap((r) => r.effects).find((e) => e.outcome === 'no');
      assert.equal(blocking?.effect.kind, 'limit', 'the deciding note is the limit');
    });
  }

  test('without a stated value the limit is a condition of the yes', () => {
    const answer = decideVerdict(kb, { family: 'freebsd', version: '12.1', feature: 'jumbo-frames' });
    assert.ok(
      answer.conditions.some((c) => /MTU of at most 9126/.test(c)),
      answer.headline,
    );
  });

  test('a limit scoped to one release does not bite a question that names only the series', () => {
    const answer = decideVerdict(kb, {
      family: 'rhel',
      version: '7',
      feature: 'vcpus-over-256',
      stated: { kernelBuild: '3.10.0-957.21.3' },
    });
    assert.notEqual(answer.reason, 'beyond-limit', answer.headline);
  });

  test('a stated value for another family or feature changes nothing', () => {
    const ubuntu = decideVerdict(kb, { family: 'ubuntu', version: '20.04', feature: 'jumbo-frames' });
    assert.deepEqual(
      decideVerdict(kb, { family: 'ubuntu', version: '20.04', feature: 'jumbo-frames', stated: { mtu: 9216 } }).verdict,
      ubuntu.verdict,
    );
    const kvp = decideVerdict(kb, { family: 'freebsd', version: '12.1', feature: 'kvp' });
    assert.equal(decideVerdict(kb, { family: 'freebsd', version: '12.1', feature: 'kvp', stated: { mtu: 9216 } }).headline, kvp.headline);
  });
});

describe('limits', () => {
  test('kernel builds order by upstream version, then vendor build', () => {
    assert.ok(compareKernelBuilds('3.10.0-957.21.3', '3.10.0-957.38.1')! < 0);
    assert.ok(compareKernelBuilds('3.10.0-1062.4.1', '3.10.0-957.38.1')! > 0);
    assert.equal(compareKernelBuilds('3.10.0-957.38.1', '3.10.0-957.38.1'), 0);
    assert.ok(compareKernelBuilds('4.18.0-80', '3.10.0-957.38.1')! > 0);
    assert.equal(compareKernelBuilds('3.10.0', '3.10.0-957.38.1'), undefined);
  });

  test('what a stated value breaks', () => {
    assert.equal(statedBeyond({ fact: 'mtu', max: 9126 }, { mtu: 9126 }), undefined);
    assert.equal(statedBeyond({ fact: 'filesystem-disk-tb', max: 2 }, { fileSystemDiskTb: 2 }), undefined);
    assert.equal(statedBeyond({ fact: 'ip-version', allowed: ['ipv4'] }, { ipVersions: ['ipv4', 'ipv6'] }), 'IPv6 addresses');
    assert.equal(statedBeyond({ fact: 'filesystem', forbidden: ['ext2'] }, {}), undefined);
  });

  test('a limit effect names its limit, and only a limit effect does', () => {
    assert.equal(NoteEffect.safeParse({ kind: 'limit', why: 'a bound on the MTU' }).success, false);
    assert.equal(NoteEffect.safeParse({ kind: 'informational', limit: { fact: 'mtu', max: 9126 }, why: 'a bound' }).success, false);
    assert.equal(NoteEffect.safeParse({ kind: 'limit', limit: { fact: 'kernel-build', min: '3.10' }, why: 'a bound' }).success, false);
    assert.equal(NoteEffect.safeParse({ kind: 'limit', limit: { fact: 'mtu', max: 9126 }, why: 'a bound' }).success, true);
  });

  test('the matrix notes that are limits carry them', () => {
    const limits = kb.data.notes.filter((n) => n.effects.some((e) => e.kind === 'limit')).map((n) => n.fingerprint);
    assert.deepEqual(
      limits.sort(),
      ['280dbca3cba1', '3fa40ab18098', 'afae228b75d7', 'c003d7d5ef3c', 'c97261a21f3c', 'ce8285fd4048', 'efb230d4c59c'].sort(),
    );
  });
});

test('a yes from LIS release notes, with no matrix cell, is left as it is by note limits', () => {
  const query: VerdictQuery = { family: 'centos', version: '7.3', lis: '4.1.3' };
  const plain = decideVerdict(kb, query);
  const stated = decideVerdict(kb, { ...query, stated: { kernelBuild: '3.10.0-514.6.1', mtu: 9216 } });
  assert.equal(stated.verdict, plain.verdict);
  assert.equal(stated.headline, plain.headline);
});

test('a named LIS release on a kernel its modules no longer load on is a no, with the rebuilt release as the way out', () => {
  const answer = decideVerdict(kb, { family: 'centos', version: '7.3', lis: '4.1.3', stated: { kernelBuild: '3.10.0-514.10.2' } });
  assert.equal(answer.verdict, 'no');
  assert.deepEqual(answer.remedies, [{ kind: 'newer-lis', text: 'LIS 4.1.3-2' }]);
  const rebuilt = decideVerdict(kb, { family: 'centos', version: '7.3', lis: '4.1.3-2', stated: { kernelBuild: '3.10.0-514.10.2' } });
  assert.equal(rebuilt.verdict, 'yes');
});
