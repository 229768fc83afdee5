import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities } from '../../../src/bot/entities/extract.ts';
import { withSpeltLettersJoined } from '../../../src/bot/entities/text-rewrites.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();
const entities = (q: string) => extractEntities(kb, q).entities;

describe('versions', () => {
  test('a bare even Ubuntu year is its April LTS; an odd one is left alone', () => {
    assert.equal(entities('u20 dm').version, '20.04');
    assert.equal(entities('is dm on u16 worth it').version, '16.04');
    assert.equal(entities('ubuntu 22 secure boot').version, '22.04');
    assert.equal(entities('ubuntu 13 kvp').version, '13');
  });
  test('a service pack in words, and a version with a v', () => {
    assert.equal(entities('sles 12 sp 3 trim').version, '12 SP3');
    assert.equal(entities('sles 11 service pack 4 trim').version, '11 SP4');
    assert.equal(entities('rhel v7.4 kvp').version, '7.4');
  });
  test("a kernel's version a word or two after the distro is not the distro's", () => {
    assert.deepEqual(entities('rhel with kernel 3.10 kvp'), { distro: 'rhel', feature: 'kvp' });
    assert.equal(entities('debian with the 5.10 kernel').version, undefined);
    assert.equal(entities('rhel server 7').version, '7');
  });
  test('a point release of the bare major just named is the version meant', () => {
    assert.deepEqual(entities('oel6 rhck 6.9 supported?'), { distro: 'oracle-linux', version: '6.9', kernel: 'rhck' });
    assert.equal(entities('rhel 7 on 2016').version, '7');
  });
  test('a release line of the bare major named before, further on, is the version meant; another release planned is not', () => {
    assert.equal(entities('our oracle linux 7 template, redhat-release says Oracle Linux Server release 7.6').version, '7.6');
    assert.equal(entities('centos 7 boxes: centos 7.9 on some, kvp?').version, '7.9');
    assert.equal(entities('centos 7 vms, we plan 8.5 next').version, '7');
  });
  test("a point release of the bare major said to be what runs, further on, is the version meant; another product's is not", () => {
    assert.equal(entities('which centos 5 releases have built-in drivers? we have 5.10 specifically').version, '5.10');
    assert.equal(entities('our last rhel 5 straggler is 5.9 on the stock kernel').version, '5.9');
    assert.equal(entities('uninstall vmware tools from centos 5 after we moved off esxi 5.5').version, '5');
  });
  test("a codename's major and a bare major are refined by the point release or service pack named after them", () => {
    assert.equal(entities('customer runs a debian buster vm (10.3) for their edi gateway').version, '10.3');
    assert.equal(entities('sles12-db-01 (SLES 12 SP5) was live-migrated to a 2022 node').version, '12 SP5');
    assert.equal(entities('wheezy on 2008 R2 with a bunch of SCSI disks').version, '7');
  });
  test('words of distro names do not use up the words a late version may follow by; a count is no version', () => {
    assert.equal(entities('suse linux enterprize server 15 sp2').version, '15 SP2');
    assert.deepEqual(entities('centos guests with 8 vcpus'), { distro: 'centos' });
  });
  test('a version glued to LTS', () => {
    assert.equal(entities('ubuntu 20.04lts kvp').version, '20.04');
  });
  test('a point release is asked about as its release', () => {
    assert.equal(entities('ubuntu 20.04.6 trim').version, '20.04');
    assert.deepEqual(entities('centos 7.9.2009 sriov'), { distro: 'centos', version: '7.9', feature: 'sr-iov' });
  });
});

