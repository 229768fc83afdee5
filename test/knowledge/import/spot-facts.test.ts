// Facts checked against the committed snapshots (src/knowledge/data/snapshots), not against /work/shared,
// so CI without the upstream files still runs them. Each title names the page version and the row.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureId, HostId } from '../../../src/knowledge/schema/ids.ts';
import { MatrixSnapshot, type FeatureCell, type ReleaseColumn } from '../../../src/knowledge/schema/matrix.ts';

const SNAPSHOTS = join(import.meta.dirname, '../../../src/knowledge/data/snapshots');
const cache = new Map<string, MatrixSnapshot>();

function snap(id: string): MatrixSnapshot {
  let snapshot = cache.get(id);
  if (!snapshot) {
    const file = join(SNAPSHOTS, `${id}.json`);
    assert.ok(existsSync(file), `missing committed snapshot ${file}`);
    snapshot = MatrixSnapshot.parse(JSON.parse(readFileSync(file, 'utf8')));
    cache.set(id, snapshot);
  }
  return snapshot;
}

function col(id: string, key: string): ReleaseColumn {
  const found = snap(id).columns.find((c) => c.key === key);
  assert.ok(found, `${id} has no column ${key}`);
  return found;
}

function cellOf(id: string, key: string, feature: FeatureId): FeatureCell {
  const found = col(id, key).features[feature];
  assert.ok(found, `${id} ${key} has no ${feature}`);
  return found;
}

/** Hosts on which the cell says available. */
function availableOn(id: string, key: string, feature: FeatureId): HostId[] {
  return cellOf(id, key, feature)
    .filter((e) => e.status === 'available')
    .flatMap((e) => e.hosts);
}

function statusOf(id: string, key: string, feature: FeatureId): string {
  return [...new Set(cellOf(id, key, feature).map((e) => e.status))].join('+');
}

function notesOf(id: string, key: string, feature: FeatureId): number[] {
  return cellOf(id, key, feature).flatMap((e) => e.notes.map((n) => n.position));
}

function keys(id: string, table?: string): string[] {
  return snap(id)
    .columns.filter((c) => table === undefined || c.table === table)
    .map((c) => c.key);
}

