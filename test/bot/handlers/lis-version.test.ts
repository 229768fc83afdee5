import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lisVersionHandler } from '../../../src/bot/handlers/lis-version.ts';
import { guestTimeline } from '../../../src/bot/handlers/lis-first-release.ts';
import { lisTopicsOf } from '../../../src/bot/handlers/lis-topics.ts';
import { releaseThatFixed } from '../../../src/bot/handlers/lis-fix-search.ts';
import { extractEntities } from '../../../src/bot/entities/extract.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();

function ask(question: string) {
  const extraction = extractEntities(kb, question);
  return lisVersionHandler.handle({
    kb,
    question,
    entities: extraction.entities,
    extraction,
    classification: { intent: 'lis_version', confidence: 1, missing: [] },
  });
}

describe('which release first listed a guest', () => {
  test('a point release that added a version is found, not its series', () => {
    assert.equal(guestTimeline(kb, 'rhel', '7.3')?.first.version, '4.1.3');
    assert.equal(guestTimeline(kb, 'rhel', '6.8')?.first.version, '4.1.2');
    assert.equal(guestTimeline(kb, 'rhel', '6.7')?.first.version, '4.0.11');
  });
  test('a version left out and taken back shows the gap', () => {
    const rhel52 = guestTimeline(kb, 'rhel', '5.2');
    assert.equal(rhel52?.first.version, '2.1');
    assert.equal(rhel52?.gap?.back.version, '4.1');
    assert.equal(guestTimeline(kb, 'centos', '5.2')?.first.version, '4.1');
  });
  test('a version first in a lis-next tag names the first numbered download too', () => {
    const rhel74 = guestTimeline(kb, 'rhel', '7.4');
    assert.equal(rhel74?.first.version, '4.2.3');
    assert.equal(rhel74?.firstDownload?.version, '4.3');
  });
  test('a built-in-only distribution has no timeline', () => {
    assert.equal(guestTimeline(kb, 'ubuntu', '16.04'), undefined);
  });
});

