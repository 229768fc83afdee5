import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../src/bot/answer.ts';
import { toAskJson } from '../../src/cli/ask-json.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();
const ask = (q: string) => toAskJson(q, answerQuestion(kb, q).reply);

// Each case is one cause of issue 11, asked the way an admin asks; every one was answered wrongly before the verdict engine.
describe('issue 11: the LIS release named in the question decides', () => {
  test('rhel 5.7 with LIS 3.4 has no live backup (3.5 added it)', () => {
    const answer = ask('rhel 5.7 with lis 3.4, live backup?');
    assert.equal(answer.verdict, 'not_supported', answer.text);
    assert.match(answer.text, /LIS 3\.5/);
    assert.deepEqual(answer.integration, { kind: 'download', package: 'LIS 3.4' });
  });
  test('a release the named LIS does not cover is a no that names the releases that do', () => {
    const answer = ask('is rhel 7.2 supported with lis 4.0?');
    assert.equal(answer.verdict, 'not_supported', answer.text);
    assert.match(
      answer.text,
      /LIS 4\.0 does not cover Red Hat Enterprise Linux 7\.2 \(its notes list Red Hat Enterprise Linux 5\.5-5\.11, 6\.0-6\.6, 7\.0-7\.1\); LIS 4\.1 and later do/,
    );
  });
  test('a release whose notes list none of the family says which families they list', () => {
    const centos = ask('centos 5.11 with LIS 2.1?');
    assert.equal(centos.verdict, 'not_supported', centos.text);
    assert.match(centos.text, /its notes list no CentOS release, only .*Red Hat Enterprise Linux 5\.2-5\.5/);
    const oracle = ask('Oracle Linux 6.6 RHCK with LIS 3.5?');
    assert.match(oracle.text, /its notes list no Oracle Linux release, only Red Hat Enterprise Linux 5\.5-5\.8, 6\.0-6\.3 and CentOS/);
  });
  test('a release only the talk lists, asked on a newer host, says how far the talk goes even for a family it names no host for', () => {
    const answer = ask('opensuse 12.3 guest on server 2019?');
    assert.equal(answer.verdict, 'unknown', answer.text);
    assert.match(answer.text, /the 2014 TechEd talk, which goes up to Windows Server 2012 R2/);
  });
  test('plain "LIS 4.0" is its own download: CentOS 6.7 came with the 4.0.11 update, as 7.3 came with 4.1.3', () => {
    const answer = ask('lis 4.0 on centos 6.7?');
    assert.equal(answer.verdict, 'not_supported', answer.text);
    assert.match(answer.text, /LIS 4\.0 does not cover CentOS 6\.7 .*LIS 4\.0\.11 and later do/);
    assert.equal(ask('lis 4.0.11 on centos 6.7?').verdict, 'supported');
  });
  test('a download named within the series a page column names is the package; a repository tag is its series download', () => {
    const ol = ask('oracle linux 6.8 on the red hat compatible kernel — is LIS 4.1.2 the right download for it?');
    assert.deepEqual(ol.integration, { kind: 'download', package: 'LIS 4.1.2' }, ol.text);
    assert.deepEqual(ask('lis 4.3.5 rhel 6.10').integration, { kind: 'download', package: 'LIS 4.3' });
  });
  test('"the ms lis rpms 4.1.3" answers from the LIS 4.1 column, not the newest download', () => {
    const answer = ask('live backup on rhel 5.8 with the ms lis rpms 4.1.3?');
    assert.equal(answer.entities.lis, '4.1.3');
    assert.equal(answer.verdict, 'supported', answer.text);
    // The column is the 4.1 series'; the package is the download named within it.
    assert.deepEqual(answer.integration, { kind: 'download', package: 'LIS 4.1.3' });
  });
});

describe('a feature with a named LIS release, on a host', () => {
  test('a feature the release lacks is a no on any host, naming the release that added it', () => {
    const answer = ask('centos 6.6 with lis 4.0: hyper-v sockets on a 2016 host?');
    assert.equal(answer.verdict, 'not_supported', answer.text);
    assert.match(answer.text, /LIS 4\.1/);
  });
  test('a feature no page lists on a host that old is a no, though the release has it', () => {
    const older = ask('rhel 7.1 + lis 4.1, do hyper-v sockets work on a 2012 r2 host?');
    assert.equal(older.verdict, 'not_supported', older.text);
    assert.match(older.text, /older than 2016/);
    assert.equal(ask('rhel 7.1 + lis 4.1, do hyper-v sockets work on a 2016 host?').verdict, 'supported');
  });
});