void describe('spot facts: CentOS/RHEL', () => {
  const r19 = 'rhel@2019-06-13';
  const r23 = 'rhel@2023-09-27';
  const r25 = 'rhel@2025-06-19_051b1c98';
  void test(`${r19} Dynamic Memory - Hot-Add: 7.5-7.8 built in is ✔ Note 9, 10 on 2019, 2016, 2012 R2`, () => {
    assert.deepEqual(availableOn(r19, 'rhel:7.5-7.8:built-in', 'dm-hot-add'), ['2012 R2', '2016', '2019']);
    assert.deepEqual(notesOf(r19, 'rhel:7.5-7.8:built-in', 'dm-hot-add'), [9, 10]);
  });
  void test(`${r19} Dynamic Memory - Hot-Add: the LIS 4.3 7.x columns cite Note 8, 9, 10`, () => {
    for (const key of ['rhel:7.5-7.8:download:lis-4.3', 'rhel:7.3-7.4:download:lis-4.3', 'rhel:7.0-7.2:download:lis-4.3']) {
      assert.deepEqual(notesOf(r19, key, 'dm-hot-add'), [8, 9, 10], key);
    }
  });
  void test(`${r19} Live virtual machine backup: 7.5-7.8 built in cites "Note 4,5"`, () =>
    assert.deepEqual(notesOf(r19, 'rhel:7.5-7.8:built-in', 'live-backup'), [4, 5]));
  void test(`${r19} Boot using UEFI (split row): 6.7-6.10 LIS 4.3 is blank on 2012 R2 and ✔ Note 14 on 2019, 2016`, () => {
    const entries = cellOf(r19, 'rhel:6.7-6.10:download:lis-4.3', 'uefi-boot');
    assert.deepEqual(
      entries.map((e) => [e.status, e.hosts, e.notes.map((n) => n.position)]),
      [
        ['not-available', ['2012 R2'], []],
        ['available', ['2016', '2019'], [14]],
      ],
    );
  });
  void test(`${r19} Availability: the 8.x cells are empty, so 8.1 and 8.0 are assumed built in with medium confidence`, () => {
    assert.equal(col(r19, 'rhel:8.1:built-in').confidence, 'medium');
    assert.equal(col(r19, 'rhel:8.0:built-in').confidence, 'medium');
  });
  void test(`${r19} 5.x: "5.2 -5.11" LIS 4.3, "5.2-5.11" LIS 4.1 and "5.9 - 5.11" built in are three columns`, () => {
    assert.deepEqual(keys(r19, 'RHEL/CentOS 5.x Series'), [
      'rhel:5.2-5.11:download:lis-4.3',
      'rhel:5.2-5.11:download:lis-4.1',
      'rhel:5.9-5.11:built-in',
    ]);
  });
  void test(`${r23} 6.x: no built-in column covers 6.0-6.3; 6.0-6.3 is LIS 4.3 only`, () => {
    const builtIn = snap(r23)
      .columns.filter((c) => c.table === 'RHEL/CentOS 6.x Series' && c.integration.kind === 'built-in')
      .map((c) => c.header);
    assert.deepEqual(builtIn, ['6.10, 6.9, 6.8', '6.6, 6.7', '6.5', '6.4']);
    assert.deepEqual(col(r23, 'rhel:6.0-6.3:download:lis-4.3').integration, { kind: 'download', package: 'LIS 4.3', notes: [] });
  });
  void test(`${r23} 5.x: the only built-in column starts at 5.9`, () => {
    const builtIn = snap(r23).columns.filter((c) => c.table === 'RHEL/CentOS 5.x Series' && c.integration.kind === 'built-in');
    assert.deepEqual(
      builtIn.map((c) => c.versions),
      [[{ kind: 'range', from: '5.9', to: '5.11', openEnded: false }]],
    );
  });
  void test(`${r23} Live virtual machine backup: 5.2-5.11 LIS 4.3 cites Note 5, 15 (no filesystem freeze on 5.2-5.4)`, () => {
    assert.deepEqual(notesOf(r23, 'rhel:5.2-5.11:download:lis-4.3', 'live-backup'), [5, 15]);
    assert.ok(snap(r23).notes.some((n) => n.position === 15 && !n.placeholder));
  });
  void test(`${r23} >256 vCPUs: only 7.6-7.9 built in is ✔ (Note 16) in the 7.x table`, () => {
    const available = snap(r23).columns.filter(
      (c) => c.table === 'RHEL/CentOS 7.x Series' && c.features['vcpus-over-256']?.[0]?.status === 'available',
    );
    assert.deepEqual(
      available.map((c) => c.key),
      ['rhel:7.6-7.9:built-in'],
    );
    assert.deepEqual(notesOf(r23, 'rhel:7.6-7.9:built-in', 'vcpus-over-256'), [16]);
  });
  void test(`${r23} Core: 9.x runs on 2022, 2019, 2016, 2012 R2 and Azure Stack HCI`, () => {
    const [entry] = cellOf(r23, 'rhel:9.x:built-in', 'core');
    assert.deepEqual(entry?.hosts, ['2012 R2', '2016', '2019', '2022']);
    assert.deepEqual(entry?.otherHosts, ['Azure Stack HCI']);
  });
  void test(`${r23} PAE Kernel Support: N/A (not applicable) for 8.x and every 7.x column`, () => {
    for (const column of snap(r23).columns.filter((c) => c.table === 'RHEL/CentOS 8.x Series' || c.table === 'RHEL/CentOS 7.x Series')) {
      assert.equal(column.features.pae?.[0]?.status, 'not-applicable', column.key);
    }
  });
  void test(`${r23} Boot using UEFI: 8.1-8.6+ cites Note 14, 17 and 8.0 only Note 14`, () => {
    assert.deepEqual(notesOf(r23, 'rhel:8.1-8.6+:built-in', 'uefi-boot'), [14, 17]);
    assert.deepEqual(notesOf(r23, 'rhel:8.0:built-in', 'uefi-boot'), [14]);
  });
  void test(`${r25} RHEL 10.x: built in, every feature ✔ on 2025, 2022, 2019, 2016 and Azure Stack HCI except PAE`, () => {
    const column = col(r25, 'rhel:10.x:built-in');
    assert.deepEqual(column.integration.kind, 'built-in');
    assert.deepEqual(column.families, ['rhel']);
    for (const [feature, entries] of Object.entries(column.features)) {
      if (feature === 'pae') {
        assert.equal(entries[0]?.status, 'not-available');
        continue;
      }
      assert.equal(entries[0]?.status, 'available', feature);
      if (feature === 'vcpus-over-256') continue; // the row names no host
      assert.deepEqual(entries[0]?.hosts, ['2016', '2019', '2022', '2025'], feature);
      assert.deepEqual(entries[0]?.otherHosts, ['Azure Stack HCI'], feature);
    }
  });
  void test(`${r25} host lists: 2012 R2 is gone from every row`, () => {
    for (const column of snap(r25).columns) {
      for (const entries of Object.values(column.features))
        assert.ok(
          entries.every((e) => !e.hosts.includes('2012 R2')),
          column.key,
        );
    }
  });
  void test(`${r25} Notes: 6 and 11 are "intentionally omitted" placeholders and the list ends at 15`, () => {
    const notes = snap(r25).notes;
    assert.deepEqual(
      notes.filter((n) => n.placeholder).map((n) => n.position),
      [6, 11],
    );
    assert.equal(notes.length, 15);
  });
  void test(`${r25} Boot using UEFI: 8.1-8.6+ cites Note 17, which is resolved from rhel@2023-09-27#17`, () => {
    const refs = cellOf(r25, 'rhel:8.1-8.6+:built-in', 'uefi-boot')[0]!.notes;
    assert.deepEqual(refs, [{ position: 14 }, { position: 17, resolvedFrom: { snapshot: 'rhel@2023-09-27', position: 17 } }]);
  });
  void test(`${r25} >256 vCPUs: 7.6-7.9 cites Note 16, resolved from rhel@2023-09-27#16 past the 9.x/8.x-only variant`, () => {
    assert.deepEqual(cellOf(r25, 'rhel:7.6-7.9:built-in', 'vcpus-over-256')[0]!.notes, [
      { position: 16, resolvedFrom: { snapshot: 'rhel@2023-09-27', position: 16 } },
    ]);
  });
  void test('rhel@2025-06-19_id25266000600 has only the 9.x and 8.x tables', () => {
    assert.deepEqual(keys('rhel@2025-06-19_id25266000600'), ['rhel:9.x:built-in', 'rhel:8.1-8.6+:built-in', 'rhel:8.0:built-in']);
  });
  void test('rhel column keys follow history: the LIS 4.3 7.5-7.7 column is in 2023 and 2025 (051b1c98)', () => {
    assert.ok(keys(r23).includes('rhel:7.5-7.7:download:lis-4.3'));
    assert.ok(keys(r25).includes('rhel:7.5-7.7:download:lis-4.3'));
  });
});