describe('LIS release answers', () => {
  test('which release added a distro version', () => {
    assert.match(ask('which LIS release added rhel 7.3 support').text, /LIS 4\.1\.3/);
    assert.match(ask('when did LIS start supporting 6.7').text, /LIS 4\.0\.11/);
    assert.match(ask('which release first let redhat 5.2 use the download').text, /LIS 4\.1 \(2016-03-21\) took it back/);
  });
  test('which release brought, picked up or included a guest version or a feature, in those words', () => {
    assert.match(ask('the LIS release that picked up rhel 7.3?').text, /LIS 4\.1\.3/);
    assert.match(ask('centos 6.7 appeared in which LIS download').text, /LIS 4\.0\.11/);
    assert.match(ask('what LIS version brought lsvmbus').title, /^LIS \d/);
    // "we've got" tells what the admin has, not what a release brought.
    assert.doesNotMatch(ask("we've got centos 6.7, which LIS is the newest one").text, /first listed by/);
  });
  test('when a guest got a download, whether one exists for it, and how far back the downloads go', () => {
    assert.match(ask('when did centos 7.2 get an lis package').text, /first listed by LIS 4\.1 /);
    assert.match(ask('which LIS was adding rhel 6.7 support').text, /LIS 4\.0\.11/);
    assert.match(
      ask('is there an LIS rpm for centos 5.0?').text,
      /No Microsoft LIS download .* lists CentOS 5\.0\. .*CentOS 5\.2, first listed by LIS \d/,
    );
    assert.match(ask('how far back does the microsoft lis download go for rhel').text, /Red Hat Enterprise Linux 5\.2/);
    // A first release asked for outweighs words about what is installed.
    assert.match(
      ask('we held rhel 7.2 until a package existed that installed on it. which LIS first covered 7.2?').text,
      /first listed by LIS 4\.1 /,
    );
  });
  test("the download's licence: GPLv2 source on GitHub, cited", () => {
    for (const question of ['is the lis code proprietary or gpl?', 'what does the microsoft lis package cost us']) {
      const reply = ask(question);
      assert.equal(reply.intent, 'lis_version', question);
      assert.match(reply.text, /GNU General Public License version 2/, question);
      assert.ok(reply.sources.length > 0, question);
    }
  });
  test("built-in drivers' version number is answered, not the release the question compares with", () => {
    const reply = ask('do built-in LIS drivers have version numbers like 4.1?');
    assert.equal(reply.intent, 'lis_version');
    assert.match(reply.text, /Built-in LIS has no version number of its own/);
    assert.match(ask('does the built in LIS have a version number like 4.1 does').text, /Built-in LIS has no version number of its own/);
  });
  test("the download's package name is told with how to read the installed version", () => {
    assert.match(ask("what's the rpm called for the microsoft LIS download").text, /microsoft-hyper-v/);
  });
  test('the release that first brought a feature is answered when the question guesses another', () => {
    const reply = ask('which LIS first did dynamic memory hot add, was it 3.5?');
    assert.equal(reply.title, 'LIS 4.0');
    assert.match(reply.text, /first came with LIS 4\.0 \(not LIS 3\.5\)/);
  });
  test("a year's releases are listed, downloads and lis-next tags alike", () => {
    const reply = ask('which LIS releases came out in 2016');
    assert.equal(reply.intent, 'lis_version');
    assert.match(reply.text, /LIS 4\.1 \(2016-03-21\).*LIS 4\.1\.3 \(2016-12-23\)/);
    assert.doesNotMatch(reply.text, /LIS 3\.5|LIS 4\.0 /);
    assert.match(ask('lis tags in 2018').text, /LIS 4\.2\.4 \(2018-03-16, a lis-next tag\)/);
    assert.match(
      ask('which LIS releases came out in 2012').text,
      /no LIS release dated 2012\. The ones I know run from 2010-07-29 to 2020-02-26/,
    );
  });
  test('a request for every release lists the downloads with their dates, oldest first', () => {
    const reply = ask('give me the LIS download history');
    assert.equal(reply.title, 'Microsoft LIS downloads');
    assert.match(reply.text, /LIS 2\.1 \(2010-07-29\).*LIS 4\.1\.3.*LIS 4\.3/);
  });
  test("a kernel build a release's notes name finds that release", () => {
    assert.match(ask('centos 7.3 on 3.10.0-514.10.2.el7.x86_64 now, which LIS rpm set matches it?').title, /LIS 4\.1\.3-2/);
  });
  test('a hotfix named by its number alone says what it fixed', () => {
    assert.match(ask('what was fixed in the 4.1.2-2 hotfix').text, /heartbeat/i);
    assert.match(ask('4.1.3-2 — why was that re-released?').text, /3\.10\.0-514\.10\.2/);
  });
  test('a fix described in words finds the release whose notes describe it', () => {
    const reply = ask('which LIS version fixed heartbeat packets getting dropped during live migration?');
    assert.match(reply.title, /4\.1\.2-2/);
  });
  test('a series names its newest point release', () => {
    assert.match(ask('latest 4.3 point release of lis-next?').text, /newest 4\.3 point release is LIS 4\.3\.5/);
  });
  test('an old release named points at the newest download', () => {
    assert.match(ask('is the 4.0 package still the one to grab').text, /newest Microsoft LIS download in my records is LIS 4\.3/);
  });
  test('a module version read in the guest is said to be the download build', () => {
    assert.match(ask('cat /sys/module/hv_vmbus/version gives 4.2.6').text, /reporting 4\.2\.6 is the Microsoft LIS download/);
    assert.match(ask('rpm -qa | grep hyper-v shows microsoft-hyper-v-4.2.4, how old is it').text, /LIS 4\.2\.4/);
  });
  test('download, daemons, removal and vendor support come from their tips', () => {
    assert.match(ask('lis: iso or tarball, and which one do i grab').text, /ISO image.*tar file/);
    assert.match(ask('after installing lis 4.3 the hyperv-daemons package disappeared').text, /removes the distribution's hyperv-daemons/);
    assert.match(ask('should I remove LIS before a kernel update on centos 7.4?').text, /uninstall the LIS packages; update the kernel/);
    assert.match(ask('will red hat still support me if i install the microsoft LIS rpm on rhel 7.2').text, /KB 1067/);
  });
  test('reading the installed version names modinfo', () => {
    assert.match(ask('how do I see which LIS version is installed in my guest?').text, /modinfo hv_vmbus/);
  });
  test('FreeBSD BIS and built-in distributions have no separate LIS version', () => {
    assert.match(ask('how to check the BIS version on freebsd').text, /built into FreeBSD from 10\.0/);
    assert.match(ask('which lis release added ubuntu 16.04').text, /built into its kernel/);
  });
  test('a module version is not read as a distro version to look up', () => {
    assert.doesNotMatch(ask('what does lsmod hv_vmbus version 3.1 mean').text, /RHEL\/CentOS 3\.1/);
  });
});

describe('LIS topics', () => {
  test('removing LIS for a kernel update is the update procedure', () => {
    assert.deepEqual(
      lisTopicsOf('should I remove LIS before a kernel update').map((t) => t.id),
      ['kernel-update'],
    );
    assert.deepEqual(
      lisTopicsOf('how do i uninstall lis').map((t) => t.id),
      ['remove'],
    );
  });
});

describe('LIS answers name what they are asked about', () => {
  test('support by Red Hat, asked either way round, cites KB 1067', () => {
    assert.match(ask('is lis 4.3 supported by red hat').text, /KB 1067/);
  });
  test('a built-in release asked for its LIS version says it is built in', () => {
    assert.match(ask('what lis version does my ubuntu 18.04 vm have').text, /^Ubuntu 18\.04 uses the LIS built into its kernel/);
  });
});

describe('the newest LIS', () => {
  test('a question about the newest release leads with the newest download and its last tagged build', () => {
    const reply = ask('which lis is the newest');
    assert.match(reply.text, /^The newest Microsoft LIS download in my records is LIS 4\.3; its last tagged build is LIS 4\.3\.5/);
  });
});

describe('series typed as their first tag', () => {
  test('"4.2.0" is the 4.2 series record', () => {
    assert.equal(ask('what changed in 4.2.0').title, 'LIS 4.2');
    assert.equal(ask('lis 4.2.0 release notes').title, 'LIS 4.2');
  });
});

describe('whether LIS is still maintained', () => {
  test('names the last 4.3 build and that the drivers live upstream', () => {
    const text = ask('is lis still maintained or dead').text;
    assert.match(text, /4\.3\.5/);
    assert.match(text, /upstream Linux kernel/);
  });
});

describe('matching a fix to a release', () => {
  test('distro and kernel words alone do not pick a release', () => {
    assert.equal(releaseThatFixed(kb, 'which lis fixed the kernel panic on rhel 7.5'), undefined);
    assert.equal(releaseThatFixed(kb, 'which lis fixed udp packet loss on azure')?.version, '4.1.2-2');
  });
});

describe('a version number no download has', () => {
  test('is explained by the known issue that names it: 3.1 is what built-in drivers report', () => {
    const reply = ask("modinfo says version: 3.1 so I'm on LIS 3.1?");
    assert.match(reply.title, /Built-in drivers report LIS version 3\.1/);
    assert.match(reply.text, /No LIS download is called 3\.1/);
  });
  test('with no such issue, says it has no record', () => {
    assert.match(ask('is lis 9.9 out yet?').text, /no record of LIS 9\.9/);
  });
});

describe('a release with a hotfix build', () => {
  test('names the hotfix build and what it fixed', () => {
    const reply = ask('udp loss in azure with lis 4.1.2, which build fixed it');
    assert.match(reply.text, /hotfix build followed, LIS 4\.1\.2-2 \(2016-10-21\): .*UDP/);
  });
  test('says nothing of a hotfix when the hotfix itself is asked about, or the release has none', () => {
    assert.doesNotMatch(ask('what did lis 4.1.3-2 fix').text, /hotfix build followed/);
    assert.doesNotMatch(ask('what did lis 4.0.11 add').text, /hotfix build followed/);
  });
});

describe("a release's place in the line", () => {
  test('the release before and after the one asked about', () => {
    assert.match(ask('which LIS came right before 3.5').text, /Before LIS 3\.5 came LIS 3\.4\b/);
    assert.match(ask('what came after LIS 4.3.3').text, /After it came LIS 4\.3\.4\b/);
    assert.match(ask('which LIS came after 4.1.3-2').text, /After it came LIS 4\.2\b/);
  });
  test('is left out when the question does not ask for it', () => {
    assert.doesNotMatch(ask('what did lis 4.3.3 change').text, /After it came/);
  });
});

describe('questions about the LIS download besides a release', () => {
  test('Microsoft support is for the newest release', () => {
    assert.deepEqual(
      lisTopicsOf('we are two LIS releases behind. will Microsoft support still take the case?').map((t) => t.id),
      ['microsoft-support'],
    );
    assert.match(ask('which LIS versions does microsoft support actually take calls on?').text, /latest release/);
  });
  test('lis-next and the last release are the maintenance answer', () => {
    assert.match(ask("what's lis-next").text, /backported/);
    assert.match(ask('was 4.3.5 the last LIS or is there a 4.3.6').text, /4\.3\.6/);
  });
  test("the download's format is the download answer", () => {
    assert.match(ask('What format does the LIS download come in?').text, /ISO.*tar/);
  });
  test('a feature that came with a release names that release', () => {
    assert.equal(ask('scsi wwn came with which LIS drop').title, 'LIS 4.1');
  });
});

describe('a question about LIS that names no release and no topic', () => {
  test('is answered by the LIS tip or known issue its words match best', () => {
    assert.match(ask('what is Hyper-V Backup Essentials for Linux and how does it relate to LIS').text, /5\.9|6\.4/);
    assert.match(ask('should automatic updates be off on guests running the LIS download?').text, /automatic updates/i);
  });
  test('keeps the default answer for the newest release and for how to tell which LIS a guest runs', () => {
    assert.match(ask("what's the latest LIS download?").text, /4\.3/);
    assert.equal(ask('how do i tell which LIS my centos vm runs').title, 'Which LIS do I have?');
  });
});

describe('a release number with no record', () => {
  test('places it among the releases of its major line', () => {
    assert.match(
      ask('was LIS 3.3 the last of the 3.x line?').text,
      /I have no record of LIS 3\.3\. The 3\.x releases in my records are LIS 3\.4 and 3\.5 \(the last of them\)/,
    );
    assert.match(ask('lis 4.4 when?').text, /The 4\.x releases in my records run from LIS 4\.0 to 4\.3\./);
  });
});

describe('a built-in module whose version matches no LIS release', () => {
  test('is said to be normal, not out of date', () => {
    assert.match(
      ask('lsmod shows the hv_vmbus version not matching LIS 4.3. does that mean the built in lis on my box is outdated?').text,
      /differs from every LIS number is normal and not out of date/,
    );
  });
});
