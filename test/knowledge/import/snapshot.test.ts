import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noteFingerprint } from '../../../src/knowledge/fingerprint.ts';
import { MatrixSnapshot } from '../../../src/knowledge/schema/matrix.ts';
import { cell, column, importFixture } from './helpers.ts';

void describe('snapshot assembly: columns', () => {
  void test('the same header twice (LIS download and built in) gives two columns with different keys', () => {
    const { snapshot } = importFixture('series-tables.md', 'rhel@x', 'rhel');
    const same = snapshot.columns.filter((c) => c.header === '7.5-7.8');
    assert.deepEqual(
      same.map((c) => [c.key, c.integration.kind, c.integration.package]),
      [
        ['rhel:7.5-7.8:download:lis-4.3', 'download', 'LIS 4.3'],
        ['rhel:7.5-7.8:built-in', 'built-in', undefined],
      ],
    );
  });
  void test('column keys stay the same across versions of a page, so history can follow a column', () => {
    const v1 = importFixture('dangling-v1.md', 'ubuntu@v1', 'ubuntu').snapshot;
    const v2 = importFixture('dangling-v2.md', 'ubuntu@v2', 'ubuntu', { previous: v1 }).snapshot;
    assert.ok(v1.columns.some((c) => c.key === 'ubuntu:20.04:built-in'));
    assert.ok(v2.columns.some((c) => c.key === 'ubuntu:20.04:built-in'));
  });
  void test('families: the page default, a RHEL-only series, and an openSUSE column on the SUSE page', () => {
    const series = importFixture('series-tables.md', 'rhel@x', 'rhel').snapshot;
    assert.deepEqual(series.families, ['rhel', 'centos']);
    assert.deepEqual(column(series, 'rhel:7.4:built-in').families, ['rhel', 'centos']);
    const sles = importFixture('sles.md', 'sles@x', 'sles').snapshot;
    assert.deepEqual(column(sles, 'opensuse:42.3:built-in').families, ['opensuse']);
    assert.deepEqual(sles.families, ['sles', 'opensuse']);
  });
  void test('the kernel flavour comes from the header, or from a table heading that names the kernel', () => {
    const { snapshot } = importFixture('uek-releases.md', 'oracle-linux@x', 'oracle-linux');
    assert.deepEqual(column(snapshot, 'oracle-linux:6.4:rhck:built-in').kernel, { flavor: 'rhck' });
    const r4 = column(snapshot, 'oracle-linux:uek-r4:built-in');
    assert.deepEqual(r4.kernel, { flavor: 'uek', label: 'UEK R4' });
    assert.equal(r4.confidence, 'medium', 'versions inferred from the kernel release');
    assert.ok(snapshot.diagnostics.some((d) => d.includes('R4: the header names a kernel release only')));
  });
  void test('an empty Availability cell is assumed built in, with medium confidence and a diagnostic', () => {
    const { snapshot } = importFixture('html-table.md', 'oracle-linux@x', 'oracle-linux');
    const col = column(snapshot, 'oracle-linux:9.0:rhck:built-in');
    assert.deepEqual(col.integration, { kind: 'built-in', notes: [] });
    assert.equal(col.confidence, 'medium');
    assert.ok(snapshot.diagnostics.includes('Oracle Linux 9.x Series / 9.0 (RHCK): the Availability cell is empty; assumed built in'));
  });
  void test('Availability notes ("[Ports](…) Note 1", "Built in (Note 2)") stay on the integration', () => {
    const tp = importFixture('tp-style.md', 'freebsd@tp', 'freebsd').snapshot;
    assert.deepEqual(column(tp, 'freebsd:9.1-9.3:ports').integration, { kind: 'ports', notes: [{ position: 1 }] });
    const debian = importFixture('debian-like.md', 'debian@x', 'debian').snapshot;
    assert.deepEqual(column(debian, 'debian:7.0-7.11:built-in').integration, { kind: 'built-in', notes: [{ position: 2 }] });
  });
});

