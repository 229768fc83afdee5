// Collector output pasted into a chat message is checked there and then, like an upload.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../../src/bot/answer.ts';
import { pastedCollectorOutput } from '../../../src/bot/pasted-output.ts';
import { renderPlainText } from '../../../src/adapters/console/render-plain.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();
const FREEBSD_PASTE = [
  'anything wrong here?',
  '```',
  '### lischeck-meta',
  'collector=lischeck.sh',
  'format=1',
  'os_type=FreeBSD',
  'uid=0',
  '### net interfaces',
  'hn0 mtu=9216',
  '### lischeck-end',
  '```',
].join('\n');

describe('pastedCollectorOutput', () => {
  test('takes the report from its first section marker, without the code fences', () => {
    const pasted = pastedCollectorOutput(FREEBSD_PASTE) ?? '';
    assert.ok(pasted.startsWith('### lischeck-meta\n'));
    assert.ok(!pasted.includes('```'));
    assert.ok(pasted.includes('hn0 mtu=9216'));
  });
  test('finds none in a question that only names the collector', () => {
    assert.equal(pastedCollectorOutput('what does the ### lischeck-meta section hold?'), undefined);
  });
});

describe('a message with pasted collector output', () => {
  test('is checked, with the findings of the pasted sections', () => {
    const reply = answerQuestion(kb, FREEBSD_PASTE).reply;
    assert.equal(reply.intent, 'guest_check');
    assert.match(reply.title, /^Check: FreeBSD/);
    assert.match(renderPlainText(reply), /BP_FREEBSD_MTU/);
  });
  test('says what the partial report lacks: root rights first, then the missing sections in one line', () => {
    const paste = [
      'check this output:',
      '### lischeck-meta',
      'collector=lischeck.sh',
      'format=1',
      'os_type=Linux',
      'uid=1000',
      '### uname -a',
      'Linux web01 5.15.0-113-generic #123-Ubuntu SMP x86_64 GNU/Linux',
      '### lischeck-end',
    ].join('\n');
    const reply = answerQuestion(kb, paste).reply;
    assert.match(reply.title, /kernel 5\.15\.0-113-generic/);
    assert.match(reply.notes[0] ?? '', /^INPUT_NOT_ROOT/);
    assert.equal(reply.notes.filter((n) => n.startsWith('INPUT_SECTION_MISSING')).length, 0);
    assert.ok(reply.notes.some((n) => /^Sections missing.*lsmod/.test(n)));
  });
});

describe('a pasted report that does not show its guest', () => {
  const paste = (lead: string) =>
    [
      lead,
      '### net interfaces',
      'eth0 driver=hv_netvsc mac=00:15:5d:xx:00:01 mtu=1500 queues=8',
      '### lischeck-end',
      'anything I should fix?',
    ].join('\n');
  test('keeps the guest the message names', () => {
    const { reply } = answerQuestion(kb, paste('ran lischeck.sh on the debian 11 box, relevant part:'));
    assert.equal(reply.intent, 'guest_check');
    assert.equal(reply.entities.distro, 'debian');
    assert.equal(reply.entities.version, '11');
    assert.equal(reply.entities.feature, undefined, 'the paste names no feature the user asked about');
  });
  test('names none when the message names none', () => {
    assert.equal(answerQuestion(kb, paste('ran lischeck.sh, relevant part:')).reply.entities.distro, undefined);
  });
});