describe('pasted release files', () => {
  test('the file name (/etc/redhat-release) does not name the distro; the line it prints does', () => {
    const q = '```\n$ cat /etc/redhat-release\nCentOS Linux release 7.9.2009 (Core)\n```\ncan i use sr-iov on this one? host is ws2019';
    assert.deepEqual(entities(q), { distro: 'centos', version: '7.9', feature: 'sr-iov', host: '2019' });
  });
  test('"(Core)" after a release is its edition, not the Core feature', () => {
    assert.deepEqual(entities('CentOS Linux release 7.9.2009 (Core) - supported on 2019?'), {
      distro: 'centos',
      version: '7.9',
      host: '2019',
    });
    assert.equal(entities('Operating System: CentOS Linux 7 (Core)').feature, undefined);
  });
  test('a CPU core, Server Core, a core dump or "-core" in a name is not the Core feature; the core row still is', () => {
    for (const other of [
      'debian 12 vm pins a single core at 100% on network load',
      'how many core licences for a 2 node cluster running sles guests',
      'is rocky 9 fine on a 2022 core install',
      'ubuntu 24.04 on hyper-v server 2019 core edition',
      'where does ubuntu write the core dump after a segfault',
      'sles 15 sp5 needs salt-core 3006, which repo',
      'rhel 9 guest with 12 core vm sizing',
    ])
      assert.equal(entities(other).feature, undefined, other);
    for (const label of [
      'centos 7 core support on 2016?',
      'sles 12 sp4 core integration services on 2022',
      'ws2022 core support for oracle linux 8.2?',
      'does freebsd 13 get the core hyper-v drivers',
    ])
      assert.equal(entities(label).feature, 'core', label);
  });
  test("/etc/SuSE-release's VERSION and PATCHLEVEL lines are the service pack", () => {
    assert.equal(entities('SUSE Linux Enterprise Server 12 (x86_64)\nVERSION = 12\nPATCHLEVEL = 3\ntrim on 2019?').version, '12 SP3');
  });
  test('the number /etc/debian_version prints is the Debian release, however the question names the family', () => {
    assert.deepEqual(entities('is buster fine on 2016? $ cat /etc/debian_version\n10.4'), {
      distro: 'debian',
      version: '10.4',
      host: '2016',
    });
    assert.equal(entities('cat /etc/debian_version → 9.13, kvp?').version, '9.13');
  });
  test('os-release lines', () => {
    assert.deepEqual(entities('NAME="Ubuntu" VERSION="20.04.6 LTS (Focal Fossa)"'), { distro: 'ubuntu', version: '20.04' });
    assert.deepEqual(entities('SUSE Linux Enterprise Server 12 SP4 trim'), { distro: 'sles', version: '12 SP4', feature: 'trim' });
    assert.deepEqual(entities('VERSION_ID="8.4" ID="rhel"'), { distro: 'rhel', version: '8.4' });
  });
});

describe('feature names as written', () => {
  test('a verb in another tense, and filler words between verb and object', () => {
    assert.equal(entities('rhel 7.1 built in, can i grow the vhdx while it runs').feature, 'vhdx-resize');
    assert.equal(entities('grew the vhdx by 50gb and parted moans').feature, 'vhdx-resize');
    assert.equal(entities('freebsd 11.0 grow vhdx online').feature, 'vhdx-resize');
    assert.equal(entities('live migrating our gen2 vms fails').feature, 'live-migration');
  });
  test('stand-in words', () => {
    assert.equal(entities('copying files to the guest').feature, 'file-copy');
    assert.equal(entities('ip address injection').feature, 'static-ip-injection');
    assert.equal(entities('more than 256 virtual processors').feature, 'vcpus-over-256');
    assert.equal(entities('online disk expansion').feature, 'vhdx-resize');
    assert.equal(entities('hot adding memory to the vm').feature, 'dm-hot-add');
    assert.equal(entities('memory hotplug on rhel 8').feature, 'dm-hot-add');
    assert.equal(entities('increase vhdx size').feature, 'vhdx-resize');
    assert.equal(entities('expand the virtual hard disk').feature, 'vhdx-resize');
    assert.equal(entities('generation two vm').feature, 'uefi-boot');
    assert.equal(entities('runtime mem resize rhel 8').feature, 'runtime-memory-resize');
    assert.equal(entities('u2204 static ip inject from host?').feature, 'static-ip-injection');
  });
  test('Hyper-V-specific is synthetic', () => {
    assert.equal(entities('What is Hyper-V-specific Network device').feature, 'core');
    assert.equal(entities('Hyper-V-specific Storage, what does that mean').feature, 'core');
  });
});

describe('which feature is asked about', () => {
  test('a log prefix (hv_utils) frames the subsystem that follows it', () => {
    assert.equal(entities('kernel: hv_utils: KVP: Upgrade the KVP daemon').feature, 'kvp');
    assert.equal(entities('hv_utils: VSS: timeout waiting for daemon to reply').feature, 'live-backup');
    assert.equal(entities('hv_utils: KVP: IP injection functionality not available').feature, 'static-ip-injection');
  });
  test('a dynamic memory setting beside dynamic memory asks about dynamic memory', () => {
    assert.equal(entities('best practice for startup and minimum memory with dynamic memory').feature, 'dynamic-memory');
    assert.equal(entities('minimum memory on rhel 7').feature, 'dm-ballooning');
  });
});