void describe('snapshot assembly: rows and cells', () => {
  void test('the linked Core row is a feature row; category rows are not features', () => {
    const { snapshot } = importFixture('numbered-ones.md', 'freebsd@x', 'freebsd');
    const features = Object.keys(column(snapshot, 'freebsd:13.0-13.5:built-in').features).sort();
    assert.deepEqual(features, ['core', 'dm-hot-add', 'fibre-channel', 'jumbo-frames', 'lro', 'secure-boot', 'vhdx-resize']);
  });
  void test("FreeBSD's Storage row note applies to the storage features of that column only", () => {
    const { snapshot } = importFixture('numbered-ones.md', 'freebsd@x', 'freebsd');
    assert.deepEqual(cell(snapshot, 'freebsd:13.0-13.5:built-in', 'vhdx-resize')[0]!.notes, [{ position: 3 }, { position: 1 }]);
    assert.deepEqual(cell(snapshot, 'freebsd:12.0-12.4:built-in', 'fibre-channel')[0]!.notes, [{ position: 1 }], '"Note1" without a space');
    assert.deepEqual(cell(snapshot, 'freebsd:13.0-13.5:built-in', 'jumbo-frames')[0]!.notes, [{ position: 2 }]);
    assert.deepEqual(cell(snapshot, 'freebsd:13.0-13.5:built-in', 'dm-hot-add')[0]!.notes, [], 'a later category ends the note');
  });
  void test('scoped notes and "(6.x only)" survive into the snapshot', () => {
    const { snapshot } = importFixture('series-tables.md', 'rhel@x', 'rhel');
    assert.deepEqual(cell(snapshot, 'rhel:6.4-6.8,7.0-7.3:download:lis-4.1', 'vlan')[0]!.notes, [{ position: 1, scope: '6.4-6.8' }]);
    assert.equal(cell(snapshot, 'rhel:6.4-6.8,7.0-7.3:download:lis-4.1', 'pae')[0]!.scope, '6.x');
  });
  void test('N/A is stored as not-applicable', () => {
    const { snapshot } = importFixture('series-tables.md', 'rhel@x', 'rhel');
    assert.equal(cell(snapshot, 'rhel:7.4:built-in', 'pae')[0]!.status, 'not-applicable');
  });
  void test('a row that names no host keeps an empty host list and says so', () => {
    const { snapshot } = importFixture('series-tables.md', 'rhel@x', 'rhel');
    assert.deepEqual(cell(snapshot, 'rhel:10.x:built-in', 'vcpus-over-256')[0]!.hosts, []);
    assert.ok(snapshot.diagnostics.includes('RHEL 10.x Series / >256 vCPUs: the row names no host; its entries have an empty host list'));
  });
  void test('an unknown row name goes to unparsed with its name; an unreadable cell goes to unparsed with its place', () => {
    const { snapshot } = importFixture('broken-table.md', 'ubuntu@x', 'ubuntu');
    assert.deepEqual(snapshot.unparsed.slice(0, 2), [
      { where: 'Current releases / row "Teleportation support"', reason: 'unknown feature name' },
      { where: 'Current releases / Jumbo frames / 22.04 LTS', reason: 'cannot read cell "✔ maybe"' },
    ]);
  });
  void test('a table that cannot be read is named by its heading in unparsed, and the rest of the page still imports', () => {
    const { snapshot } = importFixture('broken-table.md', 'ubuntu@x', 'ubuntu');
    assert.ok(snapshot.unparsed.some((u) => u.where === 'Experimental releases' && /no guest column header/.test(u.reason)));
    assert.deepEqual(
      snapshot.columns.map((c) => c.key),
      ['ubuntu:22.04:built-in'],
    );
  });
  void test('a feature that appears in two rows keeps both rows and is reported', () => {
    const { snapshot } = importFixture('debian-like.md', 'debian@x', 'debian');
    assert.deepEqual(
      cell(snapshot, 'debian:11:built-in', 'video').map((e) => e.hosts),
      [['2012 R2', '2016'], ['2019']],
    );
    assert.ok(snapshot.diagnostics.some((d) => d.includes('video appears in two rows')));
  });
});

