// The scope gate, symptom search and the few cues left beside the classifier.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../src/bot/answer.ts';
import { CUES } from '../../src/bot/intent/cues.ts';
import { CONFIDENCE_THRESHOLD } from '../../src/bot/intent/classify.ts';
import { buildModel, allExamples } from '../../src/bot/intent/model.ts';
import { extractEntities } from '../../src/bot/entities/extract.ts';
import { scopeOf } from '../../src/bot/intent/scope.ts';
import { readScopeTerms, saveParsedScopeTerms, SCOPE_TERMS_FILE } from '../../src/bot/intent/scope-terms.ts';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realKb } from '../helpers/real-kb.ts';
import { loadCases } from '../eval/evaluate.ts';

const kb = realKb();
const ask = (q: string) => answerQuestion(kb, q).reply;

describe('scope gate', () => {
  test('off-topic questions are declined with a line on what lisbot can do, however phrased', () => {
    const offTopic = [
      'how do i set a static ip on windows server 2019',
      'how do I join an ubuntu box to active directory?',
      'why is our cloud bill so high this month',
      'convert a vmdk disk to qcow2',
      'windows server 2022 guest blue screens at boot',
      'what is the best way to learn kubernetes',
      'how do i configure dns forwarding on windows server 2016',
      'install vmwre tools on centos 7',
      'SSIS package fails on SQL Server 2019 running on RHEL 8, dtexec: command not found',
      'our LIS HL7 interface drops ORU messages, mirth connect is on ubuntu 18.04',
    ];
    for (const q of offTopic) {
      const reply = ask(q);
      assert.equal(reply.intent, 'unknown', q);
      assert.equal(reply.answered, false, q);
      assert.match(reply.text, /Linux and FreeBSD guests on Hyper-V/, q);
    }
  });
  test('a monitoring or backup tool reporting on a guest, or a guest moved off another hypervisor, is context', () => {
    for (const q of [
      "nagios says hypervkvpd isn't running on half of our rhel 7 guests",
      'freebsd 13.5 on server 2022 after moving off kvm',
    ])
      assert.equal(ask(q).answered, true, q);
    for (const q of [
      'zabbix dashboard shows high cpu on the db cluster',
      'virsh list shows win2019 running and centos7 shut off, how do i autostart centos7 in kvm',
    ]) {
      const reply = ask(q);
      assert.equal(reply.intent, 'unknown', q);
      assert.equal(reply.answered, false, q);
    }
  });
  test('in-scope requests that used to fall through are answered', () => {
    assert.equal(ask('can you scan a csv of my vms?').intent, 'guest_check');
    assert.equal(ask('is lis 4.3.5 the last one?').intent, 'lis_version');
    assert.equal(ask('anything new in the suse matrix since 2019?').intent, 'digest');
    const shorthand = ask('rh6.5 on 2012r2 supported?');
    assert.equal(shorthand.intent, 'distro_support');
    assert.equal(shorthand.entities.version, '6.5');
  });
  test('Windows guests beside a Linux guest are a comparison; on their own they are out of scope', () => {
    const compared = ask('hyper-v manager networking tab stays blank for the debian 8.1 vm, windows guests show their ips fine');
    assert.equal(compared.intent, 'known_issue');
    assert.equal(compared.answered, true);
    assert.equal(ask('windows vm wont boot after the update').intent, 'unknown');
  });
  test('billing, licences or SQL Server beside a named guest are context; alone, or other software on a guest, they are not', () => {
    const licence = ask('we still have a rhel 5.11 box running an old licence server, is it a supported guest?');
    assert.equal(licence.intent, 'distro_support');
    assert.equal(licence.answered, true);
    assert.equal(ask('why is our hosting bill so high').intent, 'unknown');
    assert.equal(ask('apache keeps crashing on my debian vm').intent, 'unknown');
  });
  test('an application in the guest beside a guest feature or Hyper-V itself is context; with neither it is the question', () => {
    const restored = ask('restored MySQL from a live backup of our ubuntu vm and InnoDB still had to run crash recovery');
    assert.equal(restored.intent, 'known_issue');
    assert.equal(restored.answered, true);
    assert.equal(ask('how do i tune mysql buffers on my ubuntu 22.04 vm').intent, 'unknown');
    for (const q of [
      'tomcat on our sles 15 vm pauses for seconds in gc, what -xmx should we set',
      'cuda 12.4 on ubuntu 22.04 supported?',
      'with grubby, how do I make oracle linux 8.6 boot the uek kernel by default',
    ])
      assert.equal(ask(q).intent, 'unknown', q);
    const containers = ask('docker host on ubuntu 20.04: hyper-v live backup of it fails since we added /var/lib/docker');
    assert.equal(containers.answered, true);
    assert.notEqual(containers.intent, 'unknown');
    assert.equal(ask('how do i prune old docker images on my ubuntu 22.04 vm').intent, 'unknown');
    const onHyperV = ask('our postgres vm (rhel 8) on hyper-v writes slowly, which disk scheduler should the guest use?');
    assert.equal(onHyperV.answered, true);
    assert.notEqual(onHyperV.intent, 'unknown');
  });
  test('a distribution vendor’s own end of life is declined; beside Hyper-V, a host or LIS it is context', () => {
    for (const q of [
      'sles 12 sp4 end of general support',
      'debian buster lts ends when',
      'rhel 9.2 EUS ending soon? when do we bump minors',
      'debian 10 lts security support, which month does it stop?',
    ])
      assert.equal(ask(q).intent, 'unknown', q);
    const onHost = ask('centos 6.10 is long EOL upstream, but is it still on the hyper-v list for a 2016 host?');
    assert.equal(onHost.intent, 'distro_support');
    assert.equal(onHost.answered, true);
  });
  test('another hypervisor’s driver log line is declined; a Hyper-V driver’s line beside another product stays in scope', () => {
    assert.equal(ask('[    1.904411] vmw_pvscsi: using 64bit dma\nnormal for this guest?').intent, 'unknown');
    assert.equal(ask('[    0.75] xen_netfront: Initialising Xen virtual ethernet driver - is that expected?').intent, 'unknown');
    const hyperV = ask('[    2.31] hv_vmbus: Vmbus version:5.2 - normal? the vm came over from vmware last week');
    assert.equal(hyperV.answered, true);
    assert.notEqual(hyperV.intent, 'unknown');
  });
  test('another product named only to rule it out is context; named as the subject it is not', () => {
    const ruledOut = ask('not wsl, a proper hyper-v vm on my windows 11 laptop: is debian 12 supported there?');
    assert.equal(ruledOut.intent, 'distro_support');
    assert.equal(ruledOut.answered, true);
    assert.equal(ask('how do i give the wsl distro more memory on windows 11').intent, 'unknown');
  });
  test('a Windows host beside Linux guests, or System Center beside a guest feature, is context', () => {
    const images = ask('linux images built on a 2008 r2 host no longer start since we moved them to the new cluster');
    assert.equal(images.intent, 'known_issue');
    assert.equal(ask('what is kvp used for? i think system center reads guest details through it').intent, 'feature_info');
    assert.equal(ask('scvmm console keeps crashing').intent, 'unknown');
  });
  test('a domain controller beside a guest question is context; on its own it is not', () => {
    const guests = ask(
      'our domain controller is 2012 R2 but the hyper-v cluster is 2019. centos guests + dynamic memory on the cluster, supported?',
    );
    assert.equal(guests.intent, 'feature_support');
    assert.equal(ask('how do I promote a new domain controller in our AD forest?').intent, 'unknown');
  });
  test('a physical machine is not a guest; a move off VMware onto Hyper-V is in scope', () => {
    assert.equal(ask('replace a failed disk in a raidz2 on a physical freebsd 13 box').intent, 'unknown');
    assert.notEqual(ask('moving our debian 11 vms off vmware onto hyper-v 2019, are they supported there?').intent, 'unknown');
    assert.equal(ask('proxmox vs hyper-v which is better for linux').intent, 'unknown');
  });
  test('another product named to compare a guest with is context; named for its own sake it is not', () => {
    const reply = ask('ubuntu 20.04 vm on hyper-v: is there something like vmware tools i must install?');
    assert.equal(reply.intent, 'distro_support');
    assert.equal(reply.answered, true);
    assert.equal(ask('install vmware tools on ubuntu 20.04').intent, 'unknown');
  });
  test('another LIS, a laboratory information system, is out of scope', () => {
    assert.equal(ask('which LIS (laboratory information system) integrates best with epic?').intent, 'unknown');
    assert.notEqual(ask('which lis for rhel 6.5').intent, 'unknown');
  });
  test('a backup product beside Linux as a word, not a guest, stays out of scope', () => {
    assert.equal(ask('veeam copy job to a linux repository runs out of space, how big should the repo be').intent, 'unknown');
  });
  test('a request worded like a guest check is declined when it names another product outright', () => {
    const reply = ask('python script to turn Get-VM output into json');
    assert.equal(reply.intent, 'unknown');
    assert.equal(reply.answered, false);
  });
  test('a known issue sharing words with a question the classifier is sure is off-topic does not answer it', () => {
    const reply = ask('move vm storage from local disk to a CSV without downtime, which powershell cmdlet?');
    assert.equal(reply.intent, 'unknown');
    assert.equal(reply.entities.distro, undefined);
  });
  test('licence or cost of the LIS package itself is in scope; of other products it is not', () => {
    for (const question of [
      'is the lis source code open source, which licence?',
      'does the linux integration services package cost money?',
      'is lis open source? what license',
    ])
      assert.equal(ask(question).intent, 'lis_version', question);
    assert.equal(ask('licence cost for windows server datacenter per core').intent, 'unknown');
  });
  test('a long message in scope is not put out by a remark about Windows VMs beside it', () => {
    const reply = ask(
      'Our Debian 11 guest on a 2019 host has no IP shown in Hyper-V Manager, and the KVP values are empty too. Everything else in the VM works, disks and network are fine, and nothing extra was installed after setup. We checked the service list and found nothing obvious. The Windows VMs next to it show their IPs fine. What should we check?',
    );
    assert.equal(reply.intent, 'known_issue');
    assert.equal(reply.answered, true);
  });
  test('a request to lisbot itself that names a host is no question about Windows', () => {
    assert.equal(ask('newly supported distros for server 2025?').intent, 'digest');
    assert.equal(ask('run a check on db01 and db02 on the 2022 hosts').intent, 'guest_check');
    assert.equal(ask('windows server 2022 guest blue screens at boot').intent, 'unknown');
  });
  test('a question heard as off-topic stays declined, whatever guest, host or feature it names', () => {
    for (const question of [
      'our debian 12 servers on 2022 need a new ssh banner, where is it set?',
      'sles 15 sp5 secure boot: how do I enroll my own key for a custom nvidia module?',
    ]) {
      const reply = ask(question);
      assert.equal(reply.intent, 'unknown', question);
      assert.equal(reply.answered, false, question);
    }
  });
  test('"kernel:" in a question is no log line unless a syslog time and host come before it', () => {
    assert.equal(ask('oracle linux 7.2, UEK R4 kernel: vrss on a server 2012 host?').intent, 'feature_support');
  });
  test('client Hyper-V beside a guest is its host; Oracle Database is no Oracle Linux guest', () => {
    const guest = ask('debian 11 in hyper-v on windows 10, do i need anything installed?');
    assert.equal(guest.intent, 'distro_support');
    assert.equal(guest.entities.host, '2016');
    const licence = ask('how is oracle database licensed on a hyper-v cluster, per host core?');
    assert.equal(licence.intent, 'unknown');
    assert.equal(licence.entities.distro, undefined);
  });
  test('an automation tool beside a guest question is context; the tool on its own is not', () => {
    assert.notEqual(ask('ansible role: how do I make sure the kvp daemon runs on our rhel 8 guests?').intent, 'unknown');
    assert.equal(ask('ansible inventory plugin for hyper-v hosts').intent, 'unknown');
  });
  test("Azure's own tools are another product; a kernel named for Azure is not", () => {
    assert.equal(ask('waagent.conf settings before I upload the ubuntu 22.04 vhd').intent, 'unknown');
    assert.notEqual(ask('linux-azure kernel on ubuntu 20.04 for the newest hyper-v bits?').intent, 'unknown');
  });
  test("the host's own cluster and network setup is out of scope unless a guest is named", () => {
    assert.equal(ask('numa spanning setting on the host for big vms').intent, 'unknown');
    assert.equal(ask('best csv cache size on the hyper-v cluster for our vms').intent, 'unknown');
    assert.equal(ask('kerberos constrained delegation for moving vms between hyper-v hosts, how?').intent, 'unknown');
    assert.notEqual(ask('centos 7 vm loses network after live migration, we use kerberos delegation').intent, 'unknown');
  });
  test('asking what lisbot itself can do is help; asking what it can do with another product is not', () => {
    for (const q of ['which topics do you cover', 'give me some example questions', 'get started']) assert.equal(ask(q).intent, 'help', q);
    for (const q of ['Can you help me?', 'are you an AI', "what's your scope, bot?", 'who are you', 'HELP'])
      assert.equal(ask(q).intent, 'help', q);
    assert.equal(ask('what can you do with Jira tickets?').intent, 'unknown');
    assert.equal(ask('can you help me write a python script to rename files').intent, 'unknown');
    assert.equal(ask('the digest, and the feeds of other teams: sales numbers, payroll, kernel CVEs').intent, 'unknown');
  });
  test('Azure Stack HCI is a host the matrix lists, not another product', () => {
    const reply = ask('rhel 9 secure boot on azure stack hci');
    assert.notEqual(reply.intent, 'unknown');
  });
});

