// The integration a question names (including by ruling the download out) and general requests for advice.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { integrationPreference } from '../../src/bot/entities/integration.ts';
import { answerQuestion } from '../../src/bot/answer.ts';
import { answerWithAdvice } from '../../src/bot/handlers/advice.ts';
import { featureEntityOf } from '../../src/bot/handlers/feature-entity.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();
const ask = (q: string) => answerQuestion(kb, q).reply;

describe('integrationPreference', () => {
  test('the download ruled out leaves the built-in drivers', () => {
    assert.equal(integrationPreference('only the in-box drivers (no LIS download)'), 'built-in');
    assert.equal(integrationPreference('rhel 6.5 without the lis rpm, trim?'), 'built-in');
    assert.equal(integrationPreference('stock kernel, vrss?'), 'built-in');
  });
  test('the built-in drivers weighed against LIS are no preference', () => {
    assert.equal(integrationPreference('centos 6.10 guest on hyper-v 2016 - built-in drivers or LIS?'), undefined);
    assert.equal(integrationPreference('oracle linux 7.4 rhck: LIS or built in?'), undefined);
  });
  test('the download ruled out in other words, or the drivers the distribution ships, are the built-in drivers', () => {
    assert.equal(integrationPreference('we never put the Microsoft LIS package on it'), 'built-in');
    assert.equal(integrationPreference('nobody ever installed the LIS rpms, is kvp supported?'), 'built-in');
    assert.equal(integrationPreference('centos 5.10 using only the drivers that ship in the distro'), 'built-in');
    assert.equal(integrationPreference("RHEL 6.4 with the kernel's own hyper-v drivers, hot-add?"), 'built-in');
  });
  test('the built-in drivers ruled out leave the download', () => {
    assert.equal(integrationPreference('>256 vcpus on RHEL 7.6 with LIS 4.3 instead of the built-in drivers'), 'download');
  });
  test('a named download, or both named, stay as before', () => {
    assert.equal(integrationPreference('with LIS 4.3 installed'), 'download');
    assert.equal(integrationPreference('LIS 4.3 or the built-in drivers?'), undefined);
  });
  test('what ships in the kernel is the built-in drivers; rather than what ships there is the download', () => {
    assert.equal(integrationPreference('debian 9, nothing added, just what ships with the kernel: vrss?'), 'built-in');
    assert.equal(integrationPreference('rhel 6.8 on the rhel-shipped drivers, kvp?'), 'built-in');
    assert.equal(integrationPreference('we want LIS 4.3 rather than what ships in the kernel'), 'download');
  });
  test('with both told of, the sentence that asks picks one, unless it weighs the two', () => {
    assert.equal(
      integrationPreference('vm1 has LIS 4.3 installed, vm2 is on the inbox drivers. For the inbox one, is TRIM there?'),
      'built-in',
    );
    assert.equal(
      integrationPreference('vm1 is on the inbox drivers. vm2 has LIS 4.3 installed. does it get TRIM with LIS 4.3?'),
      'download',
    );
    assert.equal(integrationPreference('we run LIS 4.3. stay on it or go back to the inbox drivers?'), undefined);
    const reply = ask('two rhel 6.6 guests: one on LIS 4.3, one on the in-box drivers. on the in-box one, is TRIM supported?');
    assert.equal(reply.verdict, 'not_supported');
  });
  test('decides the verdict from the built-in column', () => {
    const reply = ask('Using the in-box drivers only (no LIS download), does RHEL 6.5 get TRIM?');
    assert.equal(reply.intent, 'feature_support');
    assert.equal(reply.verdict, 'not_supported');
  });
});

describe('a request for advice in general', () => {
  test('where no tip fits the family and feature, the question is searched instead of listing none', () => {
    for (const question of ['how do i enable sr-iov for an ubuntu 20.04 guest on server 2022?', 'how i get kvp daemon on debian 9']) {
      const reply = ask(question);
      assert.equal(reply.answered, true, question);
      assert.doesNotMatch(reply.text, /I have 0 /, question);
      assert.doesNotMatch(reply.text, /The main ones: \./, question);
    }
  });
  test('about a family lists the tips written for it first', () => {
    const reply = ask("we're building a FreeBSD 13 template. any hyper-v specific best practices I should bake in?");
    assert.equal(reply.intent, 'tip');
    assert.equal(reply.answered, true);
    assert.match(reply.title, /FreeBSD/);
  });
  test('about a feature lists that feature’s tips', () => {
    const reply = ask('dyn mem best practices for linux guests plz');
    assert.equal(reply.answered, true);
    assert.match(reply.title, /Dynamic Memory/);
    assert.match(reply.text, /128 MB/);
  });
});