describe('terminal output pasted with a request to check the VM', () => {
  const paste = [
    'check this pls',
    '```',
    '$ cat /etc/os-release',
    'NAME="Ubuntu"',
    'ID=ubuntu',
    'VERSION_ID="22.04"',
    '$ lsmod | grep hv',
    'hv_netvsc 94208 0',
    'hv_vmbus 131072 2 hv_netvsc',
    '```',
  ].join('\n');
  test('is checked as the check reads a paste, naming the guest it shows', () => {
    const reply = answerQuestion(kb, paste).reply;
    assert.equal(reply.intent, 'guest_check');
    assert.match(reply.title, /^Check: Ubuntu 22\.04/);
    assert.equal(reply.entities.version, '22.04');
  });
  test('output typed at a prompt, without fences, is checked from its first command on', () => {
    const reply = answerQuestion(
      kb,
      ['please check my vm', '$ cat /etc/os-release', 'NAME="Ubuntu"', 'ID=ubuntu', 'VERSION_ID="20.04"'].join('\n'),
    ).reply;
    assert.equal(reply.intent, 'guest_check');
    assert.match(reply.title, /^Check: Ubuntu 20\.04/);
  });
  test('output the check reads nothing of leaves the how-to answer', () => {
    const reply = answerQuestion(kb, 'can you check my vm?\n```\nhello world\n```').reply;
    assert.doesNotMatch(reply.title, /^Check:/);
    assert.match(reply.text, /collector/);
  });
  test('an os-release line is not taken for a finding id', () => {
    assert.doesNotMatch(answerQuestion(kb, 'please check my vm, it prints VERSION_ID="22.04"').reply.text, /finding ids/);
  });
});

/** The reply to a message of these lines. */
const replyTo = (...lines: string[]) => answerQuestion(kb, lines.join('\n')).reply;

describe('os-release cut short in a paste', () => {
  test('gives the release from VERSION when VERSION_ID was not pasted', () => {
    const reply = replyTo(
      'look this guest over',
      '```',
      '$ cat /etc/os-release | head -3',
      'NAME="Ubuntu"',
      'VERSION="20.04.6 LTS (Focal Fossa)"',
      'ID=ubuntu',
      '```',
    );
    assert.match(reply.title, /^Check: Ubuntu 20\.04/);
    assert.equal(reply.entities.version, '20.04');
  });
  test('reads NAME and VERSION alone, after a SUSE prompt whose host name holds another release', () => {
    const reply = replyTo(
      'review please',
      '```',
      "sles15:~ # grep -E '^(NAME|VERSION)=' /etc/os-release",
      'NAME="SLES"',
      'VERSION="15-SP3"',
      '```',
    );
    assert.match(reply.title, /^Check: SUSE Linux Enterprise Server 15 SP3/);
    assert.equal(reply.entities.version, '15 SP3');
  });
});

describe('an os-release cut down to its VERSION lines', () => {
  test('"15-SP5" names SUSE, and VERSION_ID 15.5 is SP5', () => {
    const reply = replyTo('anything wrong here?', 'sap01:~ # grep VERSION /etc/os-release', 'VERSION="15-SP5"', 'VERSION_ID="15.5"');
    assert.match(reply.title, /^Check: SUSE Linux Enterprise Server 15 SP5/);
    assert.equal(reply.entities.version, '15 SP5');
  });
});

describe('a pasted ethtool -i', () => {
  test('whose driver is tulip shows the emulated adapter alone; hv_netvsc shows none', () => {
    const legacy = replyTo(
      'network feels slow, check?',
      '[root@lb02 ~]# cat /etc/redhat-release',
      'CentOS Linux release 7.5.1804 (Core)',
      '[root@lb02 ~]# ethtool -i eth0',
      'driver: tulip',
      'version: 1.1.15-NAPI',
    );
    assert.match(JSON.stringify(legacy), /Only the emulated network adapter/);
    const synthetic = replyTo(
      'check?',
      '[root@lb02 ~]# cat /etc/redhat-release',
      'CentOS Linux release 7.5.1804 (Core)',
      '[root@lb02 ~]# ethtool -i eth0',
      'driver: hv_netvsc',
    );
    assert.doesNotMatch(JSON.stringify(synthetic), /emulated network adapter/);
  });
});

