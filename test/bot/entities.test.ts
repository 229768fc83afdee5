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
  test('a swapped pair of letters is one typo, even in a short name', () => {
    for (const [typed, distro] of [
      ['rehl 7.5 on 2016', 'rhel'],
      ['centso 7 trim', 'centos'],
      ['ubunut 18.04', 'ubuntu'],
      ['debain 9 on 2016', 'debian'],
      ['slse 12 sp3', 'sles'],
    ] as const) {
      assert.equal(entities(typed).distro, distro, typed);
    }
    assert.equal(entities('sles 11 sp3 trimm').feature, 'trim');
  });
  test('a replaced letter in a short name, or a near phrase with a far word, is not a name', () => {
    assert.equal(entities('wireguard tunnel wont come up').feature, undefined);
    assert.equal(entities('slow disk on my box').feature, undefined);
    assert.equal(entities('is there a driver for it').feature, undefined);
  });
  test('a misspelt word at the end of a three-word name', () => {
    assert.equal(entities('hyper-v sokets on ubuntu 20.04').feature, 'hv-sockets');
  });
});

describe('UEK names Oracle Linux', () => {
  test('a UEK release with no distribution, or with the el shorthand, is Oracle Linux', () => {
    assert.deepEqual(entities('el7 uek5 ok on 2019?'), { distro: 'oracle-linux', version: '7', host: '2019', kernel: 'uek', uek: 'R5' });
    assert.equal(entities('which uek release supports secure boot').distro, 'oracle-linux');
    assert.equal(entities('what uek do i need for trim on 2016').distro, 'oracle-linux');
  });
  test('an update of a later UEK release is the release itself; R3 keeps its quarterly updates', () => {
    assert.equal(entities('oracle linux 8.2 running uek r6u1, sr-iov ok?').uek, 'R6');
    assert.equal(entities('ol 6.5 uek r3 qu2 live backup').uek, 'R3 QU2');
    assert.equal(entities('ol 6.5 uek r3u2 live backup').uek, 'R3 QU2');
  });
});

describe('a feature phrase read past an article', () => {
  test('"grow the vhdx" names what "grow vhdx" does', () => {
    assert.equal(entities('debian 10 - grow the vhdx to 3tb').feature, 'vhdx-resize');
    assert.equal(entities('rhel 7.1 built in, can i grow the vhdx while it runs').feature, 'vhdx-resize');
  });
  test('an article alone starts no phrase', () => {
    assert.equal(entities('the rhel 7 guest').feature, undefined);
  });
});

describe('names that say less than they seem', () => {
  test('"non-R2 2012" and "not r2" are 2012; "r2 hosts" alone is 2012 R2', () => {
    assert.equal(entities('is 14.04 supported on non-R2 2012?').host, '2012');
    assert.equal(entities('14.04 on hyper-v 2012 (not r2)?').host, '2012');
    assert.equal(entities('rhel 6 on r2 hosts').host, '2012 R2');
  });
  test('another Microsoft product\'s release is no host: "Exchange 2016", "SQL Server 2019"', () => {
    assert.equal(entities('Exchange 2016 on a 2019 hyper-v host, is that supported?').host, '2019');
    assert.equal(entities('SQL Server 2019 in a rhel 8 vm on hyper-v 2016').host, '2016');
  });
  test('a PAE kernel says which guest; another feature named beside it is the one asked', () => {
    assert.equal(entities('centos 6.9 32-bit (PAE kernel) - can I turn on dynamic memory for it?').feature, 'dynamic-memory');
    assert.equal(entities('pae kernel support on rhel 6.9?').feature, 'pae');
  });
  test('a question naming no distribution but a word only FreeBSD has is about FreeBSD, at the release it types', () => {
    assert.equal(entities('`gpart show da1` says `da1 GPT (20G) [CORRUPT]` after I resized the disk').distro, 'freebsd');
    assert.equal(entities('is there a BIS download package like the LIS one?').distro, 'freebsd');
    const typed = entities('is 13.2 supported on 2025 and is BIS built in or a port?');
    assert.deepEqual([typed.distro, typed.version], ['freebsd', '13.2']);
    assert.equal(entities('uek r3 qu3 kernel 3.8.13, discard/trim to the vhdx?').version, undefined);
    assert.equal(entities('ifconfig hn0 on ubuntu 20.04 shows mtu 1500').distro, 'ubuntu');
  });
  test('a codename that is an everyday word names no release beside another family', () => {
    assert.deepEqual(
      [entities('can you stretch the disk on rhel 8?').distro, entities('can you stretch the disk on rhel 8?').version],
      ['rhel', '8'],
    );
    assert.equal(entities('Trying to squeeze more density out of the cluster. Most guests are RHEL 7.2').distro, 'rhel');
    assert.equal(entities('precise timing for centos 7 guests').distro, 'centos');
    assert.equal(entities('stretch vm on 2016, live backup?').version, '9');
    assert.equal(entities('debian stretch live backup').version, '9');
    assert.equal(entities('trusty boxes are missing hyper-v goodies our xenial ones have').version, '14.04');
  });
  test('a release introduced by "for" or "on" far past the distro is its version, a kernel\'s is not', () => {
    assert.equal(entities('Did the mid-2019 Ubuntu page list Hyper-V Sockets for 16.04?').version, '16.04');
    assert.equal(entities('the 2019 ubuntu docs — were Hyper-V sockets supported on 18.04 back then?').version, '18.04');
    assert.equal(entities('centos guests this week. once they are on 7.6 with the built-in drivers, sr-iov?').version, '7.6');
    assert.equal(entities('rhel trim support for kernel 3.10.0').version, undefined);
  });
  test('"the 2019-era page" is a date; "2012 per the docs" is a host', () => {
    assert.equal(entities('FreeBSD 11.0 live backup per the 2019-era page?').asOf, '2019-12-31');
    const named = entities('is 14.04 actually supported on non-R2 2012 per the docs?');
    assert.deepEqual([named.host, named.asOf], ['2012', undefined]);
  });
});

describe('a number that times or counts something is no version', () => {
  test('"every 15 minutes" and "every 6 hours" a few words past the distro', () => {
    assert.equal(entities('replicate snapshots to a second FreeBSD box every 15 minutes').version, undefined);
    assert.equal(entities('centos box, every 6 hours the backup runs').version, undefined);
    assert.equal(entities('rhel server 7').version, '7');
  });
});

describe('a release typed before its family, a few connecting words between', () => {
  test('"went 7.4 -> 7.5 on a couple of centos vms" and "upgrade to 6.8 our centos boxes"', () => {
    assert.equal(entities('went 7.4 -> 7.5 on a couple of centos vms that still had the LIS rpm').version, '7.5');
    assert.equal(entities('after the minor upgrade to 6.8 our centos boxes lost their network').version, '6.8');
    assert.equal(entities('14.04 ubuntu dynamic memory?').version, '14.04');
  });
});

describe('online VHDX resize said as the VM being up', () => {
  test('"grow its fixed VHDX while the VM is up"', () => {
    assert.equal(entities('rhel 5.2 with LIS 4.1 — can I grow its fixed VHDX while the VM is up?').feature, 'vhdx-resize');
  });
});
