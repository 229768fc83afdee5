import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVersionHeader, type ParsedVersionHeader } from '../../../src/knowledge/import/version-headers.ts';

function read(raw: string): ParsedVersionHeader {
  const result = parseVersionHeader(raw);
  assert.ok(result.ok, `"${raw}" should parse: ${result.ok ? '' : result.reason}`);
  return result.header;
}

void describe('version headers', () => {
  void test('"8.1-8.6+" is an open-ended range', () => {
    assert.deepEqual(read('**8.1-8.6+**').versions, [{ kind: 'range', from: '8.1', to: '8.6', openEnded: true }]);
    assert.equal(read('8.1-8.6+').key, '8.1-8.6+');
  });
  void test('"9.x" is a whole major series', () => assert.deepEqual(read('**9.x**').versions, [{ kind: 'series', major: '9' }]));
  void test('"6.10, 6.9, 6.8" is three versions; the key sorts them numerically', () => {
    const header = read('6.10, 6.9, 6.8');
    assert.deepEqual(
      header.versions.map((v) => (v.kind === 'exact' ? v.version : '')),
      ['6.10', '6.9', '6.8'],
    );
    assert.equal(header.key, '6.8,6.9,6.10');
  });
  void test('"5.2 -5.11" (odd space, not bold)', () =>
    assert.deepEqual(read('5.2 -5.11').versions, [{ kind: 'range', from: '5.2', to: '5.11', openEnded: false }]));
  void test('"5.9 - 5.11"', () =>
    assert.deepEqual(read('**5.9 - 5.11**').versions, [{ kind: 'range', from: '5.9', to: '5.11', openEnded: false }]));
  void test('"18.10 / 19.04" is two versions', () => {
    assert.deepEqual(read('**18.10 / 19.04**').versions, [
      { kind: 'exact', version: '18.10' },
      { kind: 'exact', version: '19.04' },
    ]);
  });
  void test('"20.04 LTS" drops LTS', () => assert.deepEqual(read('**20.04 LTS**').versions, [{ kind: 'exact', version: '20.04' }]));
  void test('"10.0-10.3 (buster)" drops the code name', () => {
    assert.deepEqual(read('**10.0-10.3 (buster)**').versions, [{ kind: 'range', from: '10.0', to: '10.3', openEnded: false }]);
  });
  void test('"11 (Bullseye)"', () => assert.deepEqual(read('11 (Bullseye)').versions, [{ kind: 'exact', version: '11' }]));
  void test('"SLES 12 SP3/SP4" gives 12 SP3 and 12 SP4', () => {
    const header = read('**SLES 12 SP3/SP4**');
    assert.deepEqual(header.versions, [
      { kind: 'exact', version: '12 SP3' },
      { kind: 'exact', version: '12 SP4' },
    ]);
    assert.deepEqual(header.families, ['sles']);
    assert.equal(header.key, '12sp3,12sp4');
  });
  void test('"SLES 15 SP1-SP4" is a service-pack range', () => {
    assert.deepEqual(read('SLES 15 SP1-SP4').versions, [{ kind: 'range', from: '15 SP1', to: '15 SP4', openEnded: false }]);
  });
  void test('"SLES 15" alone', () => assert.deepEqual(read('SLES 15').versions, [{ kind: 'exact', version: '15' }]));
  void test('"11.1/11.2"', () =>
    assert.deepEqual(read('11.1/11.2').versions, [
      { kind: 'exact', version: '11.1' },
      { kind: 'exact', version: '11.2' },
    ]));
  void test('"9.1 - 9.3, 8.4" is a range and a version', () => {
    assert.deepEqual(read('9.1 - 9.3, 8.4').versions, [
      { kind: 'range', from: '9.1', to: '9.3', openEnded: false },
      { kind: 'exact', version: '8.4' },
    ]);
  });
  void test('"10 – 10.1" with an en dash; the key reads the bare 10 as 10.0', () => {
    const header = read('**10 – 10.1**');
    assert.deepEqual(header.versions, [{ kind: 'range', from: '10', to: '10.1', openEnded: false }]);
    assert.equal(header.key, read('10.0 - 10.1').key);
  });
  void test('"6.4-6.8 and 7.0-7.3" is two ranges', () => {
    assert.deepEqual(read('6.4-6.8 and 7.0-7.3').versions, [
      { kind: 'range', from: '6.4', to: '6.8', openEnded: false },
      { kind: 'range', from: '7.0', to: '7.3', openEnded: false },
    ]);
  });
  void test('"OL with RHCK6.4" is Oracle Linux 6.4 on the Red Hat compatible kernel', () => {
    const header = read('**OL with RHCK6.4**');
    assert.deepEqual(header.versions, [{ kind: 'exact', version: '6.4' }]);
    assert.deepEqual(header.kernel, { flavor: 'rhck' });
    assert.deepEqual(header.families, ['oracle-linux']);
  });
  void test('"OL with RHCK 6.6, 6.7"', () => assert.equal(read('OL with RHCK 6.6, 6.7').key, '6.6,6.7'));
  void test('"9.0 (RHCK)"', () => {
    const header = read('9.0 (RHCK)');
    assert.deepEqual(header.versions, [{ kind: 'exact', version: '9.0' }]);
    assert.deepEqual(header.kernel, { flavor: 'rhck' });
  });
  void test('"6.8-6.10 (UEK4)" names the UEK4 kernel', () => {
    const header = read('**6.8-6.10 (UEK4)**');
    assert.deepEqual(header.versions, [{ kind: 'range', from: '6.8', to: '6.10', openEnded: false }]);
    assert.deepEqual(header.kernel, { flavor: 'uek', label: 'UEK4' });
  });
  void test('a two-level HTML header "7.5-7.8 (UEK5)" / "(RHCK)" sub-headers', () => {
    assert.deepEqual(read('7.5-7.8 (UEK5)').kernel, { flavor: 'uek', label: 'UEK5' });
    assert.deepEqual(read('7.3-7.4 (RHCK)').kernel, { flavor: 'rhck' });
  });
  void test('"R3 QU3" is a UEK release label; the Oracle Linux majors are inferred and flagged', () => {
    const header = read('**R3 QU3**');
    assert.deepEqual(header.kernel, { flavor: 'uek', label: 'UEK R3 QU3' });
    assert.equal(header.versionsInferred, true);
    assert.deepEqual(header.versions, [
      { kind: 'series', major: '6' },
      { kind: 'series', major: '7' },
    ]);
  });
  void test('"R5" is UEK R5, shipped for Oracle Linux 7', () => {
    const header = read('R5');
    assert.deepEqual(header.kernel, { flavor: 'uek', label: 'UEK R5' });
    assert.deepEqual(header.versions, [{ kind: 'series', major: '7' }]);
  });
  void test('"openSUSE 42.3" names openSUSE', () => assert.deepEqual(read('openSUSE 42.3').families, ['opensuse']));
  void test('a header with no version is refused with the header quoted', () => {
    const result = parseVersionHeader('**Nightly**');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /"Nightly"/);
  });
});