describe('scope gate: what a name names', () => {
  const scope = (q: string) => scopeOf({ question: q, extraction: extractEntities(kb, q), logLine: false, symptomMatch: () => false });
  test('a product or topic inside a hyphenated machine name names the machine', () => {
    for (const q of ['queue a check for payroll-02', 'chk vm rpt for lnx-ldap-01 pls', 'run a guest check on ldap-replica-1 tonight'])
      assert.notEqual(scope(q).reason, 'foreign', q);
  });
  test("a Hyper-V host's guests are no Windows guests; a host's own VMs are", () => {
    for (const q of ['jumbo frames supported on hyper-v 2016 guests?', 'since the move to the 2022 host the guest reboots at night'])
      assert.notEqual(scope(q).evidence, 'windows guest', q);
    assert.equal(scope('windows server 2019 vms keep rebooting').evidence, 'windows guest');
  });
  test('a platform the guests were converted from is context beside a term only Hyper-V has', () => {
    const converted = scope('legacy or synthetic NIC for the CentOS 7 guests we converted from VMware?');
    assert.equal(converted.inScope, true);
    assert.deepEqual(converted.context, [' vmware ']);
    assert.equal(scope('centos 7 guests we converted from vmware: how do i set up alerts in vcenter?').reason, 'foreign');
  });
  test('the product itself, or the product and its version, stays foreign', () => {
    for (const q of ['how do i export payroll reports to excel', 'is esxi-8 faster than hyper-v for ubuntu 22.04'])
      assert.equal(scope(q).reason, 'foreign', q);
  });
});