describe('a release named the way one family names it', () => {
  test('"X.Y-RELEASE" is FreeBSD and "NN.04 LTS" Ubuntu, with or without the family', () => {
    assert.deepEqual(
      [entities('11.0-RELEASE guest on Server 2016 ok?').distro, entities('11.0-RELEASE guest').version],
      ['freebsd', '11.0'],
    );
    assert.deepEqual([entities('14.04 LTS gen2 with secure boot').distro, entities('14.04 LTS gen2').version], ['ubuntu', '14.04']);
    assert.equal(entities('freebsd 12.1-RELEASE kvp?').version, '12.1');
    // FreeBSD named further off: the release pasted from uname is still its version.
    assert.deepEqual(entities('audit my freebsd firewall vm: `uname -r` prints 13.2-RELEASE'), { distro: 'freebsd', version: '13.2' });
  });
  test('a bare YY.04 (or YY.10 past 12.10) is Ubuntu unless a family is named', () => {
    assert.deepEqual(
      [entities('14.04 hot add w/ 2008 R2 hosts').distro, entities('14.04 hot add w/ 2008 R2 hosts').version],
      ['ubuntu', '14.04'],
    );
    assert.equal(entities('centos 7 and 18.04 both on 2016').distro, 'centos');
    assert.equal(entities('rhel 6.10 on 2016').version, '6.10');
    // YY.10 past Debian's 12.x is Ubuntu's too.
    assert.deepEqual(
      [entities('does 18.10 get hv_sock on 2019').distro, entities('does 18.10 get hv_sock on 2019').version],
      ['ubuntu', '18.10'],
    );
    assert.equal(entities('debian 12.10 kvp').distro, 'debian');
  });
  test('"release" after another version is only a word', () => {
    assert.equal(entities('rhel 7.4 release notes').distro, 'rhel');
  });
});

describe('a Red Hat-family kernel release', () => {
  test('names the release by its el tag when the question names no family', () => {
    assert.deepEqual(
      [
        entities('/lib/modules/4.18.0-513.5.1.el8_9.x86_64/kernel/drivers/net/hyperv/hv_netvsc.ko.xz').distro,
        entities('4.18.0-513.5.1.el8_9').version,
      ],
      ['rhel', '8.9'],
    );
    assert.deepEqual(
      [entities('4.14.35-1902.el7uek hv sockets?').distro, entities('4.14.35-1902.el7uek hv sockets?').kernel],
      ['oracle-linux', 'uek'],
    );
  });
  test('leaves a question that names its family as it is', () => {
    assert.equal(entities('centos 7.3 kernel 3.10.0-514.10.2.el7 with lis 4.1.3').version, '7.3');
  });
});

describe('words that look like another feature', () => {
  test('a pass-through disk is storage, not PCI passthrough; gpu passthrough still is', () => {
    assert.equal(entities('ubuntu 20.04 vm with a passthrough disk, is live backup supported on 2022?').feature, 'live-backup');
    assert.equal(entities('centos 7.8 vm with a pass-through physical disk, is live backup supported on 2019?').feature, 'live-backup');
    assert.equal(entities('gpu passthrough on ubuntu 22.04').feature, 'pci-passthrough');
  });
  test('a vCPU count past 256 names the >256 vCPU row; 64 does not', () => {
    assert.equal(entities('rhel 7.6 on 3.10.0-957.el7, can I give it 300 vCPUs?').feature, 'vcpus-over-256');
    assert.equal(entities('rhel 8 with 64 vcpus').feature, undefined);
    assert.equal(entities('centos 7.3: 300 virtual cores visible in the guest?').feature, 'vcpus-over-256');
    assert.equal(entities('Set-VMProcessor -Count 288 for a centos 7.9 vm, will it use them all?').feature, 'vcpus-over-256');
    assert.equal(entities('Set-VMProcessor -Count 16 for a centos 7.9 vm').feature, undefined);
    assert.equal(entities('more than two hundred fifty six v c p us on red hat enterprise nine').feature, 'vcpus-over-256');
  });
  test("a dotted release typed just before its family is that family's release; a kernel's is not", () => {
    assert.equal(entities('14.04 ubuntu: the 2016 accurate time thing on server 2016?').version, '14.04');
    assert.equal(entities('22.04 ubuntu TRIM on windows 11 hyper-v').version, '22.04');
    assert.equal(entities('kernel 5.15 ubuntu trim?').version, undefined);
  });
  test("the disk's backup GPT header is no backup", () => {
    assert.equal(
      entities('rhel 8: parted says the backup GPT table is not at the end of the disk after I extended the vhdx').feature,
      'vhdx-resize',
    );
  });
  test('shorthand typed often enough to be a name: kvpp, hot ad', () => {
    assert.equal(entities('ubunto 16.04 kvpp supported?').feature, 'kvp');
    assert.equal(entities('redhat 8.6 dinamic memory hot ad').feature, 'dm-hot-add');
  });
  test('static IP injection named as what happens on failover', () => {
    assert.equal(entities('freebsd 13.1 replica failover, inject static ipv6?').feature, 'static-ip-injection');
  });
});

