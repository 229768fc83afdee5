import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statedFacts } from '../../src/bot/entities/stated-facts.ts';

test('an MTU, stated either way round', () => {
  assert.deepEqual(statedFacts('freebsd 12.1 jumbo frames with mtu 9216'), { mtu: 9216 });
  assert.deepEqual(statedFacts('ifconfig hn0 mtu=9000 on freebsd 13'), { mtu: 9000 });
  assert.deepEqual(statedFacts('a 9014 byte mtu on freebsd'), { mtu: 9014 });
  assert.deepEqual(statedFacts('freebsd 13 jumbo frames max mtu'), {});
});

test('the size of a disk a file system is made on, in TB or GB (binary)', () => {
  assert.deepEqual(statedFacts('debian 10 - grow the vhdx to 3tb and put one filesystem on it?'), { fileSystemDiskTb: 3 });
  assert.deepEqual(statedFacts('mkfs on a 1.5 TB vhdx'), { fileSystemDiskTb: 1.5 });
  assert.deepEqual(statedFacts('format a 3000gb disk'), { fileSystemDiskTb: 2.93 });
  assert.deepEqual(statedFacts('one file system on 2048 GB'), { fileSystemDiskTb: 2 });
  assert.deepEqual(statedFacts('some data disks will go past 3 TB'), {});
  assert.deepEqual(statedFacts('a filesystem on a vm with 16 gb of ram'), {});
});

test('IP versions', () => {
  assert.deepEqual(statedFacts('static ip injection with an ipv6 address on the replica'), { ipVersions: ['ipv6'] });
  assert.deepEqual(statedFacts('IPv4 and IPv6'), { ipVersions: ['ipv4', 'ipv6'] });
  assert.deepEqual(statedFacts('static ip injection'), {});
});

test('file systems the guest uses, not the ones it avoids', () => {
  assert.deepEqual(statedFacts('debian 9 live backup, installer default layout with ext2 /boot'), { filesystems: ['ext2'] });
  assert.deepEqual(statedFacts('live backup with xfs root and EXT4 home'), { filesystems: ['xfs', 'ext4'] });
  assert.deepEqual(statedFacts('debian 9 live backup, custom layout without ext2'), {});
  assert.deepEqual(statedFacts('ext4 instead of ext2'), { filesystems: ['ext4'] });
});

test('a kernel build, without its dist tag and arch', () => {
  assert.deepEqual(statedFacts('rhel 7.6 >256 vcpus, kernel 3.10.0-957.21.3.el7'), { kernelBuild: '3.10.0-957.21.3' });
  assert.deepEqual(statedFacts('uname -r says 3.10.0-1160.el7.x86_64'), { kernelBuild: '3.10.0-1160' });
  assert.deepEqual(statedFacts('ubuntu 20.04 on 5.15.0-1019-azure'), { kernelBuild: '5.15.0-1019' });
  assert.deepEqual(statedFacts('rhel 7.6 >256 vcpus'), {});
  assert.deepEqual(statedFacts('rpm -qa: microsoft-hyper-v-4.1.3-20170227.x86_64 on centos 7.3'), {});
  assert.deepEqual(statedFacts('rpm -q kernel: kernel-3.10.0-514.10.2.el7.x86_64'), { kernelBuild: '3.10.0-514.10.2' });
});

test('note requirements the question says its guest does not meet', () => {
  assert.deepEqual(statedFacts('our SAN numbers LUNs from 1 so LUN 0 is empty. fibre channel ok?'), { unmet: ['lun0-empty'] });
  assert.deepEqual(statedFacts('nothing is presented on LUN 0 to the vHBA'), { unmet: ['lun0-empty'] });
  assert.deepEqual(statedFacts('/data is bind-mounted a second time under /srv/data'), { unmet: ['partition-mounted-twice'] });
  assert.deepEqual(statedFacts('the same partition is mounted in two places'), { unmet: ['partition-mounted-twice'] });
  assert.deepEqual(statedFacts('buster on the stock kernel, no backports: sr-iov?'), { unmet: ['debian-stable-kernel'] });
  assert.deepEqual(statedFacts('debian 11 hot add on 2019 - default kernel enough?'), { unmet: ['debian-stable-kernel'] });
});

test('a question about what a note asks states nothing of its guest', () => {
  assert.deepEqual(statedFacts('sles 12 sp2 live backup - is there a catch with partitions mounted more than once?'), {});
  assert.deepEqual(statedFacts('virtual fibre channel on rhel 8.6 — anything special about LUN 0?'), {});
  assert.deepEqual(statedFacts('vfc with LUN 0 presented to rhel 8.6, host 2019 - supported?'), {});
  assert.deepEqual(statedFacts('SLES 12 SP4 on 2019, every partition mounted exactly once (no bind mounts). Live backup?'), {});
  assert.deepEqual(statedFacts('LUN 0 is not empty on our array'), {});
});