describe('a point release of a release the page lists by its major alone', () => {
  test('Debian 11.6 is Debian 11 ("11 (Bullseye)"), while 10.13 stays outside "10.0-10.3"', () => {
    assert.equal(ask('is debian 11.6 supported on 2019?').verdict, 'supported');
    const strict = ask('is debian 10.13 supported on 2019?');
    assert.equal(strict.verdict, 'unknown', strict.text);
    assert.match(strict.text, /10\.0-10\.3/);
  });
});

describe('a desktop Windows host the LIS release notes name', () => {
  test('LIS 4.0.11 named Windows 10, so CentOS 6.7 with it on Windows 10 is a yes (its server twin, 2016, came later)', () => {
    const answer = ask('Hyper-V on Windows 10 Pro, CentOS 6.7 guest, LIS 4.0.11. Supported?');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.equal(answer.entities.host, '2016');
    assert.match(answer.text, /Yes on Windows 10/);
  });
  test('LIS 4.0 named Windows 8 and 8.1 only: on Windows 10 it is not in the matrix, naming the hosts it lists', () => {
    const answer = ask('centos 7.1 with lis 4.0 on windows 10 ok?');
    assert.equal(answer.verdict, 'unknown', answer.text);
    assert.match(answer.text, /predates Windows 10; its release notes name 2012 R2, 2012, 2008 R2 and Windows 8, 8\.1/);
  });
  test('Windows Server 2016 itself stays newer than LIS 4.0.11', () => {
    assert.equal(ask('centos 7.1 with lis 4.0.11 on server 2016 ok?').verdict, 'unknown');
  });
});

describe('issue 11: every era is read', () => {
  test('ubuntu 16.04 on 2012: yes per the older pages, the newest page no longer lists 2012', () => {
    const answer = ask('ubuntu 16.04 on 2012');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.match(answer.text, /2016–2019 pages/);
    assert.match(answer.text, /no longer lists 2012/);
  });
  test('oracle linux 6.8 rhck on 2008 r2: yes per the older Oracle Linux page', () => {
    const answer = ask('oracle linux 6.8 rhck on 2008 r2');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.ok(answer.sources.includes('oracle-linux@2017-06-01_6e1ee5aa'), answer.sources.join());
  });
  test('a host newer than every page that lists the release is not in the matrix, not a no', () => {
    const answer = ask('ubuntu 22.04 on 2025');
    assert.equal(answer.verdict, 'unknown', answer.text);
    assert.match(answer.text, /predate Windows Server 2025/);
    assert.match(answer.text, /goes up to Windows Server 2022/, 'the newest host that page lists');
  });
  test('the 2014 talk is an era, never "the current matrix"', () => {
    const answer = ask('is ubuntu 13.10 supported?');
    assert.equal(answer.verdict, 'supported');
    assert.doesNotMatch(answer.text, /current matrix/);
    assert.match(answer.text, /2014 TechEd talk/);
  });
});

describe('issue 11: notes change verdicts', () => {
  test('rhel 5.2 live backup on 2016 is a no, with the freeze note as the reason', () => {
    const answer = ask('rhel 5.2 live backup on 2016');
    assert.equal(answer.verdict, 'not_supported', answer.text);
    assert.match(answer.text, /freeze/);
  });
  test('rhel 8.5 needs a 2019 or newer host (a page-level note)', () => {
    assert.equal(ask('rhel 8.5 on 2016').verdict, 'not_supported');
    assert.match(ask('rhel 8.5 on 2016').text, /2019/);
    assert.equal(ask('rhel 8.5 on 2019').verdict, 'supported');
  });
  test('VLAN on RHEL 6.5 is tagging only: a yes with the condition in the text', () => {
    const answer = ask('does rhel 6.5 support vlan?');
    assert.equal(answer.verdict, 'supported');
    assert.match(answer.text, /trunking is not supported/);
  });
  test('VLAN trunking asked on RHEL 6.5 is a no; trunking ruled out ("no trunk ports") is the tagging yes', () => {
    assert.equal(ask('rhel 6.5: vlan trunking on the vnic?').verdict, 'not_supported');
    assert.equal(ask('rhel 6.5: vlan tagging only, no trunk mode, on 2016?').verdict, 'supported');
  });
  test('Dynamic Memory in a 32-bit guest is a no', () => {
    const answer = ask('dynamic memory hot add on 32-bit ubuntu 16.04');
    assert.equal(answer.entities.arch, '32-bit');
    assert.equal(answer.verdict, 'not_supported', answer.text);
  });
  test('a scoped note ("Note 1 for 6.4-6.8") applies only inside its scope', () => {
    const inScope = ask('vlan on oracle linux 6.5 rhck with lis 4.2');
    const outOfScope = ask('vlan on oracle linux 7.2 rhck with lis 4.2');
    assert.match(inScope.text, /trunking is not supported/);
    assert.doesNotMatch(outOfScope.text, /trunking is not supported/);
  });
});