describe('names read more carefully', () => {
  test('a word of its own is no typo of a name', () => {
    assert.equal(entities('oracle linux 8 on a node with spare RAM').distro, 'oracle-linux');
    assert.deepEqual(entities('winrm on centos 7?'), { distro: 'centos', version: '7' });
    assert.equal(entities('discord bot for our team').feature, undefined);
  });
  test("Red Hat's kernel tag typed as a name: el8_6 is 8.6", () => {
    assert.equal(entities('el8_6 on 2019 hosts?').version, '8.6');
    assert.equal(entities('4.18.0-513.5.1.el8_9 kernel').version, '8.9');
  });
  test('a direct message is not Dynamic Memory', () => {
    assert.equal(entities('can I DM you or only ask in the channel?').feature, undefined);
    assert.equal(entities('dm on centos 7?').feature, 'dynamic-memory');
  });
  test('"Ubuntu Server 22.04" names no host', () => {
    assert.deepEqual(entities('Is Ubuntu Server 22.04 LTS a supported guest on Hyper-V Server 2019?'), {
      distro: 'ubuntu',
      version: '22.04',
      host: '2019',
    });
  });
  test('spoken points: "twelve point oh four", "7 point 5"', () => {
    assert.equal(entities('ubuntu twelve point oh four on twenty oh eight r2').version, '12.04');
    assert.equal(entities('rhel 7 point 5 on server twenty nineteen').version, '7.5');
  });
  test("a point release named after the codename refines the codename's release", () => {
    assert.equal(entities('got an old wheezy box, debian 7.8, on a 2012 R2 host').version, '7.8');
    assert.equal(entities('bionic on 2016, and ubuntu 20.04 later').version, '18.04');
  });
});

describe("a host name's counter", () => {
  test('is no release: no release starts with a zero', () => {
    assert.equal(entities('sles01 on 2019, kvp?').version, undefined);
    assert.equal(entities('sap-sles-03 is SLES 12 SP3 with a pass-through disk').version, '12 SP3');
  });
});

describe('dictated questions', () => {
  test('names as speech-to-text hears them', () => {
    assert.deepEqual(entities('sent oh ess seven point nine on server twenty nineteen'), {
      distro: 'centos',
      version: '7.9',
      host: '2019',
    });
    assert.deepEqual(entities('free bee ess dee thirteen'), { distro: 'freebsd', version: '13' });
    assert.deepEqual(entities('you bun two eighteen oh four'), { distro: 'ubuntu', version: '18.04' });
    assert.deepEqual(entities('debby an ten'), { distro: 'debian', version: '10' });
  });
  test('letters spelt one by one are the abbreviation; "i" and "a" alone stay words', () => {
    assert.deepEqual(entities('does v r s s work on r h e l ten'), { distro: 'rhel', version: '10', feature: 'vrss' });
    assert.equal(entities('s c s i w w n on sles 12 sp2').feature, 'scsi-wwn');
    assert.equal(entities('s r i o v on ubuntu 20.04').feature, 'sr-iov');
    assert.equal(withSpeltLettersJoined('k v p on a i x'), 'kvp on aix');
    assert.equal(withSpeltLettersJoined('should i a vm'), 'should i a vm');
  });
});