describe('symptom search', () => {
  test('a symptom told in plain words reaches its known issue', () => {
    const cases: Array<[string, RegExp]> = [
      ['the guest memory never grows above startup memory', /Startup memory/i],
      ['after restoring the backup the filesystem needs fsck', /fsck/i],
      ['my ubuntu vm shows no ip address in hyper-v manager', /KVP|IP|key\/value/i],
      ['the freebsd vm stops at the mountroot prompt', /ROOT MOUNT ERROR/],
      // The hosts a symptom names are searched too.
      ['linux vm image made on 2008 r2 does not boot when move to 2012 r2', /built on Hyper-V 2008 R2/],
    ];
    for (const [q, title] of cases) {
      const reply = ask(q);
      assert.equal(reply.intent, 'known_issue', q);
      assert.equal(reply.answered, true, q);
      assert.match(reply.title, title, q);
    }
  });
  test('a normal boot line is not a fault', () => {
    const reply = ask('hv_vmbus: Hyper-V Host Build:9600-6.3-17-0.17039; Vmbus version:2.4');
    assert.match(reply.title, /normal boot message/i);
    assert.match(reply.text, /Windows Server 2012 R2/);
    assert.equal(reply.sources.length, 0, 'no known issue is cited');
    const fault = ask('hv_vmbus: Unable to connect to host');
    assert.equal(fault.intent, 'known_issue');
    assert.doesNotMatch(fault.title, /normal/i);
  });
  test('a host build line without a driver prefix is normal; out of memory, a hang or a guest that dies after it is not', () => {
    assert.match(ask('Hyper-V Host Build:20348-10.0-1-0.1138 in the first lines of boot, something wrong?').title, /normal boot message/i);
    assert.match(ask("journal shows 'hv_vmbus: registering driver hv_netvsc', is that an error?").title, /normal boot message/i);
    assert.match(ask('Is this line an error? `[    2.013372] hv_vmbus: registering driver hv_storvsc`').title, /normal boot message/i);
    assert.match(
      ask('`[    1.012345] hv_vmbus: registering driver hv_storvsc` is this a warning or just info?').title,
      /normal boot message/i,
    );
    assert.match(
      ask('freebsd 12.2 dmesg.boot has `Hyper-V Version: 10.0.17763 [SP0]` near the top, does that mean something is off?').title,
      /normal boot message/i,
    );
    assert.match(ask("freebsd 13 boot shows 'hvkvp0: <Hyper-V KVP> on vmbus0', is that bad?").title, /normal boot message/i);
    assert.match(ask("debian 11 dmesg: 'scsi 0:0:0:0: Direct-Access Msft Virtual Disk 1.0', fine?").title, /normal boot message/i);
    assert.doesNotMatch(ask('hv_balloon: Balloon request will be partially fulfilled. Out of memory.').title, /normal/i);
    assert.doesNotMatch(ask('centos 6.9 says `hv_vmbus: Vmbus version:3.0` then hangs').title, /normal/i);
    for (const told of [
      'ubuntu 20.04 sits forever after `hv_vmbus: Vmbus version:5.0` on the new host',
      'the network of our freebsd 13.2 vm dies after an hour, last thing in dmesg is `hn0: link state changed to UP`',
      'the host restarted the rhel 7 vm twice today, its log just ends at `hv_utils: Heartbeat IC version 3.0`',
    ])
      assert.doesNotMatch(ask(told).title, /normal boot message/i, told);
  });
  test('a Windows-side role or switch beside a named guest is context, not the topic', () => {
    assert.notEqual(ask('hv_sock not available in my ubuntu 20.04 guest, how do I enable hyper-v sockets').intent, 'unknown');
    assert.notEqual(ask('dns server on rhel 6.8 drops lots of udp queries since we moved to the 4.1.2 LIS package').intent, 'unknown');
    assert.equal(ask('how do I enable hyper-v on windows 11 pro').intent, 'unknown');
  });
  test('output pasted beside a question about something else is not answered as a normal boot line', () => {
    const reply = ask(
      '# ifconfig hn0 | head -2\nhn0: flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> metric 0 mtu 1500\nhow do I turn on jumbo frames on this freebsd 12 guest?',
    );
    assert.doesNotMatch(reply.title, /normal boot message/i);
    assert.notEqual(reply.intent, 'known_issue');
  });
  test('the user asking whether a line is an error is not read as the log reporting one', () => {
    const storvsc = 'journalctl -k shows `hv_vmbus: registering driver hv_storvsc` on every boot, is that an error or fine';
    assert.match(ask(storvsc).title, /normal boot message/i);
    assert.match(
      ask('[    0.000000] Hyper-V: Host Build 10.0.14393.0-0-0  <- does this line mean an error?').title,
      /normal boot message/i,
    );
    assert.doesNotMatch(ask('journalctl -k: `hv_storvsc: cmd 0x2a timed out`, is that an error or fine').title, /normal/i);
    for (const asked of [
      'boot shows `hv_vmbus: registering driver hv_balloon`, these are errors?',
      '`hvkvp0: <Hyper-V KVP> on vmbus0` in dmesg, warning or not?',
      'sles 15 log: `hv_vmbus: Vmbus version:5.0`, normal or misconfigured?',
    ])
      assert.match(ask(asked).title, /normal boot message/i, asked);
  });
  test('a normal-looking line pasted beside trouble told in plain words is a problem report, not a boot message', () => {
    const told = ask(
      'debian 11 vm, dmesg has `hv_utils: KVP: user-mode daemon not running` and the ip column in hyper-v manager stays empty',
    );
    assert.equal(told.intent, 'known_issue');
    assert.doesNotMatch(told.title, /normal boot message/i);
    assert.match(told.text, /daemon/i);
    // Asking whether the line means trouble is no report of any.
    assert.match(ask('`hvkvp0: <Hyper-V KVP> on vmbus0` on my freebsd 13 guest, is something missing?').title, /normal boot message/i);
  });
  test("what someone thought of a pasted line ('flagged as an error') is no fault; trouble told around the paste is", () => {
    for (const question of [
      'Our alerting picked up `hv_vmbus: registering driver hv_balloon` on a rocky 9 guest and filed it as an error. Everything runs. Can I close it?',
      'ubuntu 22.04: "hv_vmbus: registering driver hv_netvsc" and "hv_vmbus: registering driver hv_storvsc" arrive in graylog tagged as warnings. harmless?',
      'pasting the boot lines:\n[    1.101010] hv_vmbus: registering driver hv_storvsc\n[    1.101500] hv_vmbus: registering driver hv_netvsc\nthe log scanner raised them as errors, the vm itself is fine. ok to ignore?',
    ])
      assert.match(ask(question).title, /normal boot message/i, question);
    // Told in the user's own line or quoted around a normal line, a hang or a timeout is trouble, question mark or not.
    for (const question of [
      'moved a centos 7 guest to the new cluster and it hangs at boot, last lines:\n[    2.500000] hv_vmbus: registering driver hv_storvsc\nany idea?',
      'sles 15 sp4: after `hv_vmbus: registering driver hv_netvsc` the network setup times out',
    ])
      assert.doesNotMatch(ask(question).title, /normal boot message/i, question);
  });
  test('another platform named as where the guests or the admin come from is context for a Hyper-V question', () => {
    for (const question of [
      'sles 15 sp4 guests on our 2022 hosts, is trim supported? we are ditching nutanix',
      'is kvp supported for ubuntu 22.04 on hyper-v 2019? it worked with vmware tools before',
      'security wants secure boot on Debian 9 VMs on 2016 like on our vSphere 7 VMs',
      "Our Proxmox-exported FreeBSD 9.2 guest doesn't see the virtual DVD drive on hyper-v",
      'security team (ex-VMware) wants secure boot on for RHEL 9.3 VMs on 2025 hosts, does that work?',
    ]) {
      const reply = ask(question);
      assert.notEqual(reply.intent, 'unknown', question);
      assert.equal(reply.answered, true, question);
    }
    // Asked of no release, the feature is asked back about, not declined.
    assert.equal(ask('network team wants to compare with ESXi: SR-IOV for linux vms on hyper-v?').intent, 'feature_support');
    // The other platform as the one the guests go to, or the one asked about, is still declined.
    assert.equal(ask('moving our ubuntu 22.04 vms off hyper-v 2019 onto esxi 8, does vmotion need shared storage?').intent, 'unknown');
    assert.equal(ask('does sr-iov work for rhel 9 guests on esxi 8?').intent, 'unknown');
  });
  test('another product outside the clause that asks about a guest is context; inside it, or pointed back at, it is not', () => {
    for (const question of [
      'ubuntu 18.04 on hyper-v 2025? our ESXi 8 hosts are going EOL',
      'SR-IOV for CentOS 6.9 guests on 2019? we had VF passthrough NICs under KVM',
      "the vendor claims their Postgres appliance on Oracle Linux 8.4 'supports Hyper-V'. is OL 8.4 supported on Windows Server 2022?",
    ]) {
      const reply = ask(question);
      assert.notEqual(reply.intent, 'unknown', question);
      assert.equal(reply.answered, true, question);
    }
    for (const question of [
      'nutanix AHV - is oracle linux 8 supported there?',
      'Our RHEL 8 guests on Hyper-V 2019 are fine. How do I configure Veeam retention for the backup jobs?',
      'ubuntu 20.04 vm on proxmox lvm-thin, fstrim runs but the thin pool does not shrink. discard checkbox?',
    ])
      assert.equal(ask(question).intent, 'unknown', question);
  });
  test('a problem the classifier hears nothing in is still a known issue when its words match one strongly', () => {
    const reply = ask('iperf tops out at 3 gbit between two linux vms on a 10 gig nic');
    assert.equal(reply.intent, 'known_issue');
    assert.equal(reply.answered, true);
    assert.match(reply.title, /10 GbE/);
  });
  test('a feature named and nothing else is answered with what it is', () => {
    for (const question of ['lsvmbus???', 'lro = ?']) {
      const reply = ask(question);
      assert.equal(reply.intent, 'feature_info', question);
      assert.equal(reply.answered, true, question);
    }
  });
  test('a question unsure between a problem and a tip is answered when a known issue or tip matches its words', () => {
    const reply = ask('cat /sys/block/sda/queue/scheduler shows `[mq-deadline] kyber bfq none` on my hyper-v vm. should I change it?');
    assert.equal(reply.answered, true, reply.text);
    assert.match(reply.text, /\bnone\b/i);
  });
  test('a problem told in words that fit a tip far better than any issue is answered with the tip', () => {
    const reply = ask('deleted lots of files in the guest but the dynamic vhdx never shrinks');
    assert.equal(reply.intent, 'known_issue');
    assert.match(reply.title, /TRIM/);
  });
});