void describe('spot facts: Oracle Linux', () => {
  const o17 = 'oracle-linux@2017-06-01_6e1ee5aa';
  const o23 = 'oracle-linux@2023-09-27';
  void test(`${o23} 7.x (HTML table): 7.5-7.8 has RHCK with LIS 4.3, RHCK built in and UEK5 built in`, () => {
    assert.deepEqual(
      keys(o23, 'Oracle Linux 7.x Series').filter((k) => k.includes('7.5-7.8')),
      ['oracle-linux:7.5-7.8:rhck:download:lis-4.3', 'oracle-linux:7.5-7.8:rhck:built-in', 'oracle-linux:7.5-7.8:uek5:built-in'],
    );
  });
  void test(`${o23} SR-IOV: ✔ in all six 7.x columns on 2019, 2016`, () => {
    const columns = snap(o23).columns.filter((c) => c.table === 'Oracle Linux 7.x Series');
    assert.equal(columns.length, 6);
    for (const column of columns) assert.deepEqual(availableOn(o23, column.key, 'sr-iov'), ['2016', '2019'], column.key);
  });
  void test(`${o23} 6.x: 6.8-6.10 RHCK is LIS 4.3 and 6.8-6.10 UEK4 is built in`, () => {
    assert.deepEqual(keys(o23, 'Oracle Linux 6.x Series'), [
      'oracle-linux:6.8-6.10:rhck:download:lis-4.3',
      'oracle-linux:6.8-6.10:uek4:built-in',
    ]);
  });
  void test(`${o23} Live virtual machine backup: the 7.5-7.8 RHCK built-in column cites "Note 4,5"`, () => {
    assert.deepEqual(notesOf(o23, 'oracle-linux:7.5-7.8:rhck:built-in', 'live-backup'), [4, 5]);
  });
  void test('oracle-linux@2025-06-19 lists only 9.0 (RHCK) and 8.0-8.5 (RHCK); Core runs on 2025, 2022, 2019, 2016, 2012 R2', () => {
    assert.deepEqual(keys('oracle-linux@2025-06-19'), ['oracle-linux:9.0:rhck:built-in', 'oracle-linux:8.0-8.5:rhck:built-in']);
    assert.deepEqual(availableOn('oracle-linux@2025-06-19', 'oracle-linux:9.0:rhck:built-in', 'core'), [
      '2012 R2',
      '2016',
      '2019',
      '2022',
      '2025',
    ]);
  });
  void test(`${o17} VLAN tagging and trunking: the LIS 4.2 column scopes Note 1 to 6.4-6.8`, () => {
    assert.deepEqual(cellOf(o17, 'oracle-linux:6.4-6.8,7.0-7.3:rhck:download:lis-4.2', 'vlan')[0]!.notes, [
      { position: 1, scope: '6.4-6.8' },
    ]);
  });
  void test(`${o17} PAE Kernel Support: the LIS 4.2 column is ✔ for 6.x only`, () => {
    const [entry] = cellOf(o17, 'oracle-linux:6.4-6.8,7.0-7.3:rhck:download:lis-4.2', 'pae');
    assert.equal(entry?.status, 'available');
    assert.equal(entry?.scope, '6.x');
  });
  void test(`${o17} Dynamic Memory - Hot-Add: the LIS 4.1 column scopes Note 6 to 6.4-6.7`, () => {
    assert.ok(
      cellOf(o17, 'oracle-linux:6.4-6.8,7.0-7.2:rhck:download:lis-4.1', 'dm-hot-add')[0]!.notes.some(
        (n) => n.position === 6 && n.scope === '6.4-6.7',
      ),
    );
  });
  void test(`${o17} UEK table: "R3 QU1" is a UEK label whose Oracle Linux versions are inferred (medium confidence)`, () => {
    const column = col(o17, 'oracle-linux:uek-r3-qu1:built-in');
    assert.deepEqual(column.kernel, { flavor: 'uek', label: 'UEK R3 QU1' });
    assert.equal(column.confidence, 'medium');
  });
  void test(`${o17} RHCK table: "OL with RHCK6.4" is 6.4 on the Red Hat compatible kernel, and its Core cell is blank`, () => {
    assert.deepEqual(col(o17, 'oracle-linux:6.4:rhck:built-in').versions, [{ kind: 'exact', version: '6.4' }]);
    assert.equal(statusOf(o17, 'oracle-linux:6.4:rhck:built-in', 'core'), 'not-available');
  });
});