describe('issue 11: the UEK release named decides', () => {
  test('UEK R3 QU1 has no live backup though later UEK releases do', () => {
    const answer = ask('oracle linux 6.5 uek r3 qu1 live backup?');
    assert.equal(answer.entities.uek, 'R3 QU1');
    assert.equal(answer.verdict, 'not_supported', answer.text);
    assert.match(answer.text, /What would make it a yes: .*UEK R4/, 'the later UEK releases that have it');
  });
  test('a UEK release no page lists: the answer says how the pages list that version instead', () => {
    const answer = ask('oracle linux 9 with uek7 supported?');
    assert.equal(answer.verdict, 'unknown', answer.text);
    assert.match(answer.text, /lists it as: Oracle Linux 9\.0 RHCK/);
  });
  test('UEK R3 QU2 live backup needs Backup Essentials', () => {
    const answer = ask('oracle linux 6.5 uek r3 qu2 live backup?');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.match(answer.text, /Backup Essentials/);
  });
});

describe('a no names what the guest does get', () => {
  test('no hot-add on CentOS 5.8, but ballooning works there', () => {
    const answer = ask('does hot add memory work on centos 5.8 at all');
    assert.equal(answer.verdict, 'not_supported', answer.text);
    assert.match(answer.text, /ballooning does work here/);
  });
  test('a yes gets no sibling line', () => {
    assert.doesNotMatch(ask('ubuntu 20.04 hot add memory on 2019').text, /does work here/);
  });
});

describe('a no for one release names the first release the page lists the feature for', () => {
  test('same way of getting integration services first', () => {
    const reply = answerQuestion(realKb(), 'rhel 7.1 lis 4.3 sr-iov').reply;
    assert.equal(reply.verdict, 'not_supported');
    assert.match(reply.text, /lists SR-IOV networking from Red Hat Enterprise Linux\/CentOS 7\.3-7\.4 \(LIS 4\.3\) onwards/);
  });
  test('a yes says nothing of later releases', () => {
    assert.doesNotMatch(answerQuestion(realKb(), 'rhel 7.4 lis 4.3 sr-iov').reply.text, /onwards/);
  });
});

describe('a named LIS release that does not cover the guest', () => {
  test('names the first download whose own notes list it, not its series', () => {
    const reply = answerQuestion(realKb(), 'lis 4.1.2 on rhel 7.3?').reply;
    assert.equal(reply.verdict, 'not_supported');
    assert.match(reply.text, /LIS 4\.1\.3 and later do/);
  });
});

describe('a support question about a named distribution', () => {
  test('is answered even when the classifier is unsure of the wording', () => {
    const reply = answerQuestion(realKb(), "is it true hp-ux can't be virtualized on hyper-v?").reply;
    assert.equal(reply.intent, 'distro_support');
    assert.equal(reply.verdict, 'not_supported');
  });
});

describe('the 2014 talk as a source', () => {
  test('a release the talk lists without naming hosts is listed on the hosts the talk names elsewhere', () => {
    const on2012 = ask('sles 11 sp2 on a 2012 hyper-v host - is sp2 supported at all?');
    assert.equal(on2012.verdict, 'supported', on2012.text);
    const on2016 = ask('sles 11 sp2 on 2016?');
    assert.equal(on2016.verdict, 'unknown', on2016.text);
    assert.match(on2016.text, /predate Windows Server 2016/);
  });
  test('a host-wide requirement of the newest page holds for a talk-era reading: LUN 0 for virtual FC on 2012 R2', () => {
    const answer = ask('RHEL 5.8 w/ LIS 3.5 - virtual FC on 2012 R2?');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.match(answer.text, /LUN 0/);
    assert.doesNotMatch(ask('ubuntu 13.10 on 2012 r2').text, /LUN 0/);
  });
  test('a download is named as where the integration services come from', () => {
    assert.match(ask('ubuntu 12.04 on hyper-v?').text, /integration services built in to/);
    assert.match(ask('rhel 5.8 with lis 3.5 on hyper-v?').text, /integration services from the Microsoft LIS 3\.5 download/);
  });
});

describe('a date in the question', () => {
  test('a page named by its year decides the host, without older pages standing in for it', () => {
    const in2023 = ask('in the 2023 debian page is buster still fine on server 2012?');
    assert.equal(in2023.verdict, 'not_supported', in2023.text);
    assert.match(in2023.text, /older pages named 2012/);
    assert.equal(ask('as of 2020 was debian 10 supported on hyper-v 2012 (not r2)?').verdict, 'supported');
    assert.equal(ask('is buster fine on server 2012?').verdict, 'supported');
  });
  test("a date early in the talk's year is answered from the talk, and the headline says it came out later", () => {
    const answer = ask('in early 2014 what did rhel 5.8 need to run on hyper-v, built in or a download?');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.deepEqual(answer.integration, { kind: 'download', package: 'LIS 3.5' });
    assert.match(answer.text, /oldest source, published after that date: the 2014 TechEd talk/);
    assert.equal(ask('was rhel 6.5 supported in 2012').verdict, 'unknown');
  });
});

