import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowFacts } from '../../src/check/inventory/row-facts.ts';
import {
  checkBundle,
  checkFacts,
  evaluateBundle,
  renderReportText,
  reportToReply,
  type CheckReport,
} from '../../src/check/report/index.ts';
import { CheckReportSchema } from '../../src/check/report/schema.ts';
import { realKb } from '../helpers/real-kb.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bundles');
const AS_OF = '2025-06-01';

function check(name: string, options: { asOf?: string; host?: '2012 R2' | '2016' | '2019' | '2022' } = {}): CheckReport {
  const result = evaluateBundle(realKb(), readFileSync(join(FIXTURES, name)), { asOf: AS_OF, ...options });
  assert.deepEqual(result.errors, [], `rules threw on ${name}`);
  return CheckReportSchema.parse(result.report);
}

const ids = (report: CheckReport) => report.findings.map((f) => f.id);
const find = (report: CheckReport, id: string) => report.findings.find((f) => f.id === id);

interface Expectation {
  readonly has: readonly string[];
  readonly hasNot?: readonly string[];
  readonly status?: CheckReport['status'];
  /** No finding at warning level or above. */
  readonly calm?: boolean;
}

/** What each fixture bundle must (and must not) report. */
const EXPECTED: Record<string, Expectation> = {
  'rhel63-lis35.txt': {
    has: [
      'DM_BALLOON_ONLY',
      'LIS_OUTDATED',
      'DM_HOTADD_FAILED',
      'VSS_DAEMON_MISSING',
      'LIS_VMBUS_CAPPED',
      'TRIM_NOT_SUPPORTED',
      'SUPPORT_DISTRO_EOL',
    ],
    hasNot: ['LIS_REQUIRED_MISSING', 'LIS_MODULES_NOT_LOADED', 'LIS_INITRD_MISSING_HV', 'LIS_KERNEL_UNSUPPORTED', 'KVP_DAEMON_MISSING'],
    status: 'supported',
  },
  'ubuntu1404.txt': {
    has: ['KVP_DAEMON_MISSING', 'VSS_DAEMON_MISSING', 'LIS_BUILTIN_VERSION_NOTE', 'BP_UBUNTU_KERNEL_FLAVOUR', 'SUPPORT_DISTRO_EOL'],
    hasNot: ['KVP_UBUNTU_TOOLS_MISMATCH', 'KVP_DAEMON_NOT_RUNNING', 'LIS_OUTDATED'],
    status: 'supported',
  },
  'paste-centos7.txt': {
    has: ['LIS_MODULES_NOT_LOADED', 'KI_LIS_SYMBOL_MISMATCH', 'LIS_KERNEL_UNSUPPORTED', 'LIS_OUTDATED', 'LIS_NOT_NEEDED_BUILTIN'],
  },
  'rhel5-lis42.txt': { has: ['LIS_OUTDATED', 'DM_BALLOON_ONLY', 'LIS_NOT_NEEDED_BUILTIN'], hasNot: ['LIS_MODULES_NOT_LOADED'] },
  'rhel7.txt': {
    has: ['TRIM_NOT_USED', 'BP_GEN2_GRUB_TIMEOUT', 'SUPPORT_DISTRO_EOL'],
    hasNot: ['KVP_DAEMON_MISSING', 'VSS_DAEMON_MISSING', 'LIS_INITRD_MISSING_HV'],
    status: 'supported',
  },
  'rhel8.txt': { has: ['SUPPORT_MINOR_RELEASE_OLD', 'FEATURE_TABLE'], calm: true, status: 'supported' },
  'rhel9.txt': { has: ['FEATURE_TABLE', 'HV_HOST_IDENTIFIED'], calm: true, status: 'supported' },
  'sles12sp3.txt': { has: ['SUPPORT_DISTRO_EOL'], hasNot: ['KVP_DAEMON_MISSING'] },
  'sles15.txt': { has: ['DM_HOTADD_NOT_ONLINED', 'KVP_DAEMON_NOT_RUNNING', 'VSS_DAEMON_MISSING'] },
  'ubuntu1604.txt': {
    has: ['SUPPORT_DISTRO_EOL'],
    hasNot: ['KVP_DAEMON_MISSING', 'KVP_UBUNTU_TOOLS_MISMATCH', 'BP_UBUNTU_KERNEL_FLAVOUR'],
  },
  'ubuntu1804.txt': { has: ['KVP_UBUNTU_TOOLS_MISMATCH', 'KVP_DAEMON_NOT_RUNNING'] },
  'ubuntu2004.txt': { has: ['SUPPORT_DISTRO_EOL'], hasNot: ['HV_HOST_IDENTIFIED'] },
  'ubuntu2204.txt': { has: ['FCOPY_NOT_AVAILABLE'], calm: true },
  'ubuntu2404.txt': { has: ['BP_LEGACY_NIC', 'SUPPORT_NOT_IN_MATRIX'], status: 'unknown' },
  'debian10.txt': { has: ['SUPPORT_DISTRO_EOL', 'LIS_VMBUS_CAPPED'], hasNot: ['KVP_DAEMON_MISSING'] },
  'debian11.txt': { has: ['KVP_DAEMON_MISSING', 'VSS_DAEMON_MISSING', 'SUPPORT_NOT_IN_MATRIX'], status: 'unknown' },
  'freebsd12.txt': { has: ['BP_FREEBSD_DISK_LABELS'], hasNot: ['BP_FREEBSD_MTU', 'LIS_OUTDATED'] },
  'freebsd13.txt': { has: ['HV_HOST_IDENTIFIED'], hasNot: ['BP_FREEBSD_DISK_LABELS', 'BP_CLOCKSOURCE'] },
  'sosreport-rhel7.txt': { has: ['KI_STORVSC_ERRORS', 'HV_DEVICE_NO_DRIVER'] },
  'crlf-ansi-sles15sp5.txt': { has: ['KI_NETVSC_ERRORS'], hasNot: ['HV_NOT_DETECTED'] },
  'paste-snippets.txt': { has: ['KVP_UBUNTU_TOOLS_MISMATCH', 'KVP_DAEMON_NOT_RUNNING'] },
};