describe('advice about one feature', () => {
  test('names the oldest host the feature works on when the advice does not', () => {
    const reply = ask('sr-iov VF keeps switching back to the synthetic nic on my ubuntu vm');
    assert.ok(reply.notes.some((n) => /SR-IOV.*Windows Server 2016 or newer/.test(n)));
  });
});

describe('the most common cause of a symptom leads', () => {
  test('no guest IP in Hyper-V Manager is first the missing daemons package', () => {
    const reply = ask('the networking tab in hyper-v manager is empty for our centos 7 vms');
    assert.match(reply.text, /hyperv-daemons/);
  });
  test('host backups that always take a saved state are first the missing daemons package', () => {
    assert.match(ask('debian 10 guest, host backups never run live, always saved state').text, /hyperv-daemons/);
  });
  test('a backup of a VM whose disks sit on a network share is the remote-storage limit', () => {
    const reply = ask('backing up my linux vm never finishes when its vhdx lives on a network share');
    assert.match(reply.text, /SMB/);
  });
});

describe('a record about one architecture', () => {
  test('leads only when the question says its guest has that architecture', () => {
    assert.doesNotMatch(ask('oracle linux 8.2 rhck, dynamic memory enabled, guest stuck at its startup size forever').title, /32-bit/);
    assert.match(ask('i686 centos 6.10 guest with dynamic memory on, memory never grows').title, /32-bit/);
    assert.match(ask('dyn memory on 32 bit co6 does nothing at all').title, /32-bit/);
  });
});

describe('a problem with a feature the guest release lacks', () => {
  test("says the release's standing in the matrix beside the known issue found", () => {
    const reply = ask('centos 6.4: grew the fixed vhdx online, blockdev size unchanged until reboot');
    assert.equal(reply.intent, 'known_issue');
    assert.ok(
      reply.notes.some((n) => /^Support matrix: .*LIS 4\.3/.test(n)),
      reply.notes.join('\n'),
    );
  });
  test('says nothing of the matrix when the release has the feature as it is', () => {
    const reply = ask('rhel 7.4 guest shows no ip address in hyper-v manager');
    assert.ok(!reply.notes.some((n) => n.startsWith('Support matrix:')), reply.notes.join('\n'));
  });
});

describe('the guest-side package behind a daemon', () => {
  test('a Copy-VMFile failure names the package that brings the fcopy daemon', () => {
    assert.match(ask('Copy-VMFile into our centos 7 guest keeps timing out').text, /hyperv-daemons/);
  });
  test('the networking tab of Hyper-V Manager is KVP', () => {
    assert.equal(ask('the networking tab in hyper-v manager is empty for our centos 7 vms').entities.feature, 'kvp');
  });
});

describe('a problem no record matches, about a named feature', () => {
  test("is answered with the feature's facts, said to be no known issue", () => {
    const reply = answerWithAdvice(
      kb,
      'known_issue',
      'zzqx wibble frobnicates',
      { distro: 'debian', version: '10', feature: 'lsvmbus' },
      'issue',
    );
    assert.equal(reply.answered, true);
    assert.match(reply.text, /no known issue that matches/);
    assert.match(reply.text, /hyperv-tools|linux-cloud-tools/);
  });
  test('lsvmbus not found names the package that ships it', () => {
    const reply = ask('lsvmbus: command not found on Debian 10 guest');
    assert.equal(reply.intent, 'known_issue');
    assert.match(reply.text, /hyperv-tools|linux-cloud-tools/);
  });
});

describe('a runner-up that matches almost as well as the best known issue', () => {
  test('is told too, with its own fix', () => {
    const reply = ask('RHEL 6.6, dynamic memory enabled, memory never grows beyond what it booted with even under heavy load');
    assert.equal(reply.intent, 'known_issue');
    assert.ok(
      reply.notes.some((n) => /^Also possible: .*Fix:/.test(n)),
      reply.notes.join('\n'),
    );
  });
  test('is not told when one record clearly leads', () => {
    const reply = ask('Copy-VMFile fails with "Failed to initiate copying files to the guest" on centos 7.9');
    assert.equal(reply.intent, 'known_issue');
    assert.ok(!reply.notes.some((n) => n.startsWith('Also possible')), reply.notes.join('\n'));
  });
});