describe('a host newer than every host the pages name for a release', () => {
  test('is not in the matrix, even when the page is dated after that host came out', () => {
    const answer = ask('debian 11 on windows server 2022, supported?');
    assert.equal(answer.verdict, 'unknown', answer.text);
    assert.match(answer.text, /stop short of Windows Server 2022.*goes up to Windows Server 2019/);
  });
  test('a host older than the newest one a page names, and left out, is still a no', () => {
    assert.equal(ask('is sles 12 sp5 supported on 2012 r2?').verdict, 'not_supported');
  });
});

describe('a named LIS release whose own notes list the host', () => {
  test('is a yes on that host, though the pages listing the pair start at later hosts', () => {
    const answer = ask('rhel 5.4 with LIS 4.1 on a 2008 R2 host, is that a supported combo?');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.match(answer.text, /LIS 4\.1 release notes/);
  });
  test('without a named release the pages decide', () => {
    assert.doesNotMatch(ask('rhel 5.4 on a 2008 R2 host, supported?').text, /release notes, which list/);
  });
});

describe('a cell the page marks not applicable', () => {
  test('the PAE row of a release listed for 64-bit kernels only says why it does not apply', () => {
    const answer = ask('pae kernel support for rhel 7.6?');
    assert.equal(answer.verdict, 'not_supported');
    assert.match(answer.text, /64-bit kernels only/);
  });
});

test("a SLES live backup answer carries the note's own term for a partition mounted twice", () => {
  const answer = ask('SLES 15 SP2 live VM backup supported?');
  assert.equal(answer.verdict, 'supported', answer.text);
  assert.match(answer.text, /mounted multiple times/);
});

test("the talk's cell takes on only the newest page's notes about the asked feature", () => {
  const backup = answerQuestion(kb, 'LIS 3.5 live backup centos 6.3 on 2012 R2').reply;
  assert.equal(backup.intent, 'feature_support');
  assert.ok(!backup.notes.some((n) => /LUN 0|NetworkManager|100-balloon/.test(n)), backup.notes.join('\n'));
  assert.match(ask('fibre channel on rhel 6.2 with lis 3.5 on 2012 r2').text, /LUN 0/);
});

describe('a note requirement the question says its guest does not meet', () => {
  const UNMET = /as described, the guest does not meet that condition/;
  test("LUN 0 left empty on virtual Fibre Channel: the page's yes, the requirement, and that it is not met", () => {
    const answer = ask('Ubuntu 20.04 on WS2019 with a virtual FC adapter; our SAN numbers LUNs from 1 so LUN 0 is empty. supported?');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.match(answer.text, /a disk on LUN 0/);
    assert.match(answer.text, UNMET);
  });
  test('a partition mounted twice under live backup', () => {
    const answer = ask('sles12sp3: /data is bind-mounted a second time under /srv/data. is live backup (VSS) supported for this vm?');
    assert.match(answer.text, /You said a partition is mounted more than once/);
  });
  test("Debian's stable kernel where the cell needs a backports kernel", () => {
    assert.match(ask('buster with the stock kernel, no backports, on a 2019 host: SR-IOV supported?').text, UNMET);
  });
  test('without such a statement the yes names the requirement and nothing more', () => {
    const answer = ask('sles 15 sp3 live backup on 2022?');
    assert.equal(answer.verdict, 'supported', answer.text);
    assert.match(answer.text, /each partition mounted only once/);
    assert.doesNotMatch(answer.text, UNMET);
  });
});

describe('a named LIS release on a kernel its modules do not load on', () => {
  test('LIS 4.1.3 on RHEL 7.3 kernel 3.10.0-514.10.2 is a no that names 4.1.3-2', () => {
    const answer = ask('RHEL 7.3 on kernel 3.10.0-514.10.2.el7 with LIS 4.1.3 - is that a supported combo?');
    assert.equal(answer.verdict, 'not_supported', answer.text);
    assert.match(answer.text, /LIS 4\.1\.3-2/);
  });
  test('the rebuilt 4.1.3-2 on that kernel, and 4.1.3 on the kernel before it, stay a yes', () => {
    assert.equal(ask('rhel 7.3 with lis 4.1.3-2 on kernel 3.10.0-514.10.2.el7?').verdict, 'supported');
    assert.equal(ask('centos 7.3 lis 4.1.3 on 3.10.0-514.6.1?').verdict, 'supported');
  });
});
