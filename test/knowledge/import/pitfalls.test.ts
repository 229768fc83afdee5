// One test per parsing pitfall in kb-sources.md §7, on small fixture pages written in the upstream format.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { ImportError } from '../../../src/knowledge/import/errors.ts';
import { importPage } from '../../../src/knowledge/import/import-page.ts';
import { Source } from '../../../src/knowledge/schema/source.ts';
import { cell, column, fixture, importFixture, source } from './helpers.ts';

const SOURCES = z
  .array(Source)
  .parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/knowledge/data/sources/upstream.json'), 'utf8')));

void describe('§7 parsing pitfalls', () => {
  void test('1. ms.date is unreliable: the snapshot takes its era from the Source, not from the page', () => {
    const { snapshot } = importFixture('series-tables.md', 'rhel@fixture', 'rhel', {}, '2021-05-05');
    assert.equal(snapshot.era, '2021-05-05');
    const stale = SOURCES.filter((s) => s.msDate && s.era > s.msDate && s.kind === 'matrix-page')
      .map((s) => s.id)
      .sort();
    assert.deepEqual(stale, [
      'debian@2016-10-03_6de04a09',
      'debian@2016-10-03_id2746989753',
      'freebsd@2017-08-30',
      'oracle-linux@2017-06-01_6e1ee5aa',
      'rhel@2019-06-13',
      'sles@2016-10-03_b5dc2aba',
    ]);
    const rhel2025 = SOURCES.filter((s) => s.page === 'rhel' && s.msDate === '2025-06-19');
    assert.deepEqual(rhel2025.map((s) => [s.id, s.era, s.order]).sort(), [
      ['rhel@2025-06-19_051b1c98', '2025-06-19', 1],
      ['rhel@2025-06-19_id25266000600', '2025-06-19', 0],
    ]);
  });

  void test('2. check marks: &#10004;, ✔ and the TP **√** all read as available', () => {
    const tp = importFixture('tp-style.md', 'freebsd@tp', 'freebsd').snapshot;
    assert.equal(cell(tp, 'freebsd:10.2:built-in', 'core')[0]!.status, 'available');
    const series = importFixture('series-tables.md', 'rhel@x', 'rhel').snapshot;
    assert.equal(cell(series, 'rhel:7.5-7.8:download:lis-4.3', 'core')[0]!.status, 'available');
    assert.equal(cell(series, 'rhel:10.x:built-in', 'core')[0]!.status, 'available');
    assert.deepEqual(cell(series, 'rhel:7.4:built-in', 'live-backup')[0]!.notes, [{ position: 2 }]);
  });

  void test('3. notes count by ordinal position; placeholders keep their number; dangling numbers resolve from the previous version', () => {
    const ones = importFixture('numbered-ones.md', 'freebsd@ones', 'freebsd').snapshot;
    assert.deepEqual(
      ones.notes.map((n) => n.position),
      [1, 2, 3],
    );
    const series = importFixture('series-tables.md', 'rhel@x', 'rhel').snapshot;
    assert.equal(series.notes.find((n) => n.position === 6)?.placeholder, true);
    const v1 = importFixture('dangling-v1.md', 'ubuntu@v1', 'ubuntu').snapshot;
    const v2 = importFixture('dangling-v2.md', 'ubuntu@v2', 'ubuntu', { previous: v1 }).snapshot;
    assert.deepEqual(cell(v2, 'ubuntu:20.04:built-in', 'uefi-boot')[0]!.notes, [
      { position: 4, resolvedFrom: { snapshot: 'ubuntu@v1', position: 4 } },
    ]);
  });

  void test('4. the Oracle 2023 7.x raw HTML table: two-level header, Availability splits RHCK into LIS 4.3 and Built in', () => {
    const { snapshot } = importFixture('html-table.md', 'oracle-linux@x', 'oracle-linux');
    const keys = snapshot.columns.filter((c) => c.table === 'Oracle Linux 7.x Series').map((c) => c.key);
    assert.deepEqual(keys, [
      'oracle-linux:7.5-7.8:rhck:download:lis-4.3',
      'oracle-linux:7.5-7.8:rhck:built-in',
      'oracle-linux:7.5-7.8:uek5:built-in',
      'oracle-linux:7.3-7.4:rhck:download:lis-4.3',
      'oracle-linux:7.3-7.4:uek4:built-in',
    ]);
    assert.deepEqual(column(snapshot, 'oracle-linux:7.5-7.8:uek5:built-in').kernel, { flavor: 'uek', label: 'UEK5' });
    assert.equal(cell(snapshot, 'oracle-linux:7.3-7.4:uek4:built-in', 'video')[0]!.status, 'not-available');
  });

  void test('5. ragged and broken rows: short rows, no closing pipe, trailing spaces, padded tables', () => {
    const { snapshot } = importFixture('series-tables.md', 'rhel@x', 'rhel');
    // "Accurate Time" has cells for the first two columns only; the rest read as blank.
    assert.equal(cell(snapshot, 'rhel:7.3-7.4:download:lis-4.3', 'accurate-time')[0]!.status, 'available');
    assert.equal(cell(snapshot, 'rhel:7.4:built-in', 'accurate-time')[0]!.status, 'not-available');
    // The Core row has no closing pipe; its last cell still counts.
    assert.equal(cell(snapshot, 'rhel:7.4:built-in', 'core')[0]!.status, 'available');
    // Oracle-style "| **Availability** |  |" with no cell for the column.
    const oracle = importFixture('html-table.md', 'oracle-linux@x', 'oracle-linux').snapshot;
    assert.equal(column(oracle, 'oracle-linux:9.0:rhck:built-in').confidence, 'medium');
    assert.deepEqual(snapshot.unparsed, []);
  });

  void test('6. a split row (empty feature cell) adds per-host entries to the feature above', () => {
    const { snapshot } = importFixture('series-tables.md', 'rhel@x', 'rhel');
    assert.deepEqual(cell(snapshot, 'rhel:6.8,6.9,6.10:built-in', 'uefi-boot'), [
      { status: 'not-available', hosts: ['2012 R2'], otherHosts: [], notes: [] },
      { status: 'available', hosts: ['2016'], otherHosts: [], notes: [{ position: 7 }] },
    ]);
  });

  void test('7. host strings vary: one tokenizer for all forms', () => {
    const series = importFixture('series-tables.md', 'rhel@x', 'rhel').snapshot;
    assert.deepEqual(cell(series, 'rhel:10.x:built-in', 'core')[0]!.hosts, ['2016', '2019', '2022', '2025']);
    assert.deepEqual(cell(series, 'rhel:10.x:built-in', 'core')[0]!.otherHosts, ['Azure Stack HCI']);
    assert.deepEqual(cell(series, 'rhel:10.x:built-in', 'live-backup')[0]!.otherHosts, ['Azure Stack HCI'], 'Azure Local');
    assert.deepEqual(cell(series, 'rhel:7.4:built-in', 'dm-hot-add')[0]!.hosts, ['2012 R2', '2016', '2019'], '2019,2016,2012R2');
    assert.deepEqual(cell(series, 'rhel:6.8,6.9,6.10:built-in', 'core')[0]!.hosts, ['2012 R2', '2016'], '2016,2012 R2');
    const sles = importFixture('sles.md', 'sles@x', 'sles').snapshot;
    assert.deepEqual(
      cell(sles, 'sles:15sp1-15sp4:built-in', 'core')[0]!.hosts,
      ['2012', '2016', '2019', '2022'],
      'WS/Hyper-V 2022,2019,2016,2012',
    );
  });

  void test('8. free-text version headers become version sets and stable keys', () => {
    const series = importFixture('series-tables.md', 'rhel@x', 'rhel').snapshot;
    assert.deepEqual(
      series.columns.map((c) => c.key),
      [
        'rhel:10.x:built-in',
        'rhel:7.5-7.8:download:lis-4.3',
        'rhel:7.3-7.4:download:lis-4.3',
        'rhel:7.5-7.8:built-in',
        'rhel:7.4:built-in',
        'rhel:6.4-6.8,7.0-7.3:download:lis-4.1',
        'rhel:6.8,6.9,6.10:built-in',
        'rhel:5.2-5.11:download:lis-4.1',
      ],
    );
    const tp = importFixture('tp-style.md', 'freebsd@tp', 'freebsd').snapshot;
    assert.deepEqual(
      tp.columns.map((c) => c.key),
      ['freebsd:10.2:built-in', 'freebsd:10.0-10.1:built-in', 'freebsd:9.1-9.3:ports'],
    );
    const sles = importFixture('sles.md', 'sles@x', 'sles').snapshot;
    assert.deepEqual(
      sles.columns.map((c) => c.key),
      ['sles:15sp1-15sp4:built-in', 'sles:12sp3,12sp4:built-in', 'opensuse:42.3:built-in'],
    );
  });

  void test('9. feature-name drift maps to one feature id', () => {
    const tp = importFixture('tp-style.md', 'freebsd@tp', 'freebsd').snapshot;
    const features = Object.keys(column(tp, 'freebsd:10.2:built-in').features).sort();
    assert.deepEqual(features, [
      'core',
      'dm-ballooning',
      'dm-hot-add',
      'jumbo-frames',
      'kvp',
      'nmi',
      'pae',
      'runtime-memory-resize',
      'static-ip-injection',
      'video',
    ]);
    const debian = importFixture('debian-like.md', 'debian@x', 'debian').snapshot;
    assert.equal(
      cell(debian, 'debian:11:built-in', 'video').length,
      2,
      '"Hyper-V-specificvideo device" and "Hyper-V-specific  video device"',
    );
  });

  void test('10. markdown escapes and HTML: \\>256 vCPUs, Hyper\\-V, Key\\/value, <br/>, <a name> headings', () => {
    const series = importFixture('series-tables.md', 'rhel@x', 'rhel').snapshot;
    assert.equal(cell(series, 'rhel:10.x:built-in', 'vcpus-over-256')[0]!.status, 'available');
    const tp = importFixture('tp-style.md', 'freebsd@tp', 'freebsd').snapshot;
    assert.equal(cell(tp, 'freebsd:10.2:built-in', 'video')[0]!.status, 'available');
    assert.deepEqual(cell(tp, 'freebsd:10.2:built-in', 'kvp')[0]!.notes, [{ position: 4 }]);
    assert.equal(tp.notes.length, 4, 'the <a name="BKMK_notes"></a>Notes heading is found');
  });

  void test('11. mixed heading styles: setext and ATX headings both key their series tables', () => {
    const series = importFixture('series-tables.md', 'rhel@x', 'rhel').snapshot;
    assert.deepEqual(
      [...new Set(series.columns.map((c) => c.table))],
      ['RHEL 10.x Series', 'RHEL/CentOS 7.x Series', 'RHEL/CentOS 6.x Series'],
    );
    assert.deepEqual(column(series, 'rhel:10.x:built-in').families, ['rhel'], 'a RHEL-only heading narrows the families');
  });

  void test('12. trailing whitespace, hard breaks, tabs in notes and curly quotes do not disturb parsing', () => {
    const tp = importFixture('tp-style.md', 'freebsd@tp', 'freebsd');
    assert.ok([...tp.noteTexts.values()].every((text) => !/ {2}$/m.test(text)));
    const oracle = importFixture('html-table.md', 'oracle-linux@x', 'oracle-linux').snapshot;
    assert.equal(oracle.notes.length, 3);
    const ones = importFixture('numbered-ones.md', 'freebsd@ones', 'freebsd');
    assert.ok([...ones.noteTexts.values()].some((text) => text.includes('“gpart recover”')));
  });

  void test('13. a blog post with HTML-to-markdown debris tables is refused, not half-read', () => {
    assert.throws(() => importPage(fixture('not-matrix/blog-debris.md'), source('lis@3.5', 'lis')), ImportError);
  });
});
