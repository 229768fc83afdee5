import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuestFacts } from '../../src/check/guest-facts.ts';
import { parseBundle, type ParsedBundle } from '../../src/check/parse/index.ts';
import { MAX_LINE_CHARS, MAX_UPLOAD_BYTES } from '../../src/check/parse/limits.ts';
import { RULE_CATALOGUE } from '../../src/check/rules/catalogue.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bundles');

function load(name: string): ParsedBundle {
  const bundle = parseBundle(readFileSync(join(FIXTURES, name)));
  GuestFacts.parse(bundle.facts);
  return bundle;
}

function codes(bundle: ParsedBundle): string[] {
  return bundle.diagnostics.map((d) => d.code);
}

describe('golden fixtures', () => {
  test('RHEL 5.11 with LIS 4.2 download', () => {
    const { facts, format, stats } = load('rhel5-lis42.txt');
    assert.equal(format, 'lischeck');
    assert.equal(stats.truncated, false);
    assert.deepEqual(facts.os?.value, {
      distro: 'rhel',
      rawId: 'rhel',
      version: '5.11',
      prettyName: 'Red Hat Enterprise Linux Server release 5.11 (Tikanga)',
      like: [],
    });
    assert.equal(facts.kernel?.value.release, '2.6.18-398.el5');
    assert.deepEqual(facts.kernel?.value.vendorBuild, [398]);
    assert.equal(facts.kernel?.value.distTag, 'el5');
    assert.equal(facts.generation?.value, 1);
    assert.equal(facts.host?.value.hostId, '2012 R2');
    assert.equal(facts.vmbus?.value.version, '3.0');
    assert.deepEqual(facts.lis?.value, {
      installed: true,
      version: '4.2.4',
      packages: ['kmod-microsoft-hyper-v-4.2.4-20180227.x86_64', 'microsoft-hyper-v-4.2.4-20180227.x86_64'],
    });
    assert.ok(facts.hvModules?.value.info.find((m) => m.name === 'hv_vmbus')?.fromLis);
    assert.equal(facts.daemons?.kvp?.value.running, true);
    assert.equal(facts.daemons?.vss?.value.running, true);
    assert.equal(facts.daemons?.fcopy?.value.installed, true);
    assert.equal(facts.cmdline?.value.numaOff, true);
    assert.equal(facts.ioSchedulers?.value[0]?.active, 'cfq');
    assert.equal(facts.network?.value.macBound, true);
    assert.equal(facts.storage?.value.storvsc, true);
    assert.deepEqual(facts.lis?.evidence[0], {
      section: 'packages (filtered)',
      line: 128,
      text: 'kmod-microsoft-hyper-v-4.2.4-20180227.x86_64',
    });
  });

  test('RHEL 6.3 with LIS 3.5: ballooning only, hot-add failed, old LIS', () => {
    const { facts } = load('rhel63-lis35.txt');
    assert.equal(facts.os?.value.distro, 'rhel');
    assert.equal(facts.os?.value.version, '6.3');
    assert.equal(facts.kernel?.value.release, '2.6.32-279.el6.x86_64');
    assert.deepEqual(facts.kernel?.value.upstream, [2, 6, 32]);
    assert.equal(facts.lis?.value.installed, true);
    assert.equal(facts.lis?.value.version, '3.5');
    assert.equal(facts.hvModules?.value.loadedVersions.hv_vmbus, '3.5');
    assert.deepEqual(facts.balloon?.value, { driver: true, dmOffered: true, protocol: '2.0', maxMb: 8192, hotAddFailed: true });
    assert.ok(facts.balloon?.evidence.some((e) => e.text.includes('Memory hot add failed')));
    assert.ok(facts.logSignatures?.some((s) => s.id === 'hot-add-failed'));
    assert.equal(facts.host?.value.hostId, '2012 R2');
    assert.deepEqual(facts.vmbus?.value, { version: '2.4', hostAtLeast: '2012' });
    assert.equal(facts.kvpHost?.value.HostingSystemOsMajor, '6');
    assert.equal(facts.kvpHost?.value.HostName, undefined, 'names never leave the parser');
    assert.equal(facts.daemons?.kvp?.value.running, true);
    assert.equal(facts.daemons?.vss?.value.installed, false);
    assert.equal(facts.azure?.value, false);
    assert.equal(facts.kdump?.value.crashkernel, 'auto');
    assert.equal(facts.vmbusDevices?.value.find((d) => d.kind === 'Synthetic keyboard')?.driver, undefined);
  });

  test('RHEL 7.9 built-in with hyperv-daemons on 2016, Gen2 Secure Boot', () => {
    const { facts } = load('rhel7.txt');
    assert.equal(facts.os?.value.version, '7.9');
    assert.deepEqual(facts.kernel?.value.vendorBuild, [1160, 108, 1]);
    assert.equal(facts.virtualization?.value.hypervisor, 'hyperv');
    assert.equal(facts.generation?.value, 2);
    assert.equal(facts.secureBoot?.value, 'enabled');
    assert.deepEqual(facts.host?.value, {
      build: 14393,
      buildText: '14393-10.0-0-0.6529',
      hostId: '2016',
      product: 'Windows Server 2016',
      osVersion: '10.0',
      source: 'dmesg',
    });
    assert.equal(facts.lis?.value.installed, false);
    for (const kind of ['kvp', 'vss'] as const) {
      assert.equal(facts.daemons?.[kind]?.value.installed, true);
      assert.equal(facts.daemons?.[kind]?.value.running, true);
    }
    assert.equal(facts.daemons?.fcopy?.value.running, false);
    assert.equal(facts.ioSchedulers?.value[0]?.active, 'deadline');
    assert.equal(facts.memory?.value.onlineRule, true);
    assert.equal(facts.trim?.value.fstrimTimer, 'disabled');
    assert.deepEqual(facts.fstab?.value.devicePaths, ['/dev/sdb1']);
    assert.equal(facts.timeSync?.value.clocksource, 'hyperv_clocksource_tsc_page');
    assert.equal(facts.timeSync?.value.ptpHyperv, true);
    assert.equal(facts.kdump?.value.loaded, true);
    assert.equal(facts.network?.value.interfaces[0]?.queues, 8);
  });

  test('RHEL 8.6 on 2019 with chrony PTP refclock and an SR-IOV VF', () => {
    const { facts } = load('rhel8.txt');
    assert.equal(facts.os?.value.version, '8.6');
    assert.equal(facts.host?.value.hostId, '2019');
    assert.deepEqual(facts.vmbus?.value, { version: '5.2', hostAtLeast: '2019' });
    assert.equal(facts.timeSync?.value.chronyRefclockPtp, true);
    assert.deepEqual(facts.network?.value.sriov, ['mlx5_core']);
    assert.equal(facts.memory?.value.offlineBlocks, 2);
    assert.equal(facts.memory?.value.hotplugDefaultOnline, false);
    assert.equal(facts.balloon?.value.maxMb, 16384);
    assert.equal(facts.trim?.value.fstrimTimer, 'enabled');
  });

  test('RHEL 9.2 on 2022 with Secure Boot off', () => {
    const { facts } = load('rhel9.txt');
    assert.equal(facts.os?.value.version, '9.2');
    assert.equal(facts.kernel?.value.distTag, 'el9_2');
    assert.equal(facts.host?.value.hostId, '2022');
    assert.equal(facts.secureBoot?.value, 'disabled');
    assert.equal(facts.daemons?.fcopy?.value.running, true);
    assert.equal(facts.trim?.value.discardMount, true);
    assert.equal(facts.ioSchedulers?.value[1]?.active, 'none');
    assert.equal(facts.vmbusDevices?.value.find((d) => d.classId === '34d14be3-dee4-41c8-9ae7-6b174977c192')?.kind, 'Guest services');
  });

  test('Ubuntu 14.04 without KVP/VSS daemons on 2012 R2', () => {
    const { facts } = load('ubuntu1404.txt');
    assert.equal(facts.os?.value.distro, 'ubuntu');
    assert.equal(facts.os?.value.version, '14.04');
    assert.equal(facts.kernel?.value.flavour, 'generic');
    assert.equal(facts.host?.value.hostId, '2012 R2');
    for (const kind of ['kvp', 'vss', 'fcopy'] as const) {
      assert.equal(facts.daemons?.[kind]?.value.installed, false, kind);
      assert.equal(facts.daemons?.[kind]?.value.running, false, kind);
    }
    assert.equal(facts.daemons?.ubuntuToolsForKernel?.value, false);
    assert.ok(facts.vmbusDevices?.value.some((d) => d.kind === 'Data Exchange'));
    assert.ok(facts.vmbusDevices?.value.some((d) => d.kind === 'Backup (volume checkpoint)'));
    assert.equal(facts.hvModules?.value.info.find((m) => m.name === 'hv_vmbus')?.version, '3.1');
    assert.equal(facts.storage?.value.emulatedIde, false);
  });

  test('Ubuntu 16.04 with per-kernel cloud tools', () => {
    const { facts } = load('ubuntu1604.txt');
    assert.equal(facts.os?.value.version, '16.04');
    assert.equal(facts.daemons?.ubuntuToolsForKernel?.value, true);
    assert.equal(facts.daemons?.kvp?.value.running, true);
    assert.equal(facts.daemons?.fcopy?.value.running, false);
    assert.equal(facts.cmdline?.value.elevator, 'noop');
    assert.ok(facts.hvModules?.value.loaded.includes('hv_sock'));
    assert.equal(facts.timeSync?.value.timesyncdActive, true);
  });

  test('Ubuntu 18.04 whose cloud tools lag the running kernel', () => {
    const { facts } = load('ubuntu1804.txt');
    assert.equal(facts.os?.value.version, '18.04');
    assert.equal(facts.daemons?.ubuntuToolsForKernel?.value, false);
    assert.equal(facts.daemons?.kvp?.value.installed, true);
    assert.equal(facts.daemons?.kvp?.value.running, false);
    assert.ok(facts.logSignatures?.some((s) => s.id === 'ubuntu-tools-missing' && s.count === 2));
    assert.deepEqual(facts.vmbus?.value, { version: '5.0', hostAtLeast: '2016' });
  });

  test('Ubuntu 20.04 collected without root: no kernel log, built-in vmbus/storvsc', () => {
    const bundle = load('ubuntu2004.txt');
    const { facts } = bundle;
    assert.ok(codes(bundle).includes('INPUT_NOT_ROOT'));
    assert.equal(facts.host, undefined, 'no host guessed without the kernel log');
    assert.deepEqual(facts.hvModules?.value.builtin, ['hv_storvsc', 'hv_vmbus']);
    assert.equal(facts.storage?.value.storvsc, true);
    assert.equal(facts.memory?.value.autoOnline, 'online');
    assert.equal(facts.memory?.value.hotplugDefaultOnline, true);
    assert.equal(facts.fstab?.value.byUuid, 2);
    assert.equal(facts.network?.value.macBound, false);
  });

  test('Ubuntu 22.04: absurd Dynamic Memory size is invalid, not Infinity', () => {
    const bundle = load('ubuntu2204.txt');
    assert.equal(bundle.facts.balloon?.value.maxMb, 'invalid');
    assert.ok(codes(bundle).includes('INPUT_VALUE_INVALID'));
    assert.equal(bundle.facts.azure?.value, false);
    assert.equal(bundle.facts.generation?.value, 2);
    assert.ok(bundle.facts.logSignatures?.some((s) => s.id === 'fcopy-channel-absent'));
  });

  test('Ubuntu 24.04 on build 26100, unredacted, with a legacy NIC', () => {
    const bundle = load('ubuntu2404.txt');
    const { facts } = bundle;
    assert.equal(facts.host?.value.hostId, '2025');
    assert.equal(facts.host?.confidence, 'low');
    assert.equal(facts.collector?.value.redacted, false);
    assert.ok(!codes(bundle).includes('INPUT_REDACTION_APPLIED'));
    assert.deepEqual(facts.network?.value.legacy, ['tulip']);
    assert.equal(facts.network?.value.synthetic, true);
    assert.equal(facts.network?.value.interfaces[1]?.macOui, '00:15:5d');
    assert.equal(facts.generation?.value, 1);
  });

  test('SLES 12 SP3 and SLES 15', () => {
    const sp3 = load('sles12sp3.txt').facts;
    assert.equal(sp3.os?.value.distro, 'sles');
    assert.equal(sp3.os?.value.version, '12 SP3');
    assert.equal(sp3.kernel?.value.flavour, 'default');
    assert.deepEqual(sp3.kernel?.value.vendorBuild, [94, 138]);
    assert.deepEqual(sp3.daemons?.kvp?.value.packages, ['hyper-v-7-8.1.x86_64']);
    assert.deepEqual(sp3.fstab?.value.devicePaths, ['/dev/sda2', '/dev/sda1']);
    const s15 = load('sles15.txt').facts;
    assert.equal(s15.os?.value.version, '15');
    assert.equal(s15.daemons?.kvp?.value.installed, true);
    assert.equal(s15.daemons?.kvp?.value.running, false);
    assert.equal(s15.daemons?.kvp?.value.enabled, false);
    assert.equal(s15.memory?.value.offlineBlocks, 32);
  });

  test('Debian 10 with hyperv-daemons, Debian 11 cloud kernel without them', () => {
    const d10 = load('debian10.txt').facts;
    assert.deepEqual([d10.os?.value.version, d10.os?.value.versionFull], ['10.13', '10.13']);
    assert.equal(d10.kernel?.value.flavour, 'amd64');
    assert.deepEqual(d10.daemons?.kvp?.value.units, ['hyperv-daemons.hv-kvp-daemon.service']);
    assert.equal(d10.daemons?.vss?.value.running, true);
    const d11 = load('debian11.txt').facts;
    assert.equal(d11.os?.value.version, '11.9');
    assert.equal(d11.kernel?.value.flavour, 'cloud-amd64');
    assert.equal(d11.daemons?.kvp?.value.installed, false);
    assert.equal(d11.host?.value.hostId, '2022');
  });

  test('FreeBSD 12.4 and 13.2', () => {
    const b12 = load('freebsd12.txt').facts;
    assert.equal(b12.os?.value.distro, 'freebsd');
    assert.equal(b12.os?.value.version, '12.4');
    assert.equal(b12.kernel?.value.osType, 'FreeBSD');
    assert.equal(b12.kernel?.value.arch, 'amd64');
    assert.equal(b12.virtualization?.value.hypervisor, 'hyperv');
    assert.deepEqual(b12.host?.value, {
      build: 17763,
      buildText: '10.0.17763 [SP0]',
      hostId: '2019',
      product: 'Windows Server 2019',
      osVersion: '10.0',
      source: 'freebsd-dmesg',
    });
    assert.equal(b12.generation?.value, 1);
    assert.deepEqual(b12.fstab?.value.devicePaths, ['/dev/da0p2', '/dev/da0p3']);
    assert.equal(b12.network?.value.synthetic, true);
    assert.equal(b12.daemons?.kvp?.value.running, true);
    assert.equal(b12.timeSync?.value.clocksource, 'Hyper-V-TSC');
    const b13 = load('freebsd13.txt').facts;
    assert.equal(b13.os?.value.version, '13.2');
    assert.equal(b13.generation?.value, 2);
    assert.equal(b13.fstab?.value.byLabel, 3);
    assert.deepEqual(b13.fstab?.value.devicePaths, []);
    assert.equal(b13.host?.value.hostId, '2022');
  });

  test('headerless paste with shell prompts (CentOS 7.5 + LIS 4.2.6 after a kernel update)', () => {
    const bundle = load('paste-centos7.txt');
    const { facts } = bundle;
    assert.equal(bundle.format, 'paste');
    assert.equal(facts.os?.value.distro, 'centos');
    assert.equal(facts.os?.value.version, '7.5');
    assert.equal(facts.kernel?.value.release, '3.10.0-862.14.4.el7.x86_64');
    assert.equal(facts.lis?.value.version, '4.2.6');
    const vmbus = facts.hvModules?.value.info.find((m) => m.name === 'hv_vmbus');
    assert.equal(vmbus?.vermagic, '3.10.0-862.11.6.el7.x86_64');
    assert.equal(vmbus?.fromLis, true);
    assert.ok(facts.logSignatures?.some((s) => s.id === 'symbol-mismatch' && s.count === 2));
    assert.equal(facts.daemons?.kvp?.value.running, true);
    assert.equal(facts.ioSchedulers?.value[0]?.device, 'sda');
    assert.equal(facts.host?.value.hostId, '2016');
  });

  test('headerless paste without prompts (Ubuntu 16.04 snippets)', () => {
    const { facts, format } = load('paste-snippets.txt');
    assert.equal(format, 'paste');
    assert.equal(facts.os?.value.version, '16.04');
    assert.equal(facts.kernel?.value.release, '4.4.0-21-generic');
    assert.deepEqual(facts.hvModules?.value.loaded, ['hv_netvsc', 'hv_storvsc', 'hv_utils', 'hv_vmbus']);
    assert.equal(facts.host?.value.hostId, '2012 R2');
    assert.equal(facts.balloon?.value.maxMb, 4096);
    assert.equal(facts.daemons?.kvp?.value.running, false);
    assert.equal(facts.daemons?.vss?.value.running, true);
    assert.equal(facts.daemons?.ubuntuToolsForKernel?.value, false);
  });

  test('a partial FreeBSD report takes its release from freebsd-version', () => {
    const { facts } = parseBundle(
      ['### lischeck-meta', 'os_type=FreeBSD', '### freebsd-version -ku', '13.2-RELEASE-p4', '13.2-RELEASE-p9', '### lischeck-end'].join(
        '\n',
      ),
    );
    assert.equal(facts.os?.value.distro, 'freebsd');
    assert.equal(facts.os?.value.version, '13.2');
  });

  test('os-release without ID or VERSION_ID: NAME and VERSION name the release', () => {
    const cases: ReadonlyArray<readonly [string, string, string, string]> = [
      ['SLES', '15-SP3', 'sles', '15 SP3'],
      ['Ubuntu', '22.04.4 LTS (Jammy Jellyfish)', 'ubuntu', '22.04'],
      ['Red Hat Enterprise Linux', '8.4 (Ootpa)', 'rhel', '8.4'],
      ['CentOS Linux', '7 (Core)', 'centos', '7'],
      ['Debian GNU/Linux', '11 (bullseye)', 'debian', '11'],
      ['openSUSE Leap', '15.5', 'opensuse', '15.5'],
    ];
    for (const [name, version, distro, release] of cases) {
      const { facts } = parseBundle(`$ cat /etc/os-release | head -2\nNAME="${name}"\nVERSION="${version}"\n`);
      assert.equal(facts.os?.value.distro, distro, name);
      assert.equal(facts.os?.value.version, release, name);
    }
  });

  test('sosreport-like dump (RHEL 7.6)', () => {
    const bundle = load('sosreport-rhel7.txt');
    const { facts } = bundle;
    assert.equal(bundle.format, 'sosreport');
    assert.equal(facts.os?.value.version, '7.6');
    assert.equal(facts.kernel?.value.release, '3.10.0-957.27.2.el7.x86_64');
    assert.equal(facts.host?.value.hostId, '2019');
    assert.equal(facts.daemons?.kvp?.value.running, true);
    assert.equal(facts.daemons?.fcopy?.value.running, false);
    assert.equal(facts.ioSchedulers?.value.length, 2);
    assert.equal(facts.vmbusDevices?.value[0]?.kind, 'Dynamic Memory');
    assert.equal(facts.network?.value.interfaces[0]?.driver, 'hv_netvsc');
    assert.equal(facts.cmdline?.value.elevator, 'noop');
    assert.ok(facts.logSignatures?.some((s) => s.id === 'storvsc-errors'));
    assert.ok(codes(bundle).includes('INPUT_UNKNOWN_FORMAT'), 'unused sosreport files are reported');
  });

  test('CRLF line ends, ANSI colours and a NUL byte', () => {
    const bundle = load('crlf-ansi-sles15sp5.txt');
    const { facts } = bundle;
    assert.equal(bundle.stats.truncated, false);
    assert.equal(facts.os?.value.version, '15 SP5');
    assert.equal(facts.kernel?.value.release, '5.14.21-150500.55.39-default');
    assert.equal(facts.host?.value.hostId, '2022');
    assert.equal(facts.daemons?.kvp?.value.running, true);
    assert.equal(facts.daemons?.kvp?.value.enabled, true);
    assert.ok(facts.logSignatures?.some((s) => s.id === 'netvsc-errors'));
    for (const section of bundle.sections.values()) {
      // eslint-disable-next-line no-control-regex -- control characters are what must be gone
      for (const line of section.lines) assert.doesNotMatch(line, /[\r\u001b\u0000]/);
    }
  });
});