void describe('spot facts: Debian', () => {
  const d23 = 'debian@2023-09-26_030ee582';
  void test(`${d23} Static IP Injection: blank for 11 and 10.0-10.3`, () => {
    assert.equal(statusOf(d23, 'debian:11:built-in', 'static-ip-injection'), 'not-available');
    assert.equal(statusOf(d23, 'debian:10.0-10.3:built-in', 'static-ip-injection'), 'not-available');
  });
  void test(`${d23} Virtual Fibre Channel and lsvmbus command: blank for 11 and 10.0-10.3`, () => {
    for (const key of ['debian:11:built-in', 'debian:10.0-10.3:built-in']) {
      assert.equal(statusOf(d23, key, 'fibre-channel'), 'not-available');
      assert.equal(statusOf(d23, key, 'lsvmbus'), 'not-available');
    }
  });
  void test(`${d23} VHDX resize: ✔ Note 1 (file systems over 2 TB) on 2019, 2016, 2012 R2`, () => {
    assert.deepEqual(availableOn(d23, 'debian:11:built-in', 'vhdx-resize'), ['2012 R2', '2016', '2019']);
    assert.deepEqual(notesOf(d23, 'debian:11:built-in', 'vhdx-resize'), [1]);
  });
  void test(`${d23} Notes: written all as "1." but read as positions 1-5`, () =>
    assert.deepEqual(
      snap(d23).notes.map((n) => n.position),
      [1, 2, 3, 4, 5],
    ));
  void test('debian@2016-10-03_6de04a09 columns: 10.0-10.3, 9.0-9.12, 8.0-8.11, 7.0-7.11; Secure boot ✔ only for 10.0-10.3', () => {
    assert.deepEqual(keys('debian@2016-10-03_6de04a09'), [
      'debian:10.0-10.3:built-in',
      'debian:9.0-9.12:built-in',
      'debian:8.0-8.11:built-in',
      'debian:7.0-7.11:built-in',
    ]);
    assert.equal(statusOf('debian@2016-10-03_6de04a09', 'debian:10.0-10.3:built-in', 'secure-boot'), 'available');
    assert.equal(statusOf('debian@2016-10-03_6de04a09', 'debian:9.0-9.12:built-in', 'secure-boot'), 'not-available');
  });
  void test('debian@2016-tp Availability: 7.0-7.10 (wheezy) is "Built in (Note 6)"', () => {
    assert.deepEqual(col('debian@2016-tp', 'debian:7.0-7.10:built-in').integration, { kind: 'built-in', notes: [{ position: 6 }] });
  });
});