describe('a FreeBSD paste after a root prompt', () => {
  test('freebsd-version alone names the guest, and a dmesg showing only de0 flags the emulated adapter', () => {
    const reply = replyTo(
      'bsd firewall, anything off?',
      'root@fw01:~ # freebsd-version',
      '12.2-RELEASE-p4',
      'root@fw01:~ # dmesg | grep de0',
      'de0: <Digital 21140A Fast Ethernet> port 0xec00-0xec7f mem 0xfebff000-0xfebff07f irq 11 at device 10.0 on pci0',
    );
    assert.match(reply.title, /^Check: FreeBSD 12\.2/);
    assert.equal(reply.entities.version, '12.2');
    assert.match(JSON.stringify(reply), /legacy/i);
  });
});

describe('a pasted report that shows the distribution but not its release', () => {
  test('keeps the release the message names, and its verdict', () => {
    const reply = replyTo(
      '/lisbot check fw-01 (freebsd 13.1)',
      '```',
      '### lischeck-meta',
      'os_type=FreeBSD',
      '### kldstat',
      ' 1   20 0xffffffff80200000 1f3c6c8 kernel',
      '### lischeck-end',
      '```',
    );
    assert.equal(reply.entities.distro, 'freebsd');
    assert.equal(reply.entities.version, '13.1');
    assert.match(reply.text, /From what you sent: .*FreeBSD 13\.1/);
  });
});

describe('a paste checked for a host the message names', () => {
  test('is judged against that host, which the answer keeps', () => {
    const reply = answerQuestion(
      kb,
      ['audit request, host is 2022', '```', 'NAME="Red Hat Enterprise Linux"', 'ID="rhel"', 'VERSION_ID="8.6"', '```'].join('\n'),
    ).reply;
    assert.equal(reply.intent, 'guest_check');
    assert.equal(reply.entities.host, '2022');
    assert.match(reply.title, /2022/);
  });
});

describe('a check asked before any collector output arrives', () => {
  test('tells the support verdict of the guest the message shows, beside how to collect', () => {
    const told = answerQuestion(kb, 'check this one, older box\n$ cat /etc/issue\nUbuntu 14.04.6 LTS \\n \\l').reply;
    assert.equal(told.intent, 'guest_check');
    assert.match(told.text, /lis-collect\.sh/);
    assert.match(told.text, /From what you sent: .*Ubuntu 14\.04/);
  });
  test('says nothing of a guest when the message names none', () => {
    const told = answerQuestion(kb, 'can you check my vm?').reply;
    assert.equal(told.intent, 'guest_check');
    assert.doesNotMatch(told.text, /From what you sent/);
  });
});