describe('the feature a matching record names', () => {
  test('a record about both parts of Dynamic Memory gives the answer Dynamic Memory as its feature', () => {
    assert.equal(featureEntityOf(['dm-hot-add', 'dm-ballooning', 'runtime-memory-resize']), 'dynamic-memory');
    assert.equal(featureEntityOf(['kvp']), 'kvp');
    assert.equal(featureEntityOf(['kvp', 'live-backup']), undefined);
    const reply = ask('top inside the sles 15 guest reports 8 GB but hyper-v manager says 3 GB assigned, which is true?');
    assert.equal(reply.intent, 'known_issue');
    assert.equal(reply.entities.feature, 'dynamic-memory');
  });
});

describe('a desktop guest without the synthetic video driver', () => {
  test('two pointers or a stuck console resolution reach the frame buffer known issue', () => {
    for (const question of [
      'my old opensuse desktop vm has a second mouse arrow lagging behind the real one in vmconnect',
      'debian 7 desktop guest, the console only offers 1024x768, how do i get a bigger resolution',
    ]) {
      const reply = ask(question);
      assert.match(reply.text, /frame buffer/i, question);
      assert.equal(reply.entities.feature, 'video', question);
    }
  });
});

describe('known issues from the feature descriptions', () => {
  const cases: Array<[question: string, title: RegExp, feature: string]> = [
    ['sles 15 sp5 vm: set its memory down to 4 GB while running, hyper-v stops at 7 GB', /stops above/i, 'runtime-memory-resize'],
    [
      'wbadmin backup of our debian vm never finishes, it writes to the same drive as the vhdx',
      /same volume|volume being backed up/i,
      'live-backup',
    ],
    ['vmconnect shows the rocky-ish rhel 9 guest only in basic mode, enhanced session is greyed out', /Enhanced Session/i, 'video'],
    ['oracle linux 5.8 i686 guest, 12 GB assigned, top shows 3.9 GB total', /32-bit/i, 'pae'],
  ];
  for (const [question, title, feature] of cases)
    test(question, () => {
      const reply = ask(question);
      assert.match(reply.title, title);
      assert.equal(reply.entities.feature, feature);
    });
});

describe('several known issues whose log signatures match', () => {
  test('the one whose words fit the question best leads', () => {
    const reply = ask('oracle linux 7.3 rhck, lis 4.1.3, booted 3.10.0-514.10.2.el7 and got hv_netvsc: disagrees about version of symbol');
    assert.match(reply.title, /514\.10\.2/);
    assert.match(ask('rhel 7.6 with LIS 4.3 after a kernel update: hv_vmbus: disagrees about version of symbol').title, /symbol version/i);
  });
});

describe('memory that never grows above startup on a release whose hot-add needs a udev rule', () => {
  const told = (q: string) => {
    const reply = ask(q);
    return [reply.text, ...reply.notes].join('\n');
  };
  test('is answered with the rule, for the 7.x releases the note marks as well as 7.0', () => {
    assert.match(told('centos 7.8 dynamic memory enabled but memory stays on startup value, never grows. why?'), /udev/);
  });
  test("the record scoped to the asked release is told beside one about other drivers' releases", () => {
    assert.match(told('rhel 7.0 vm with dynamic memory never gets more than its startup memory'), /udev/);
  });
});

describe('a dynamic memory problem or tip that names ballooning as what the guest does', () => {
  test('is about dynamic memory as a whole; a support question naming both asks about ballooning', () => {
    assert.equal(
      answerQuestion(kb, 'old centos 6.3 box on LIS 3.5 only does ballooning — how should dynamic memory be set up?').reply.entities
        .feature,
      'dynamic-memory',
    );
    assert.equal(answerQuestion(kb, 'dynamic memory ballooning on rhel 7.4 on 2016?').reply.entities.feature, 'dm-ballooning');
  });
});

test("an 'update required' warning for a Linux guest says the built-in drivers come with the distribution's kernel", () => {
  const reply = ask("Hyper-V Manager says 'update required' for integration services on a CentOS 8 VM");
  assert.equal(reply.intent, 'known_issue');
  assert.match(reply.text, /built-in drivers .* updated with the distribution's kernel/);
});