void describe('spot facts: Ubuntu', () => {
  const u23 = 'ubuntu@2023-09-27';
  void test(`${u23} Secure boot: 22.04 available on 2022, 2019, 2016, not 2012 R2`, () => {
    assert.deepEqual(availableOn(u23, 'ubuntu:22.04:built-in', 'secure-boot'), ['2016', '2019', '2022']);
  });
  void test(`${u23} Secure boot: 20.04, 18.04 and 16.04 are ✔ on the same hosts`, () => {
    for (const v of ['20.04', '18.04', '16.04'])
      assert.deepEqual(availableOn(u23, `ubuntu:${v}:built-in`, 'secure-boot'), ['2016', '2019', '2022'], v);
  });
  void test(`${u23} Boot using UEFI: 20.04 cites Note 10, 11 while 22.04 cites none`, () => {
    assert.deepEqual(notesOf(u23, 'ubuntu:20.04:built-in', 'uefi-boot'), [10, 11]);
    assert.deepEqual(notesOf(u23, 'ubuntu:22.04:built-in', 'uefi-boot'), []);
  });
  void test(`${u23} Notes: twelve notes although every item is written "1."`, () => assert.equal(snap(u23).notes.length, 12));
  void test('ubuntu@2019-06-13 Hyper-V Sockets: blank for every column', () => {
    for (const column of snap('ubuntu@2019-06-13').columns)
      assert.equal(column.features['hv-sockets']?.[0]?.status, 'not-available', column.key);
  });
  void test('ubuntu@2020-08-29 Hyper-V Sockets: ✔ for 20.04, 18.04, 16.04 and 14.04 on 2019, 2016', () => {
    for (const v of ['20.04', '18.04', '16.04', '14.04'])
      assert.deepEqual(availableOn('ubuntu@2020-08-29', `ubuntu:${v}:built-in`, 'hv-sockets'), ['2016', '2019'], v);
  });
  void test('ubuntu@2019-06-13 columns: "18.10 / 19.04" is one column with two versions', () => {
    assert.deepEqual(col('ubuntu@2019-06-13', 'ubuntu:18.10,19.04:built-in').versions, [
      { kind: 'exact', version: '18.10' },
      { kind: 'exact', version: '19.04' },
    ]);
  });
  void test('ubuntu@2016-tp Manual Memory Hot Add: read as Runtime Memory Resize, blank everywhere, host 2016 only', () => {
    for (const column of snap('ubuntu@2016-tp').columns) {
      assert.deepEqual(
        column.features['runtime-memory-resize'],
        [{ status: 'not-available', hosts: ['2016'], otherHosts: [], notes: [] }],
        column.key,
      );
    }
  });
  void test('ubuntu@2016-tp Core: TP check marks on 2016, 2012 R2, 2012 and 2008 R2', () => {
    assert.deepEqual(availableOn('ubuntu@2016-tp', 'ubuntu:12.04:built-in', 'core'), ['2008 R2', '2012', '2012 R2', '2016']);
  });
});

