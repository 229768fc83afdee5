import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities } from '../../src/bot/entities/extract.ts';
import { extractHosts } from '../../src/bot/entities/hosts.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();
const entities = (q: string) => extractEntities(kb, q).entities;

describe('host extraction', () => {
  const cases: Array<[string, string]> = [
    ['on 2012 r2', '2012 R2'],
    ['ws2012r2', '2012 R2'],
    ['2k12r2', '2012 R2'],
    ['2k16', '2016'],
    ['Server 2016', '2016'],
    ['windows server 2019', '2019'],
    ['hyper-v 2022', '2022'],
    ['Windows 10', '2016'],
    ['win 8.1', '2012 R2'],
    ['windows 11', '2022'],
    ['server 2025', '2025'],
    ['2008r2', '2008 R2'],
    ['the R2 box', '2012 R2'],
  ];
  for (const [text, host] of cases) {
    test(`"${text}" → ${host}`, () =>
      assert.deepEqual(
        extractHosts(text.toLowerCase()).hosts.map((h) => h.host),
        [host],
      ));
  }
  test('host digits are not read as a distro version', () => {
    assert.deepEqual(entities('debian 10 on 2019'), { distro: 'debian', version: '10', host: '2019' });
  });
});

describe('distro, version and feature extraction', () => {
  test('codenames resolve to their version', () => {
    assert.deepEqual(entities('does trusty have kvp on 2k12r2'), { distro: 'ubuntu', version: '14.04', feature: 'kvp', host: '2012 R2' });
    assert.equal(entities('buster trim').version, '10');
    assert.equal(entities('jammy secure boot').version, '22.04');
  });
  test('abbreviations and glued forms', () => {
    assert.deepEqual(entities('el6 dynamic memory'), { distro: 'rhel', version: '6', feature: 'dynamic-memory' });
    assert.deepEqual(entities('centos7.5 sriov'), { distro: 'centos', version: '7.5', feature: 'sr-iov' });
    assert.equal(entities('OL 7.6 uek').distro, 'oracle-linux');
    assert.equal(entities('OL 7.6 uek').kernel, 'uek');
  });
  test('SLES service packs in every spelling', () => {
    for (const q of ['sles 11 sp3 trim', 'SLES 11SP3 trim', 'sles11sp3 trim', 'sles 11.3 trim']) {
      assert.equal(entities(q).version, '11 SP3', q);
    }
  });
  test('typos are read with fuzzy matching and reported as such', () => {
    const extraction = extractEntities(kb, 'centos 6.2 dynamc memory?');
    assert.deepEqual(extraction.entities, { distro: 'centos', version: '6.2', feature: 'dynamic-memory' });
    assert.ok(extraction.fuzzy.length > 0);
    assert.equal(entities('ubunut 18.04 secure boot').distro, 'ubuntu');
  });
  test('a specific memory feature beats dynamic memory in general', () => {
    assert.equal(entities('rhel 7 dynamic memory hot add').feature, 'dm-hot-add');
  });
  test('short words do not fuzzy-match distros', () => {
    assert.deepEqual(entities('help'), {});
    assert.deepEqual(entities('hello there'), {});
  });
});