describe('tolerance', () => {
  const base = readFileSync(join(FIXTURES, 'ubuntu1404.txt'), 'utf8');

  test('missing end marker means truncated, facts still read', () => {
    const cut = base.slice(0, base.indexOf('### packages'));
    const bundle = parseBundle(cut);
    assert.equal(bundle.stats.truncated, true);
    assert.ok(codes(bundle).includes('INPUT_TRUNCATED'));
    assert.ok(codes(bundle).includes('INPUT_SECTION_MISSING'));
    assert.equal(bundle.facts.os?.value.version, '14.04');
    assert.equal(bundle.facts.daemons, undefined, 'no packages, no ps: daemon state unknown, not "missing"');
  });

  test('duplicate sections: the first wins and the repeat is reported', () => {
    const dup = base.replace(
      '### lischeck-end',
      '### uname -a\nLinux fake 9.9.9-1-generic #1 SMP x86_64 GNU/Linux\n# rc=0\n### lischeck-end',
    );
    const bundle = parseBundle(dup);
    assert.equal(bundle.facts.kernel?.value.release, '3.13.0-170-generic');
    assert.equal(bundle.sections.get('uname -a')?.duplicates, 1);
    assert.ok(codes(bundle).includes('INPUT_DUPLICATE_SECTION'));
  });

  test('unknown headers are reported and their bodies never read', () => {
    const text = base.replace('### lischeck-end', '### rm -rf /\nID=freebsd\n# rc=0\n### lischeck-end');
    const bundle = parseBundle(text);
    assert.ok(codes(bundle).includes('INPUT_UNKNOWN_FORMAT'));
    assert.equal(bundle.facts.os?.value.distro, 'ubuntu');
    assert.ok(!bundle.diagnostics.some((d) => d.message.includes('rm -rf')));
  });

  test('user-context inside the upload is ignored; after the end marker it is read', () => {
    const inside = base.replace('### uname -a', '### user-context\nclustered=yes\n### uname -a');
    const b1 = parseBundle(inside);
    assert.ok(codes(b1).includes('INPUT_CONTEXT_IN_UPLOAD'));
    assert.equal(b1.facts.userContext, undefined);
    const after = `${base}### user-context\nclustered=yes\nmac_type=dynamic\ndm_max_mb=8192\n`;
    const b2 = parseBundle(after);
    assert.deepEqual(b2.facts.userContext?.value, { clustered: true, macType: 'dynamic', dmMaxMb: 8192 });
  });

  test('reordered sections give the same facts', () => {
    const parts = base.split(/(?=^### )/m);
    const meta = parts.shift() ?? '';
    const end = parts.pop() ?? '';
    const shuffled = meta + [...parts].reverse().join('') + end;
    const values = (text: string) => JSON.stringify(parseBundle(text).facts, (k, v: unknown) => (k === 'evidence' ? undefined : v));
    assert.equal(values(shuffled), values(base));
  });

  test('long lines are cut at the limit and reported', () => {
    const text = base.replace('### lischeck-end', `### tuned-adm active\n${'x'.repeat(MAX_LINE_CHARS * 3)}\n# rc=0\n### lischeck-end`);
    const bundle = parseBundle(text);
    const line = bundle.sections.get('tuned-adm active')?.lines[0] ?? '';
    assert.equal(line.length, MAX_LINE_CHARS);
    assert.ok(codes(bundle).includes('INPUT_LINE_TOO_LONG'));
  });

  test('uploads over 5 MB are cut, not refused', () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 'a\n');
    const bundle = parseBundle(big);
    assert.ok(codes(bundle).includes('INPUT_TOO_LARGE'));
    assert.equal(bundle.stats.bytes, MAX_UPLOAD_BYTES + 1024);
    assert.equal(bundle.stats.truncated, true);
  });

  test('binary uploads are flagged; text lines inside still count', () => {
    const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const bundle = parseBundle(Buffer.concat([junk, Buffer.from(`\nLinux host 4.4.0-21-generic #37-Ubuntu SMP x86_64 GNU/Linux\n`)]));
    assert.ok(codes(bundle).includes('INPUT_BINARY_DATA'));
    assert.equal(bundle.facts.kernel?.value.release, '4.4.0-21-generic');
  });

  test('empty and whitespace-only uploads', () => {
    assert.ok(codes(parseBundle('')).includes('INPUT_EMPTY'));
    assert.equal(parseBundle('  \n\n').format, 'empty');
  });

  test('a collector output that says it is a newer format is flagged', () => {
    const bundle = parseBundle(base.replace('format=1', 'format=7'));
    assert.ok(codes(bundle).includes('INPUT_FORMAT_NEWER'));
  });
});

describe('rule catalogue', () => {
  test('ids are unique UPPER_SNAKE and name real facts', () => {
    const ids = RULE_CATALOGUE.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    const factKeys = new Set(Object.keys(GuestFacts.shape));
    for (const rule of RULE_CATALOGUE) {
      assert.match(rule.id, /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/);
      for (const fact of rule.needsFacts) assert.ok(factKeys.has(fact), `${rule.id} needs unknown fact ${fact}`);
    }
    for (const id of ['DM_BALLOON_ONLY', 'LIS_OUTDATED', 'KVP_DAEMON_MISSING', 'VSS_DAEMON_MISSING', 'BP_IO_SCHEDULER'])
      assert.ok(ids.includes(id));
  });
});
