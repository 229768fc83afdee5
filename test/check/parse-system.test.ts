import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuestFacts } from '../../src/check/guest-facts.ts';
import { parseBundle } from '../../src/check/parse/index.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bundles');

function facts(input: string): GuestFacts {
  return GuestFacts.parse(parseBundle(input).facts);
}

const fixture = (name: string) => facts(readFileSync(join(FIXTURES, name), 'utf8'));
const bundle = (...sections: [string, ...string[]][]) =>
  [
    '### lischeck-meta',
    'format=1',
    'uid=0',
    ...sections.flatMap(([name, ...body]) => [`### ${name}`, ...body, '# rc=0']),
    '### lischeck-end',
  ].join('\n');

describe('facts the rules added to the parser', () => {
  test('initramfs, KVP pools, kernel packages and ifcfg from the RHEL 6.3 fixture', () => {
    const f = fixture('rhel63-lis35.txt');
    assert.deepEqual(f.initramfs?.value, { modules: ['hv_storvsc', 'hv_timesource', 'hv_vmbus'], unreadable: false });
    assert.deepEqual(
      f.kvpPools?.value.files.find((p) => p.name === '.kvp_pool_3'),
      { name: '.kvp_pool_3', mode: '644', size: 28160 },
    );
    assert.deepEqual(f.kernelPackages?.value, { installed: ['2.6.32-279.el6'], meta: [] });
    assert.deepEqual(f.nicConfig?.value, [{ device: 'eth0', nmControlled: true, bootproto: 'dhcp' }]);
  });

  test('Ubuntu: a missing pool directory and the kernel meta packages', () => {
    const f = fixture('ubuntu1404.txt');
    assert.deepEqual(f.kvpPools?.value, { files: [], missing: true });
    assert.deepEqual(f.kernelPackages?.value.meta, ['linux-generic', 'linux-image-generic']);
    assert.deepEqual(fixture('ubuntu1804.txt').kernelPackages?.value.installed, ['4.15.0-211-generic', '4.15.0-213-generic']);
  });

  test('SUSE kernel-default packages are written the way uname prints them', () => {
    assert.deepEqual(fixture('sles15.txt').kernelPackages?.value.installed, ['4.12.14-150.82-default']);
  });

  test('FreeBSD ifconfig MTU and loader.conf', () => {
    assert.equal(fixture('freebsd13.txt').network?.value.interfaces[0]?.mtu, 1500);
    const f = facts(
      bundle(
        ['uname -a', 'FreeBSD vm 9.3-RELEASE FreeBSD 9.3-RELEASE #0: amd64'],
        ['cat /boot/loader.conf', 'loader.conf: hw.ata.disk_enable="1"', 'loader.conf: hv_kvp_load="YES"'],
      ),
    );
    assert.deepEqual(f.loaderConf?.value, { 'hw.ata.disk_enable': '1', hv_kvp_load: 'YES' });
  });

  test('mounts: file system types and block devices mounted twice (btrfs subvolumes excepted)', () => {
    const f = facts(
      bundle([
        'mounts (filtered)',
        '/dev/sda2 / btrfs rw,subvol=/@ 0 0',
        '/dev/sda2 /home btrfs rw,subvol=/@home 0 0',
        '/dev/sdb1 /data ext3 rw 0 0',
        '/dev/sdb1 /srv/data ext3 rw,bind 0 0',
        '/dev/sdc1 /logs xfs rw 0 0',
      ]),
    );
    assert.deepEqual(f.mounts?.value.duplicateDevices, ['/dev/sdb1']);
    assert.deepEqual(
      f.mounts?.value.filesystems.map((m) => m.fsType),
      ['btrfs', 'btrfs', 'ext3', 'ext3', 'xfs'],
    );
  });

  test('automatic update services, when a listing shows them', () => {
    const f = facts(
      bundle([
        'services (hv daemons)',
        'unit-file: dnf-automatic.timer enabled',
        'unit-file: hypervkvpd.service static',
        'chkconfig: yum-cron 0:off 1:off 2:off 3:off 4:off 5:off 6:off',
      ]),
    );
    assert.deepEqual(f.autoUpdates?.value, ['dnf-automatic']);
    assert.equal(facts(bundle(['services (hv daemons)', 'unit-file: hypervkvpd.service static'])).autoUpdates, undefined);
  });

  test('an initramfs the collector could not read is marked unreadable, not empty', () => {
    const f = facts(bundle(['initramfs (hv drivers)', 'image=/boot/initrd.img-5.4.0-1-generic', 'unknown compression 89504e47']));
    assert.deepEqual(f.initramfs?.value, { modules: [], unreadable: true });
  });

  test('KVP pool modes with set-id bits and odd owners parse', () => {
    const f = facts(
      bundle([
        'ls -ln /var/lib/hyperv',
        'total 8',
        '-rw-------. 1 0 0 2560 Jan  1 00:00 .kvp_pool_0',
        '-rwsr-xr-x 1 1000 1000 0 Jan  1 00:00 .kvp_pool_1',
        'drwxr-xr-x 2 0 0 4096 Jan 1 00:00 sub',
      ]),
    );
    assert.deepEqual(
      f.kvpPools?.value.files.map((p) => p.mode),
      ['600', '755'],
    );
  });
});