describe('the classifier', () => {
  test('cues.ts keeps at most 10 regexes', () => {
    const count = Object.values(CUES).reduce((n, patterns) => n + patterns.length, 0);
    assert.ok(count <= 10, `${count} regexes`);
  });
  test('training is deterministic: two models trained on the same examples agree', () => {
    const examples = allExamples(kb);
    const a = buildModel(kb, examples);
    const b = buildModel(kb, examples);
    for (const q of ['is rhel 7 supported', 'what is kvp', 'my vm hangs', 'tell me a joke', 'lis 4.3 vs 4.2']) {
      const shape = extractEntities(kb, q).shape;
      assert.deepEqual(a.guess(shape), b.guess(shape), q);
    }
  });
  test('below the confidence threshold lisbot does not answer, and a vague message gets no answer either', () => {
    for (const vague of ['vm thing', 'vm stuff?']) assert.equal(answerQuestion(kb, vague).reply.answered, false, vague);
    let unsure = 0;
    for (const { question } of loadCases()) {
      const answer = answerQuestion(kb, question);
      if (answer.confidence >= CONFIDENCE_THRESHOLD) continue;
      unsure++;
      assert.equal(answer.reply.answered, false, question);
    }
    assert.ok(unsure > 0, 'no question of the evaluation set was below the threshold');
  });
});

