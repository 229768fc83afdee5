import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHosts } from '../../../src/knowledge/import/hosts.ts';

void describe('hosts tokenizer', () => {
  void test('"2019, 2016, 2012 R2"', () => {
    assert.deepEqual(parseHosts('2019, 2016, 2012 R2'), { hosts: ['2012 R2', '2016', '2019'], otherHosts: [], unknown: [] });
  });
  void test('"2016,2012 R2" without a space', () => assert.deepEqual(parseHosts('2016,2012 R2').hosts, ['2012 R2', '2016']));
  void test('"Windows Server 2025, 2022, 2019, 2016<br/> Azure Stack HCI"', () => {
    const parsed = parseHosts('Windows Server 2025, 2022, 2019, 2016<br/> Azure Stack HCI');
    assert.deepEqual(parsed.hosts, ['2016', '2019', '2022', '2025']);
    assert.deepEqual(parsed.otherHosts, ['Azure Stack HCI']);
    assert.deepEqual(parsed.unknown, []);
  });
  void test('"<br />" with a space, as on the CentOS 2023 7.x rows', () => {
    const parsed = parseHosts('Windows Server 2022, 2019, 2016, 2012 R2<br />Azure Stack HCI');
    assert.deepEqual(parsed.hosts, ['2012 R2', '2016', '2019', '2022']);
    assert.deepEqual(parsed.otherHosts, ['Azure Stack HCI']);
  });
  void test('Azure Stack HCI on the same line without a break', () => {
    const parsed = parseHosts('Windows Server 2022, 2019, 2016, 2012 R2 Azure Stack HCI');
    assert.deepEqual(parsed.hosts, ['2012 R2', '2016', '2019', '2022']);
    assert.deepEqual(parsed.otherHosts, ['Azure Stack HCI']);
  });
  void test('"WS/Hyper-V 2022,2019,2016,2012"', () => {
    const parsed = parseHosts('WS/Hyper-V 2022,2019,2016,2012<br/> Azure Stack HCI');
    assert.deepEqual(parsed.hosts, ['2012', '2016', '2019', '2022']);
    assert.deepEqual(parsed.otherHosts, ['Azure Stack HCI']);
    assert.deepEqual(parsed.unknown, []);
  });
  void test('"2008 R2" alone', () => assert.deepEqual(parseHosts('2008 R2').hosts, ['2008 R2']));
  void test('"2012R2" without a space', () => assert.deepEqual(parseHosts('2019,2016,2012R2').hosts, ['2012 R2', '2016', '2019']));
  void test('"Azure Local" is the new name of Azure Stack HCI', () => {
    assert.deepEqual(parseHosts('Windows Server 2025 <br/>Azure Local'), { hosts: ['2025'], otherHosts: ['Azure Stack HCI'], unknown: [] });
  });
  void test('the oldest TP list "2016, 2012 R2, 2012, 2008 R2"', () => {
    assert.deepEqual(parseHosts('2016, 2012 R2, 2012, 2008 R2').hosts, ['2008 R2', '2012', '2012 R2', '2016']);
  });
  void test('an empty host cell gives no hosts and nothing unknown', () =>
    assert.deepEqual(parseHosts(''), { hosts: [], otherHosts: [], unknown: [] }));
  void test('unknown text and years are reported, not dropped', () => {
    const parsed = parseHosts('2019, Windows 10, 2010, Xen');
    assert.deepEqual(parsed.hosts, ['2019']);
    assert.ok(parsed.unknown.includes('2010'));
    assert.ok(parsed.unknown.some((u) => u.includes('Xen')));
  });
});