describe('whole-bundle fixtures', () => {
  test('every fixture has expectations', () => {
    assert.deepEqual(
      readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
      Object.keys(EXPECTED).sort(),
    );
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    test(name, () => {
      const report = check(name);
      for (const id of want.has) assert.ok(ids(report).includes(id), `${name}: expected ${id}, got ${ids(report).join(' ')}`);
      for (const id of want.hasNot ?? []) assert.ok(!ids(report).includes(id), `${name}: did not expect ${id}`);
      if (want.status) assert.equal(report.status, want.status);
      if (want.calm)
        assert.deepEqual(
          report.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning').map((f) => f.id),
          [],
        );
    });
  }
});

describe('the issue\'s "done when" cases', () => {
  test('RHEL 6.3 + LIS 3.5: balloon-only Dynamic Memory and an outdated LIS', () => {
    const report = check('rhel63-lis35.txt');
    assert.deepEqual(report.guest, { distro: 'rhel', version: '6.3', kernel: '2.6.32-279.el6.x86_64', arch: 'x86_64', generation: 1 });
    assert.deepEqual(report.host, { id: '2012 R2', source: 'dmesg' });
    assert.deepEqual(report.integration, { kind: 'download', package: 'LIS 3.5' });
    const balloon = find(report, 'DM_BALLOON_ONLY');
    assert.equal(balloon?.severity, 'warning');
    assert.match(balloon?.detail ?? '', /LIS 3\.5/);
    assert.match(balloon?.fix ?? '', /Startup memory equal to Maximum/);
    assert.ok(balloon?.evidence.some((e) => /hot add failed|hv_balloon/i.test(e)));
    const lis = find(report, 'LIS_OUTDATED');
    assert.equal(lis?.severity, 'warning');
    assert.match(lis?.detail ?? '', /LIS 3\.5 .*superseded.*LIS 4\.3/);
    assert.ok(lis?.evidence.some((e) => e.includes('microsoft-hyper-v')));
    const hotAdd = report.features.find((f) => f.feature === 'dm-hot-add');
    assert.equal(hotAdd?.available, false);
    assert.match(hotAdd?.why ?? '', /LIS 3\.5 column/);
    assert.equal(report.features.find((f) => f.feature === 'dm-ballooning')?.available, true);
  });

  test('Ubuntu 14.04 without daemons: KVP and VSS daemons missing, with the Ubuntu fix', () => {
    const report = check('ubuntu1404.txt');
    for (const id of ['KVP_DAEMON_MISSING', 'VSS_DAEMON_MISSING']) {
      const f = find(report, id);
      assert.equal(f?.severity, 'warning', id);
      assert.match(f?.fix ?? '', /Ubuntu 14\.04: sudo apt-get install hv-kvp-daemon-init linux-cloud-tools-generic/, id);
      assert.match(f?.fix ?? '', /linux-cloud-tools-\$\(uname -r\)/, id);
    }
    assert.match(find(report, 'KVP_DAEMON_MISSING')?.source ?? '', /ubuntu-install-kvp-daemon/);
    assert.equal(report.features.find((f) => f.feature === 'kvp')?.available, false);
  });
});

describe('report', () => {
  test('input section: sections counted, truncation and diagnostics reported', () => {
    const full = check('rhel63-lis35.txt');
    assert.ok(full.input.sections > 30);
    assert.equal(full.input.truncated, false);
    assert.ok(full.input.diagnostics.some((d) => d.startsWith('INPUT_REDACTION_APPLIED')));
    const text = readFileSync(join(FIXTURES, 'rhel63-lis35.txt'), 'utf8');
    const cut = checkBundle(realKb(), text.slice(0, Math.floor(text.length / 2)), { asOf: AS_OF });
    assert.equal(cut.input.truncated, true);
    assert.ok(cut.input.diagnostics.some((d) => d.startsWith('INPUT_TRUNCATED')));
  });

  test('--host fills in a host the upload does not show', () => {
    const without = check('ubuntu2004.txt');
    assert.equal(without.host, null);
    const withHost = check('ubuntu2004.txt', { host: '2019' });
    assert.deepEqual(withHost.host, { id: '2019', source: 'user' });
    assert.ok(ids(withHost).includes('HV_HOST_IDENTIFIED'));
  });

  test('a bad as-of date falls back to today instead of throwing', () => {
    const report = checkBundle(realKb(), readFileSync(join(FIXTURES, 'rhel7.txt')), { asOf: 'yesterday' });
    assert.equal(report.guest.version, '7.9');
  });

  test('not a Hyper-V guest: status unknown, only the explaining findings', () => {
    const report = checkBundle(
      realKb(),
      '### lischeck-meta\nformat=1\nuid=0\n### uname -a\nLinux vm 5.15.0-1-generic #1 SMP x86_64 GNU/Linux\n# rc=0\n### systemd-detect-virt\nkvm\n# rc=0\n### lsmod\nModule Size Used by\nvirtio_net 1000 0\n# rc=0\n### lischeck-end\n',
      { asOf: AS_OF },
    );
    assert.equal(report.status, 'unknown');
    assert.deepEqual(ids(report), ['HV_NOT_DETECTED']);
  });

  test('checkFacts reports an inventory row', () => {
    const facts = rowFacts(
      {
        vm_id: 'vm-1',
        host_os: 'Windows Server 2012 R2',
        os_family: 'RHEL',
        os_version: '6.3',
        kernel: '2.6.32-279.el6.x86_64',
        arch: 'x86_64',
        lis_package: 'LIS 3.5',
        dynamic_memory: 'yes',
        kvp_daemon: 'running',
        vss_daemon: 'missing',
      },
      2,
    );
    const report = CheckReportSchema.parse(checkFacts(realKb(), facts, { asOf: AS_OF })) as CheckReport;
    assert.deepEqual(report.host, { id: '2012 R2', source: 'inventory' });
    assert.ok(ids(report).includes('DM_BALLOON_ONLY'));
    assert.ok(ids(report).includes('LIS_OUTDATED'));
    assert.ok(ids(report).includes('VSS_DAEMON_MISSING'));
    assert.equal(report.input.sections, 0);
  });
});

describe('reply and text', () => {
  test('reportToReply: title, short text, at most 10 fields, sources, actions', () => {
    const kb = realKb();
    const report = check('rhel63-lis35.txt');
    const r = reportToReply(kb, report);
    assert.equal(r.intent, 'guest_check');
    assert.equal(r.title, 'Check: Red Hat Enterprise Linux 6.3 on Windows Server 2012 R2');
    assert.match(r.text, /^Status: supported/);
    assert.match(r.text, /LIS 3\.5 download/);
    assert.ok(r.fields.length > 0 && r.fields.length <= 10);
    assert.ok(r.fields.some((f) => f.value.includes('(DM_BALLOON_ONLY)')));
    assert.ok(r.fields.every((f) => !f.value.includes('FEATURE_TABLE')));
    assert.equal(r.verdict, 'supported');
    assert.deepEqual(r.integration, { kind: 'download', package: 'LIS 3.5' });
    assert.deepEqual(r.entities, { distro: 'rhel', version: '6.3', host: '2012 R2' });
    assert.ok(r.sources.length > 0);
    for (const s of r.sources) assert.ok(kb.sources.has(s.id));
    assert.deepEqual(
      r.actions.map((a) => a.kind),
      ['check-vm', 'show-matrix'],
    );
    assert.ok(r.table && r.table.rows.some((row) => row[0]?.includes('hot-add') && row[1] === 'no'));
  });

  test('upload text never reaches headings or our sentences as markup', () => {
    const hostile = [
      '### lischeck-meta',
      'format=1',
      'uid=0',
      '### uname -a',
      'Linux <!channel> 5.15.0-1-`x`<@U123>*b* #1 SMP x86_64 GNU/Linux',
      '# rc=0',
      '### cat /etc/os-release',
      'ID=ubuntu',
      'VERSION_ID="22.04"',
      'PRETTY_NAME="@everyone <script>"',
      '# rc=0',
      '### dmesg (filtered)',
      'hv_vmbus: Hyper-V Host Build:20348-10.0-1-0.1; Vmbus version:5.3',
      'hv_netvsc <!here> ring buffer fail',
      '# rc=0',
      '### lischeck-end',
    ].join('\n');
    const report = checkBundle(realKb(), hostile, { asOf: AS_OF });
    const r = reportToReply(realKb(), report);
    const ours = [r.title, r.text, ...r.fields.map((f) => `${f.label} ${f.value}`), ...r.notes];
    for (const text of ours) assert.doesNotMatch(text, /<!|<@|@everyone|<script|`/, text);
    assert.ok(report.findings.flatMap((f) => f.evidence).every((e) => e.length <= 200));
  });

  test('renderReportText: readable, complete and free of control characters', () => {
    const text = renderReportText(check('rhel63-lis35.txt'), { notEvaluated: 1 });
    assert.match(text, /^Guest: +rhel 6\.3, kernel 2\.6\.32-279\.el6\.x86_64 \(x86_64\), Generation 1$/m);
    assert.match(text, /^Host: +Windows Server 2012 R2 \(from dmesg\)$/m);
    assert.match(text, /WARNING +DM_BALLOON_ONLY/);
    assert.match(text, /1 rules not evaluated/);
    assert.match(text, /^ {2}dm-hot-add +no /m);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