describe('the scope vocabulary file', () => {
  test('start-up reads the parsed copy the build saved while it names the same YAML bytes, and the YAML once edited', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lisbot-scope-terms-'));
    const yaml = join(dir, 'scope-terms.yaml');
    const parsed = join(dir, 'scope-terms.json');
    cpSync(SCOPE_TERMS_FILE, yaml);
    assert.deepEqual(readScopeTerms(yaml, parsed), readScopeTerms(SCOPE_TERMS_FILE), 'no copy: the YAML');
    saveParsedScopeTerms(yaml, parsed);
    // A marked copy shows which one is read.
    const saved = JSON.parse(readFileSync(parsed, 'utf8')) as { digest: string; terms: { domain: string[] } };
    saved.terms.domain.push('zorblat');
    writeFileSync(parsed, JSON.stringify(saved));
    assert.ok(readScopeTerms(yaml, parsed).domain.includes('zorblat'), 'the copy is read');
    appendFileSync(yaml, '\n# an edit\n');
    assert.ok(!readScopeTerms(yaml, parsed).domain.includes('zorblat'), 'an edited YAML is parsed again');
    writeFileSync(parsed, '{"digest": truncated');
    assert.deepEqual(readScopeTerms(yaml, parsed), readScopeTerms(SCOPE_TERMS_FILE), 'an unreadable copy is ignored');
  });
});