void describe('spot facts: SUSE', () => {
  const s23 = 'sles@2023-09-27';
  void test(`${s23} SLES 11 SP3: TRIM support, File copy from host to guest and Boot using UEFI are blank`, () => {
    for (const feature of ['trim', 'file-copy', 'uefi-boot'] as const)
      assert.equal(statusOf(s23, 'sles:11sp3:built-in', feature), 'not-available', feature);
  });
  void test(`${s23} Live virtual machine backup: every column cites Note 8 (VSS and a partition mounted twice)`, () => {
    for (const column of snap(s23).columns) assert.ok(notesOf(s23, column.key, 'live-backup').includes(8), column.key);
  });
  void test(`${s23} Note 8 has the same wording (fingerprint) as sles@2016-10-03_b5dc2aba Note 8`, () => {
    assert.equal(snap(s23).notes[7]?.fingerprint, snap('sles@2016-10-03_b5dc2aba').notes[7]?.fingerprint);
  });
  void test(`${s23} headers: "SLES 15 SP1-SP4" and "SLES 12 SP3-SP5" are service-pack ranges`, () => {
    assert.deepEqual(col(s23, 'sles:15sp1-15sp4:built-in').versions, [{ kind: 'range', from: '15 SP1', to: '15 SP4', openEnded: false }]);
    assert.deepEqual(col(s23, 'sles:12sp3-12sp5:built-in').versions, [{ kind: 'range', from: '12 SP3', to: '12 SP5', openEnded: false }]);
  });
  void test(`${s23} SR-IOV: the row lists host 2012 as written upstream, plus Azure Stack HCI`, () => {
    const [entry] = cellOf(s23, 'sles:15sp1-15sp4:built-in', 'sr-iov');
    assert.deepEqual(entry?.hosts, ['2012', '2016', '2019', '2022']);
    assert.deepEqual(entry?.otherHosts, ['Azure Stack HCI']);
  });
  void test('sles@2016-10-03_b5dc2aba Hyper-V Sockets: ✔ for SLES 15 and 12 SP3/SP4 only', () => {
    const available = snap('sles@2016-10-03_b5dc2aba')
      .columns.filter((c) => c.features['hv-sockets']?.[0]?.status === 'available')
      .map((c) => c.key);
    assert.deepEqual(available, ['sles:15:built-in', 'sles:12sp3,12sp4:built-in']);
  });
});