void describe('snapshot assembly: notes', () => {
  void test('notes are stored by fingerprint; the upstream text is kept only when asked', () => {
    const plain = importFixture('numbered-ones.md', 'freebsd@x', 'freebsd');
    const text = plain.noteTexts.get(plain.snapshot.notes[0]!.fingerprint);
    assert.equal(text, 'Label the disks so the root file system is found at boot.');
    assert.equal(plain.snapshot.notes[0]!.fingerprint, noteFingerprint(text ?? ''));
    assert.ok(plain.snapshot.notes.every((n) => n.upstreamText === undefined));
    const kept = importFixture('numbered-ones.md', 'freebsd@x', 'freebsd', { keepUpstreamText: true });
    assert.equal(kept.snapshot.notes[0]!.upstreamText, text);
  });
  void test('a dangling number resolves from the previous version and records where from', () => {
    const v1 = importFixture('dangling-v1.md', 'ubuntu@v1', 'ubuntu').snapshot;
    const v2 = importFixture('dangling-v2.md', 'ubuntu@v2', 'ubuntu', { previous: v1 }).snapshot;
    assert.ok(v2.diagnostics.includes("cells cite note 4, which the page's list (2 notes) does not have; resolved from ubuntu@v1#4"));
  });
  void test("resolution follows the chain: through the previous version's own resolutions, then older versions", () => {
    const v1 = importFixture('dangling-v1.md', 'ubuntu@v1', 'ubuntu').snapshot;
    const v2 = importFixture('dangling-v2.md', 'ubuntu@v2', 'ubuntu', { previous: v1 }).snapshot;
    const v3 = importFixture('dangling-v3.md', 'ubuntu@v3', 'ubuntu', { previous: v2, earlier: [v1] }).snapshot;
    assert.deepEqual(cell(v3, 'ubuntu:20.04:built-in', 'uefi-boot')[0]!.notes, [
      { position: 4, resolvedFrom: { snapshot: 'ubuntu@v1', position: 4 } },
    ]);
    assert.deepEqual(cell(v3, 'ubuntu:22.04:built-in', 'uefi-boot')[0]!.notes, [
      { position: 3, resolvedFrom: { snapshot: 'ubuntu@v1', position: 3 } },
    ]);
  });
  void test('a number no version has is dropped from the cell and reported', () => {
    const v1 = importFixture('dangling-v1.md', 'ubuntu@v1', 'ubuntu').snapshot;
    const v3 = importFixture('dangling-v3.md', 'ubuntu@v3', 'ubuntu', { previous: v1 }).snapshot;
    assert.ok(!cell(v3, 'ubuntu:20.04:built-in', 'uefi-boot')[0]!.notes.some((n) => n.position === 9));
    assert.ok(v3.diagnostics.some((d) => d.startsWith('cells cite note 9') && d.endsWith('the reference is dropped')));
  });
  void test('a cited placeholder note is reported, and kept when nothing resolves it', () => {
    const { snapshot } = importFixture('series-tables.md', 'rhel@x', 'rhel');
    assert.ok(snapshot.diagnostics.some((d) => d.startsWith('cells cite note 6, which the page marks as intentionally omitted')));
    assert.ok(cell(snapshot, 'rhel:7.4:built-in', 'dm-hot-add')[0]!.notes.some((n) => n.position === 6));
  });
  void test('every reference in a snapshot points at a note it has, or says where it was resolved from', () => {
    for (const [name, page] of [
      ['series-tables.md', 'rhel'],
      ['tp-style.md', 'freebsd'],
      ['html-table.md', 'oracle-linux'],
      ['dangling-v3.md', 'ubuntu'],
    ] as const) {
      const { snapshot } = importFixture(name, `${page}@x`, page);
      MatrixSnapshot.parse(snapshot);
      const positions = new Set(snapshot.notes.map((n) => n.position));
      for (const col of snapshot.columns) {
        const refs = [...col.integration.notes, ...Object.values(col.features).flatMap((c) => c.flatMap((e) => e.notes))];
        for (const ref of refs) assert.ok(ref.resolvedFrom || positions.has(ref.position), `${name} ${col.key} note ${ref.position}`);
      }
    }
  });
});