describe('host-side PowerShell output', () => {
  test('a bare Get-VMIntegrationService table: the KVP and VSS daemons are not answering, and a service is off', () => {
    const reply = replyTo(
      'can you check this vm?',
      'VMName Name                    Enabled PrimaryStatusDescription SecondaryStatusDescription',
      '------ ----                    ------- ------------------------ --------------------------',
      'web01  Guest Service Interface False   OK',
      'web01  Heartbeat               True    OK                       OK',
      'web01  Key-Value Pair Exchange True    No Contact',
      'web01  Shutdown                True    OK',
      'web01  Time Synchronization    True    OK',
      'web01  VSS                     True    No Contact',
    );
    const all = JSON.stringify(reply);
    assert.match(reply.text, /host's settings only/);
    assert.match(all, /hv_kvp_daemon/);
    assert.match(all, /saved-state \(offline\) backup/);
    assert.match(all, /Guest Service Interface/);
    assert.doesNotMatch(all, /Heartbeat.*not answering/);
  });

  test('Get-VMFirmware, Get-VMMemory and Get-VMNetworkAdapter after PowerShell prompts', () => {
    const reply = replyTo(
      'check my ubuntu 20.04 vm please:',
      'PS C:\\Users\\admin> Get-VMFirmware web02 | Format-List SecureBoot,SecureBootTemplate',
      'SecureBoot         : On',
      'SecureBootTemplate : MicrosoftWindows',
      'PS C:\\Users\\admin> Get-VMMemory web02',
      '',
      'VMName DynamicMemoryEnabled Minimum(M) Startup(M) Maximum(M)',
      '------ -------------------- ---------- ---------- ----------',
      'web02  True                 512        1000       8192',
      'PS C:\\Users\\admin> get-vmnetworkadapter -VMName web02',
      '',
      'Name                   IsManagementOs VMName SwitchName MacAddress   Status IPAddresses',
      '----                   -------------- ------ ---------- ----------   ------ -----------',
      'Legacy Network Adapter False          web02  LAN        00155D010203 {Ok}   {}',
    );
    const all = JSON.stringify(reply);
    assert.match(all, /MicrosoftUEFICertificateAuthority/);
    assert.match(all, /Startup 1000 MB/);
    assert.match(all, /only a legacy network adapter/);
    assert.equal(reply.entities.distro, 'ubuntu');
  });

  test('a Heartbeat with no contact means the guest has no working drivers, not a missing daemon', () => {
    const reply = replyTo(
      'check vm pls',
      'PS> Get-VMIntegrationService -VMName old-centos | fl Name,Enabled,PrimaryStatusDescription',
      'Name                     : Heartbeat',
      'Enabled                  : True',
      'PrimaryStatusDescription : No Contact',
      '',
      'Name                     : Key-Value Pair Exchange',
      'Enabled                  : True',
      'PrimaryStatusDescription : No Contact',
    );
    const all = JSON.stringify(reply);
    assert.match(all, /hv_utils/);
    assert.doesNotMatch(all, /KVP daemon in the guest/);
  });
});

describe('single commands pasted at a prompt read as the collector prints them', () => {
  test('cat of the clocksource files: acpi_pm is flagged and the listed Hyper-V source named', () => {
    const reply = replyTo(
      'clock drifts, check pls',
      '$ cat /etc/centos-release',
      'CentOS Linux release 7.9.2009 (Core)',
      '$ cat /sys/devices/system/clocksource/clocksource0/current_clocksource',
      'acpi_pm',
      '$ cat /sys/devices/system/clocksource/clocksource0/available_clocksource',
      'hyperv_clocksource_tsc_page acpi_pm',
    );
    assert.match(JSON.stringify(reply), /acpi_pm.*hyperv_clocksource_tsc_page \(listed as available\)/);
  });

  test("FreeBSD's sysctl kern.timecounter.hardware", () => {
    const reply = replyTo(
      'time is off on this bsd guest, check',
      '$ freebsd-version',
      '11.4-RELEASE-p13',
      '$ sysctl kern.timecounter.hardware kern.timecounter.choice',
      'kern.timecounter.hardware: ACPI-fast',
      'kern.timecounter.choice: Hyper-V-TSC(3000) Hyper-V(2000) ACPI-fast(900) i8254(0)',
    );
    assert.match(JSON.stringify(reply), /ACPI-fast.*kern\.timecounter\.hardware=Hyper-V-TSC/);
  });

  test('lsblk --discard and a disabled fstrim.timer: TRIM is offered but never sent', () => {
    const reply = replyTo(
      'thin disks keep growing, check',
      '$ cat /etc/oracle-release',
      'Oracle Linux Server release 8.4',
      '$ lsblk --discard /dev/sda',
      'NAME   DISC-ALN DISC-GRAN DISC-MAX DISC-ZERO',
      'sda           0        2M       4G         0',
      '$ systemctl is-enabled fstrim.timer',
      'disabled',
    );
    assert.match(JSON.stringify(reply), /systemctl enable --now fstrim\.timer/);
  });

  test('ls /sys/firmware/efi shows Generation 2; with mokutil saying Secure Boot is off, the template is named', () => {
    const reply = replyTo(
      'gen2 debian on our 2019 host, want secure boot on, check where it stands',
      '$ cat /etc/debian_version',
      '11.6',
      '$ mokutil --sb-state',
      'SecureBoot disabled',
      '$ ls /sys/firmware/efi',
      'config_table  efivars  fw_platform_size  fw_vendor  runtime',
    );
    assert.match(JSON.stringify(reply), /Microsoft UEFI Certificate Authority template/);
  });
});

describe('more of what admins paste', () => {
  test('uname -r alone gives the kernel: LIS modules built for another kernel are flagged', () => {
    const reply = replyTo(
      'sanity check this rhel box after patch night',
      '$ cat /etc/redhat-release',
      'Red Hat Enterprise Linux Server release 7.5 (Maipo)',
      '$ uname -r',
      '3.10.0-862.14.4.el7.x86_64',
      "$ modinfo hv_vmbus | egrep '^(filename|version|vermagic)'",
      'filename:       /lib/modules/3.10.0-862.14.4.el7.x86_64/weak-updates/microsoft-hyper-v/hv_vmbus.ko',
      'version:        4.2.6',
      'vermagic:       3.10.0-862.11.6.el7.x86_64 SMP mod_unload modversions',
    );
    assert.match(JSON.stringify(reply), /built for 3\.10\.0-862\.11\.6\.el7, but the running kernel is 3\.10\.0-862\.14\.4\.el7/);
  });

  test("a pipe inside grep's quoted pattern does not end the command: FreeBSD's de0 from dmesg.boot is read", () => {
    const reply = replyTo(
      'two nics and one is slow, check',
      '$ freebsd-version',
      '13.1-RELEASE-p9',
      "$ grep -E '^(de0|hn0):' /var/run/dmesg.boot",
      'de0: <Digital 21140A Fast Ethernet> port 0xec00-0xec7f mem 0xfebff000-0xfebff07f irq 11 at device 10.0 on pci0',
      'hn0: <Hyper-V Network Interface> on vmbus0',
    );
    assert.match(JSON.stringify(reply), /legacy \(emulated\) network adapter \(de\)/);
  });

  test('log lines above the first prompt are read with it', () => {
    const reply = replyTo(
      'can u check this output, centos 7.5 web node',
      '',
      'Mar 03 10:22:14 web03 kernel: hv_utils: KVP: IP injection functionality not available',
      'Mar 03 10:22:14 web03 kernel: hv_utils: KVP: Upgrade the KVP daemon',
      '$ rpm -q hypervkvpd',
      'hypervkvpd-0-0.17.20141219git.el7.x86_64',
    );
    assert.match(reply.title, /^Check: /);
    assert.match(JSON.stringify(reply), /KVP_PROTOCOL_MISMATCH/);
  });

  test('systemctl is-active prints the state alone: an inactive VSS daemon is read', () => {
    const reply = replyTo(
      'backup freeze times out, check it',
      '$ cat /etc/oracle-release',
      'Oracle Linux Server release 8.2',
      '$ systemctl is-active hypervvssd',
      'inactive',
    );
    assert.match(JSON.stringify(reply), /hypervvssd\.service/);
  });
});

describe('pasted output the check now reads', () => {
  test('systemctl is-active of several units, virt-what and lsinitrd counting no hv drivers', () => {
    const daemons = replyTo(
      'backups come out crash-consistent only, check',
      '$ cat /etc/redhat-release',
      'Red Hat Enterprise Linux release 9.2 (Plow)',
      '$ systemctl is-active hypervkvpd hypervvssd',
      'active',
      'inactive',
    );
    assert.match(JSON.stringify(daemons), /VSS_DAEMON_NOT_RUNNING/);
    assert.doesNotMatch(JSON.stringify(daemons), /KVP_DAEMON_NOT_RUNNING/);
    const vmware = replyTo('sanity check this rhel 7.9 guest we moved to hyper-v?', '# virt-what', 'vmware', '# lsmod | grep -c hv_', '0');
    assert.match(JSON.stringify(vmware), /vmware/i);
    const initrd = replyTo(
      'check before we move the boot disk to scsi',
      '$ cat /etc/redhat-release',
      'CentOS Linux release 7.2.1511 (Core)',
      '$ lsmod | grep hv_storvsc',
      'hv_storvsc             18003  0',
      '$ lsinitrd /boot/initramfs-$(uname -r).img | grep -ci hv',
      '0',
    );
    assert.match(JSON.stringify(initrd), /dracut|mkinitrd/);
  });

  test('memory blocks counted offline with automatic onlining off: hot-added memory stays offline', () => {
    const reply = replyTo(
      'DM max is 8 GB, check',
      '# cat /etc/centos-release',
      'CentOS Linux release 7.8.2003 (Core)',
      '# cat /sys/devices/system/memory/auto_online_blocks',
      'offline',
      '# grep -l offline /sys/devices/system/memory/memory*/state | wc -l',
      '16',
    );
    assert.match(JSON.stringify(reply), /100-balloon\.rules.*|16 memory blocks are offline/);
  });

  test('Get-VM shows Generation 2, and the guest the message names is judged: SLES 11 SP3 has no Generation 2', () => {
    const reply = replyTo(
      'sles 11 sp3 vm never boots, just the hyper-v firmware screen. quick check of the vm?',
      'PS C:\\> Get-VM sles11-sap | fl Name,Generation',
      '',
      'Name       : sles11-sap',
      'Generation : 2',
    );
    assert.match(JSON.stringify(reply), /GEN2_UNSUPPORTED/);
  });

  test('a dynamic MAC from Get-VMNetworkAdapter is flagged for a clustered VM', () => {
    const reply = replyTo(
      'before we add this rhel 8.4 vm to the failover cluster, check the nic settings:',
      'PS C:\\> Get-VMNetworkAdapter -VMName rh84-api | select VMName,Name,DynamicMacAddressEnabled,MacAddress',
      '',
      'VMName   Name            DynamicMacAddressEnabled MacAddress',
      '------   ----            ------------------------ ----------',
      'rh84-api Network Adapter                     True 00155D01A40C',
    );
    assert.match(JSON.stringify(reply), /static MAC/);
  });

  test('LIS 4.1.3 on kernel 514.10.2 names the 4.1.3-2 rebuild', () => {
    const reply = replyTo(
      'review my vm, its centos 7.3',
      '$ rpm -qa | grep -i hyper',
      'microsoft-hyper-v-4.1.3-20161220.x86_64',
      'kmod-microsoft-hyper-v-4.1.3-20161220.x86_64',
      '$ uname -r',
      '3.10.0-514.10.2.el7.x86_64',
    );
    assert.match(JSON.stringify(reply), /LIS 4\.1\.3-2 was rebuilt/);
  });

  test('a paste that shows nothing beyond what the named guest alone gives leaves the question a question', () => {
    const reply = replyTo(
      'lsvmbus -vv output from a centos 7.9 guest, does it look complete?',
      '```',
      'VMBUS ID  1: Class_ID = {ba6163d9-04a1-4d29-b605-72e2ffb1dc7f} - Synthetic SCSI Controller',
      '```',
    );
    assert.doesNotMatch(reply.title, /^Check: /);
  });
});

describe('NUMA from a pasted lscpu or node listing', () => {
  test('an old RHEL 6 kernel on a two-node VM is told to boot with numa=off', () => {
    const lscpu = replyTo(
      'double check this for me?',
      "$ lscpu | grep -iE 'hypervisor|numa|^cpu\\(s\\)'",
      'CPU(s):              32',
      'Hypervisor vendor:   Microsoft',
      'NUMA node(s):        2',
      '$ uname -r',
      '2.6.32-358.el6.x86_64',
    );
    assert.match(JSON.stringify(lscpu), /numa=off/);
    const listing = replyTo(
      'big db vm, run your checks',
      '[root@db01 ~]# uname -r',
      '2.6.32-431.29.2.el6.x86_64',
      '[root@db01 ~]# ls -d /sys/devices/system/node/node*',
      '/sys/devices/system/node/node0  /sys/devices/system/node/node1',
    );
    assert.match(JSON.stringify(listing), /numa=off/);
  });
});