void describe('spot facts: FreeBSD', () => {
  const f25 = 'freebsd@2025-06-19';
  const f17 = 'freebsd@2017-08-30';
  void test(`${f25} Dynamic Memory - Hot-Add and Ballooning: blank for 13, 12 and 11`, () => {
    for (const column of snap(f25).columns) {
      assert.equal(column.features['dm-hot-add']?.[0]?.status, 'not-available', column.key);
      assert.equal(column.features['dm-ballooning']?.[0]?.status, 'not-available', column.key);
    }
  });
  void test(`${f25} Jumbo frames: cites ordinal Note 2 of a three-note list written all as "1."`, () => {
    assert.deepEqual(notesOf(f25, 'freebsd:13.0-13.5:built-in', 'jumbo-frames'), [2]);
    assert.equal(snap(f25).notes.length, 3);
  });
  void test(`${f25} VHDX resize: Note 6 resolves from freebsd@2023-09-27#6; the Storage row adds Note 1`, () => {
    assert.deepEqual(cellOf(f25, 'freebsd:11.0-11.4:built-in', 'vhdx-resize')[0]!.notes, [
      { position: 6, resolvedFrom: { snapshot: 'freebsd@2023-09-27', position: 6 } },
      { position: 1 },
    ]);
  });
  void test(`${f25} Large Receive Offload (LRO): ✔ on 2025, 2022, 2019, 2016, 2012 R2`, () => {
    assert.deepEqual(availableOn(f25, 'freebsd:13.0-13.5:built-in', 'lro'), ['2012 R2', '2016', '2019', '2022', '2025']);
  });
  void test(`${f17} 9.1 - 9.3, 8.4: one column that gets BIS from ports`, () => {
    const column = col(f17, 'freebsd:8.4,9.1-9.3:ports');
    assert.deepEqual(column.integration, { kind: 'ports', notes: [] });
  });
  void test(`${f17} VHDX resize: 11.0 cites Note 7 (the gpart recover step) and the Storage row's Note 1`, () => {
    assert.deepEqual(notesOf(f17, 'freebsd:11.0:built-in', 'vhdx-resize'), [7, 1]);
  });
  void test(`${f17} Key/value pair: hosts include 2008 R2 and 10.2 cites Note 6 (KVP on 2008 R2)`, () => {
    assert.ok(availableOn(f17, 'freebsd:10.2:built-in', 'kvp').includes('2008 R2'));
    assert.deepEqual(notesOf(f17, 'freebsd:10.2:built-in', 'kvp'), [6]);
  });
  void test(`${f17} Storage row "Note 1,2" applies to storage rows of the 10.0-10.1 column`, () => {
    assert.deepEqual(notesOf(f17, 'freebsd:10.0-10.1:built-in', 'trim'), [1, 2]);
  });
  void test('freebsd@2016-tp Availability: 9.1-9.3 and 8.4 come from ports with Note 1 and Note 2', () => {
    assert.deepEqual(col('freebsd@2016-tp', 'freebsd:9.1-9.3:ports').integration, { kind: 'ports', notes: [{ position: 1 }] });
    assert.deepEqual(col('freebsd@2016-tp', 'freebsd:8.4:ports').integration, { kind: 'ports', notes: [{ position: 2 }] });
  });
  void test('freebsd@2016-tp and freebsd@2017-08-30: "10 – 10.1" and "10.0 - 10.1" share one column key', () => {
    assert.ok(keys('freebsd@2016-tp').includes('freebsd:10.0-10.1:built-in'));
    assert.ok(keys(f17).includes('freebsd:10.0-10.1:built-in'));
  });
});

void describe('spot facts: every committed snapshot', () => {
  void test('no committed snapshot keeps upstream note text or has unparsed parts', () => {
    for (const id of [
      'rhel@2019-06-13',
      'rhel@2023-09-27',
      'rhel@2025-06-19_051b1c98',
      'oracle-linux@2023-09-27',
      'freebsd@2016-tp',
      'ubuntu@2023-09-27',
    ]) {
      assert.ok(
        snap(id).notes.every((n) => n.upstreamText === undefined),
        id,
      );
      assert.deepEqual(snap(id).unparsed, [], id);
    }
  });
});
