import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GuestFacts } from '../../src/check/guest-facts.ts';
import type { CheckOptions, Finding } from '../../src/check/report/check-report.ts';
import { FindingSchema } from '../../src/check/report/schema.ts';
import { RULE_CATALOGUE, type RuleId } from '../../src/check/rules/catalogue.ts';
import { buildContext } from '../../src/check/rules/context.ts';
import { NOT_IMPLEMENTED, RULES, RULES_BY_ID } from '../../src/check/rules/registry.ts';
import { runRules } from '../../src/check/rules/run.ts';
import type { RuleOutcome } from '../../src/check/rules/types.ts';
import { realKb } from '../helpers/real-kb.ts';
import { daemon, FC_CLASS, guestWith, healthyGuest, hostId, kernel, lisFacts, obs, os, signature } from './guest-facts.ts';

const AS_OF = '2025-06-01';

function evaluate(id: RuleId, facts: GuestFacts, options: CheckOptions = {}): RuleOutcome {
  const rule = RULES_BY_ID.get(id);
  assert.ok(rule, `no rule registered for ${id}`);
  const checked = GuestFacts.safeParse(facts);
  assert.ok(checked.success, checked.success ? '' : `test facts for ${id} are not valid GuestFacts: ${checked.error.message}`);
  return rule.evaluate(buildContext(realKb(), facts, { asOf: AS_OF, ...options }));
}

function findingsOf(outcome: RuleOutcome): Finding[] {
  if (outcome === 'pass' || outcome === 'skip') return [];
  return Array.isArray(outcome) ? [...(outcome as Finding[])] : [outcome as Finding];
}

interface RuleCase {
  /** Facts changed from the healthy guest that make the rule fire. */
  readonly fires: Parameters<typeof guestWith>[0];
  readonly severity?: Finding['severity'];
  /** Text the finding (detail or fix) must contain. */
  readonly says?: RegExp;
  /** Facts changed from the healthy guest under which the rule stays quiet ({} = the healthy guest). */
  readonly quiet?: Parameters<typeof guestWith>[0];
  readonly quietOutcome?: 'pass' | 'skip';
  readonly options?: CheckOptions;
}

const noDrivers = {
  hvModules: obs({ loaded: [], builtin: [], info: [], loadedVersions: {} }),
  vmbus: undefined,
  vmbusDevices: undefined,
  network: undefined,
  storage: undefined,
  balloon: undefined,
  host: undefined,
};
const rhel63lis35 = {
  os: os('rhel', '6.3'),
  kernel: kernel('2.6.32-279.el6.x86_64', [2, 6, 32], { distTag: 'el6', vendorBuild: [279] }),
  lis: lisFacts('3.5'),
  host: hostId('2012 R2', 9600),
  vmbus: obs({ version: '2.4', hostAtLeast: '2012' }),
};
const rhel64 = {
  os: os('rhel', '6.4'),
  kernel: kernel('2.6.32-358.el6.x86_64', [2, 6, 32], { distTag: 'el6', vendorBuild: [358] }),
  host: hostId('2012 R2', 9600),
  vmbus: obs({ version: '3.0', hostAtLeast: '2012 R2' }),
};
const lisModules = (vermagic: string, version = '4.2.6') =>
  obs({
    loaded: ['hv_vmbus', 'hv_storvsc'],
    builtin: [],
    loadedVersions: { hv_vmbus: version },
    info: [
      {
        name: 'hv_vmbus',
        filename: '/lib/modules/x/weak-updates/microsoft-hyper-v/hv_vmbus.ko',
        version,
        vermagic,
        notFound: false,
        builtin: false,
        fromLis: true,
      },
    ],
  });
const centos75 = {
  os: os('centos', '7.5'),
  kernel: kernel('3.10.0-862.14.4.el7.x86_64', [3, 10, 0], { distTag: 'el7', vendorBuild: [862, 14, 4] }),
  lis: lisFacts('4.2.6'),
  host: hostId('2016', 14393),
};
const freebsd = (version: string) => ({
  os: os('freebsd', version),
  kernel: obs({
    osType: 'FreeBSD',
    release: `${version}-RELEASE`,
    arch: 'amd64',
    upstream: version.split('.').map(Number),
    vendorBuild: [],
    pae: false,
  }),
});
const ubuntu = (version: string, release: string, upstream: number[]) => ({
  os: os('ubuntu', version),
  kernel: kernel(release, upstream, { flavour: 'generic' }),
});

const CASES: Record<RuleId, RuleCase> = {
  HV_NOT_DETECTED: {
    fires: { ...noDrivers, virtualization: obs({ hypervisor: 'other', detail: 'kvm' }) },
    says: /another hypervisor \(kvm\)/,
  },
  HV_AZURE_GUEST: { fires: { azure: obs(true) }, says: /Azure/ },
  HV_HOST_IDENTIFIED: {
    fires: {},
    says: /Windows Server 2019 \(build 17763\)/,
    quiet: { host: undefined, vmbus: undefined },
    quietOutcome: 'skip',
  },
  HV_DEVICE_NO_DRIVER: {
    fires: { vmbusDevices: obs([{ id: 'd4', classId: '525074dc-8985-46e2-8057-a307dc18a502', kind: 'Dynamic Memory' }]) },
    severity: 'warning',
    says: /hv_balloon/,
  },
  SUPPORT_DISTRO_EOL: { fires: { os: os('rhel', '6.10') }, severity: 'warning', says: /2020-11-30.*as of 2025-06-01/ },
  SUPPORT_NOT_IN_MATRIX: {
    fires: { os: os('debian', '11'), host: hostId('2022', 20348) },
    severity: 'warning',
    says: /not a listed combination/,
  },
  SUPPORT_HOST_EOL: { fires: { host: hostId('2012 R2', 9600) }, says: /2023-10-10/ },
  SUPPORT_KERNEL_DROPPED_HOST: {
    fires: { host: hostId('2008 R2', 7601), vmbus: undefined, kernel: kernel('6.1.0-13-amd64', [6, 1, 0]) },
    severity: 'critical',
  },
  SUPPORT_MINOR_RELEASE_OLD: { fires: { os: os('rhel', '7.4') }, says: /7\.9/ },
  SUPPORT_32BIT_GUEST: { fires: { kernel: kernel('2.6.32-754.el6.i686', [2, 6, 32], { arch: 'i686' }) } },
  LIS_REQUIRED_MISSING: {
    fires: { ...noDrivers, os: os('rhel', '6.2'), lis: obs({ installed: false, packages: [] }) },
    severity: 'critical',
  },
  LIS_NOT_NEEDED_BUILTIN: { fires: centos75, says: /built in/ },
  LIS_OUTDATED: { fires: rhel63lis35, says: /LIS 3\.5.*LIS 4\.3/, quiet: { ...centos75, lis: lisFacts('4.3.5') } },
  LIS_MODULES_NOT_LOADED: {
    fires: {
      ...centos75,
      logSignatures: [signature('symbol-mismatch', 2, 'hv_vmbus: disagrees about version of symbol vmbus_driver_unregister')],
    },
    severity: 'critical',
    quiet: { ...centos75, hvModules: lisModules('3.10.0-862.14.4.el7.x86_64') },
  },
  LIS_KERNEL_UNSUPPORTED: {
    fires: { ...centos75, hvModules: lisModules('3.10.0-862.11.6.el7.x86_64') },
    says: /862\.11\.6/,
    quiet: { ...centos75, hvModules: lisModules('3.10.0-862.14.4.el7.x86_64') },
  },
  LIS_KERNEL_UPDATE_RISK: {
    fires: { ...centos75, kernelPackages: obs({ installed: ['3.10.0-862.14.4.el7', '3.10.0-957.1.3.el7'], meta: [] }) },
    says: /957\.1\.3/,
    quiet: { ...centos75, kernelPackages: obs({ installed: ['3.10.0-862.14.4.el7'], meta: [] }) },
  },
  LIS_DAEMON_CONFLICT: {
    fires: {
      ...centos75,
      daemons: {
        kvp: daemon(
          { installed: true, running: true },
          { packages: ['hyperv-daemons-0-0.29.el7.x86_64', 'microsoft-hyper-v-4.2.6-20180824.x86_64'] },
        ),
      },
    },
    quiet: {
      ...centos75,
      daemons: {
        kvp: daemon(
          { installed: true, running: true },
          { packages: ['microsoft-hyper-v-4.2.6-20180824.x86_64'], processes: ['hv_kvp_daemon'] },
        ),
      },
    },
  },
  LIS_BUILTIN_VERSION_NOTE: {
    fires: {
      hvModules: obs({
        loaded: ['hv_vmbus'],
        builtin: [],
        loadedVersions: {},
        info: [{ name: 'hv_vmbus', version: '3.1', notFound: false, builtin: false, fromLis: false }],
      }),
    },
    says: /3\.1/,
  },
  LIS_VMBUS_CAPPED: { fires: rhel63lis35, says: /VMBus 2\.4.*up to 3\.0/ },
  LIS_INITRD_MISSING_HV: {
    fires: { initramfs: obs({ modules: ['hv_vmbus'], unreadable: false }) },
    severity: 'critical',
    says: /hv_storvsc.*dracut/,
  },
  FEATURE_TABLE: { fires: {}, says: /Available: .*Dynamic Memory/, quiet: { os: undefined }, quietOutcome: 'skip' },
  DM_32BIT: { fires: { kernel: kernel('2.6.32-754.el6.i686', [2, 6, 32], { arch: 'i686' }) }, severity: 'warning' },
  DM_HOST_NO_LINUX_DM: { fires: { host: hostId('2008 R2', 7601), vmbus: undefined } },
  DM_BALLOON_ONLY: {
    fires: { ...rhel63lis35, balloon: obs({ driver: true, dmOffered: true, hotAddFailed: true }) },
    severity: 'warning',
    says: /Startup memory equal to Maximum/,
  },
  DM_HOTADD_NOT_ONLINED: {
    fires: {
      memory: obs({ hotplugConfig: true, hotplugDefaultOnline: false, autoOnline: 'offline', onlineRule: false, offlineBlocks: 4 }),
    },
    says: /100-balloon\.rules/,
  },
  DM_HOTADD_FAILED: { fires: { balloon: obs({ driver: true, dmOffered: true, hotAddFailed: true }) } },
  DM_SIZING_TIP: { fires: {}, severity: 'tip', says: /128 MB/, quiet: { userContext: obs({ dynamicMemory: false }) } },
  KVP_DAEMON_MISSING: { fires: { daemons: { kvp: daemon({ installed: false, running: false }) } }, says: /hyperv-daemons/ },
  KVP_DAEMON_NOT_RUNNING: {
    fires: { daemons: { kvp: daemon({ installed: true, running: false }, { units: ['hypervkvpd.service'] }) } },
    says: /systemctl enable --now hypervkvpd\.service/,
  },
  KVP_UBUNTU_TOOLS_MISMATCH: {
    fires: {
      ...ubuntu('18.04', '4.15.0-213-generic', [4, 15, 0]),
      daemons: { kvp: daemon({ installed: true, running: false }), ubuntuToolsForKernel: obs(false) },
    },
    says: /linux-cloud-tools-virtual/,
  },
  KVP_PROTOCOL_MISMATCH: { fires: { logSignatures: [signature('kvp-protocol-mismatch', 1, 'KVP: Upgrade the KVP daemon')] } },
  KVP_POOL_PERMS: {
    fires: { kvpPools: obs({ files: [{ name: '.kvp_pool_3', mode: '600', size: 28160 }], missing: false }) },
    says: /mode 600.*expected 644/,
  },
  VSS_DAEMON_MISSING: { fires: { daemons: { vss: daemon({ installed: false, running: false }) } }, says: /hyperv-daemons/ },
  VSS_DAEMON_NOT_RUNNING: {
    fires: { daemons: { vss: daemon({ installed: true, running: false }, { units: ['hypervvssd.service'] }) } },
    says: /saved state[\s\S]*systemctl enable --now hypervvssd\.service/,
  },
  VSS_NOT_AVAILABLE: { fires: { host: hostId('2012', 9200), vmbus: undefined }, says: /2012 R2/ },
  VSS_CAVEATS: {
    fires: {
      storage: obs({
        hostAdapters: ['storvsc'],
        storvsc: true,
        emulatedIde: false,
        disks: [{ name: 'sdb', vendor: 'LIO-ORG', model: 'lun0' }],
      }),
    },
    says: /sdb/,
  },
  VSS_TIMEOUTS: { fires: { logSignatures: [signature('vss-timeout', 3, 'hv_utils: VSS: timeout waiting for daemon to reply')] } },
  FCOPY_NOT_AVAILABLE: {
    fires: {
      vmbusDevices: obs([{ id: 'd1', classId: 'a9a0f4e7-5a45-4d96-b827-8a841e8c03e6', kind: 'Data Exchange', driver: 'hv_utils' }]),
    },
    says: /Guest Service Interface/,
  },
  HOST_IC_NO_CONTACT: {
    fires: {
      ...ubuntu('22.04', '5.15.0-91-generic', [5, 15, 0]),
      vmSettings: obs({
        integrationServices: [
          { name: 'Heartbeat', enabled: true, status: 'OK' },
          { name: 'Key-Value Pair Exchange', enabled: true, status: 'No Contact' },
        ],
      }),
    },
    says: /hv_kvp_daemon.*no IP address[\s\S]*linux-cloud-tools-virtual/,
    quiet: { vmSettings: obs({ integrationServices: [{ name: 'Key-Value Pair Exchange', enabled: true, status: 'OK' }] }) },
  },
  HOST_IC_DISABLED: {
    fires: { vmSettings: obs({ integrationServices: [{ name: 'VSS', enabled: false, status: 'OK' }] }) },
    severity: 'warning',
    says: /offline[\s\S]*Enable-VMIntegrationService -VMName <vm> -Name "VSS"/,
    quiet: { vmSettings: obs({ integrationServices: [{ name: 'VSS', enabled: true, status: 'OK' }] }) },
  },
  TRIM_NOT_USED: {
    fires: {
      trim: obs({ devices: [{ device: 'sda', discardMaxBytes: 4294966784 }], fstrimTimer: 'disabled', cron: false, discardMount: false }),
    },
    severity: 'tip',
  },
  TRIM_NOT_SUPPORTED: {
    fires: { ...rhel64, trim: obs({ devices: [{ device: 'sda', discardMaxBytes: 0 }], cron: false, discardMount: false }) },
  },
  VRSS_SINGLE_CHANNEL: {
    fires: { network: obs({ interfaces: [{ name: 'eth0', driver: 'hv_netvsc', queues: 1 }], synthetic: true, legacy: [], sriov: [] }) },
    says: /4-vCPU/,
  },
  GEN2_UNSUPPORTED: { fires: rhel64, severity: 'warning', says: /UEFI/ },
  HOST_SECURE_BOOT_TEMPLATE: {
    fires: { vmSettings: obs({ integrationServices: [], secureBoot: 'on', secureBootTemplate: 'MicrosoftWindows' }) },
    severity: 'critical',
    says: /MicrosoftUEFICertificateAuthority/,
    quiet: { vmSettings: obs({ integrationServices: [], secureBoot: 'on', secureBootTemplate: 'MicrosoftUEFICertificateAuthority' }) },
  },
  GEN2_SECURE_BOOT: { fires: { host: hostId('2012 R2', 9600), secureBoot: obs('disabled') }, severity: 'info', says: /Secure Boot off/ },
  VHDX_RESIZE_LIMITED: { fires: rhel64, says: /online resize/ },
  FC_LUN0: {
    fires: { vmbusDevices: obs([{ id: 'fc', classId: FC_CLASS, kind: 'Synthetic Fibre Channel', driver: 'hv_storvsc' }]) },
    severity: 'tip',
    says: /LUN 0/,
  },
  BP_IO_SCHEDULER: {
    fires: { ioSchedulers: obs([{ device: 'sda', active: 'cfq', available: ['noop', 'deadline', 'cfq'] }]) },
    says: /sda: cfq/,
  },
  BP_LEGACY_NIC: { fires: { network: obs({ interfaces: [], synthetic: true, legacy: ['tulip'], sriov: [] }) } },
  HOST_LEGACY_ADAPTER: {
    fires: { vmSettings: obs({ integrationServices: [], networkAdapters: 1, legacyAdapters: 1 }) },
    says: /only a legacy network adapter.*DEC 21140/,
    quiet: { vmSettings: obs({ integrationServices: [], networkAdapters: 1, legacyAdapters: 0 }) },
  },
  BP_NO_SYNTHETIC_NIC: { fires: { network: obs({ interfaces: [], synthetic: false, legacy: ['tulip'], sriov: [] }) } },
  BP_STATIC_MAC_HA: {
    fires: {
      network: obs({ interfaces: [], synthetic: true, legacy: [], sriov: [], macBound: true }),
      userContext: obs({ clustered: true }),
    },
    severity: 'warning',
  },
  BP_STATIC_IP_INJECTION_NM: {
    fires: { userContext: obs({ clustered: true }), nicConfig: obs([{ device: 'eth0', bootproto: 'static', nmControlled: true }]) },
    says: /NM_CONTROLLED=no/,
    quiet: { userContext: obs({ clustered: true }) },
  },
  BP_NUMA_OLD_KERNEL: {
    fires: { kernel: kernel('2.6.32-279.el6.x86_64', [2, 6, 32], { distTag: 'el6', vendorBuild: [279] }), cpu: obs({ count: 16 }) },
    says: /numa=off/,
  },
  BP_KDUMP_MEMORY: {
    fires: { kdump: obs({ crashkernel: 'auto', reservedBytes: 0, loaded: false, enabled: true }) },
    says: /crashkernel=384M/,
  },
  BP_GEN2_GRUB_TIMEOUT: { fires: { os: os('rhel', '7.9') }, severity: 'tip' },
  BP_CLOCKSOURCE: { fires: { timeSync: obs({ clocksource: 'jiffies', available: [] }) }, says: /jiffies/ },
  BP_FREEBSD_DISK_LABELS: {
    fires: { ...freebsd('12.4'), fstab: obs({ entries: 2, byUuid: 0, byLabel: 0, byMapper: 0, devicePaths: ['/dev/da0p2'] }) },
    says: /da0p2/,
  },
  BP_FREEBSD_DVD_ATA: {
    fires: freebsd('9.3'),
    says: /hw\.ata\.disk_enable/,
    quiet: { ...freebsd('9.3'), loaderConf: obs({ 'hw.ata.disk_enable': '1' }) },
  },
  BP_FREEBSD_MTU: {
    fires: {
      ...freebsd('13.2'),
      network: obs({ interfaces: [{ name: 'hn0', driver: 'hn', mtu: 9216 }], synthetic: true, legacy: [], sriov: [] }),
    },
    says: /9126/,
    quiet: {
      ...freebsd('13.2'),
      network: obs({ interfaces: [{ name: 'hn0', driver: 'hn', mtu: 1500 }], synthetic: true, legacy: [], sriov: [] }),
    },
  },
  BP_UBUNTU_KERNEL_FLAVOUR: {
    fires: {
      ...ubuntu('20.04', '5.4.0-182-generic', [5, 4, 0]),
      kernelPackages: obs({ installed: ['5.4.0-182-generic'], meta: ['linux-generic'] }),
    },
    says: /linux-virtual/,
    quiet: {
      ...ubuntu('20.04', '5.4.0-182-generic', [5, 4, 0]),
      kernelPackages: obs({ installed: ['5.4.0-182-generic'], meta: ['linux-cloud-tools-virtual', 'linux-virtual'] }),
    },
  },
  BP_DYNAMIC_VHDX_FS: {
    fires: { mounts: obs({ filesystems: [{ device: '/dev/sdb1', mountPoint: '/data', fsType: 'ext3' }], duplicateDevices: [] }) },
    says: /\/data/,
  },
  KI_VMBUS_CONNECT_FAIL: {
    fires: { logSignatures: [signature('vmbus-connect-fail', 1, 'hv_vmbus: Unable to connect to host')] },
    severity: 'critical',
  },
  KI_LIS_SYMBOL_MISMATCH: { fires: { logSignatures: [signature('symbol-mismatch', 2)] }, severity: 'critical' },
  KI_KVP_LOG_FLOOD: {
    fires: { logSignatures: [signature('kvp-register-flood', 40)] },
    quiet: { logSignatures: [signature('kvp-register-flood', 2)] },
  },
  KI_CENTOS68_MTRR: {
    fires: { os: os('centos', '6.8'), logSignatures: [signature('mtrr-lost-memory')] },
    quiet: { logSignatures: [signature('mtrr-lost-memory')] },
  },
  KI_STORVSC_ERRORS: { fires: { logSignatures: [signature('storvsc-errors', 5)] }, severity: 'warning' },
  KI_NETVSC_ERRORS: { fires: { logSignatures: [signature('netvsc-errors', 4)] }, severity: 'warning' },
  KI_SOFT_LOCKUP: { fires: { logSignatures: [signature('soft-lockup', 1, 'BUG: soft lockup - CPU#1 stuck for 23s!')] } },
};

describe('rule registry', () => {
  test('every catalogue id has exactly one rule (or a stated reason why not)', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'a rule is registered twice');
    for (const entry of RULE_CATALOGUE) {
      assert.ok(RULES_BY_ID.has(entry.id as RuleId) || NOT_IMPLEMENTED.has(entry.id as RuleId), `catalogue id ${entry.id} has no rule`);
    }
    for (const id of ids)
      assert.ok(
        RULE_CATALOGUE.some((e) => e.id === id),
        `${id} is not in the catalogue`,
      );
    assert.equal(NOT_IMPLEMENTED.size, 0);
    assert.equal(RULES.length, RULE_CATALOGUE.length);
  });

  test('every rule has a positive and a negative case below', () => {
    assert.deepEqual(Object.keys(CASES).sort(), RULE_CATALOGUE.map((r) => r.id).sort());
  });

  test('the healthy guest raises no warning or critical finding', () => {
    const run = runRules(buildContext(realKb(), healthyGuest(), { asOf: AS_OF }));
    assert.deepEqual(run.errors, []);
    assert.deepEqual(
      run.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning').map((f) => f.id),
      [],
    );
  });

  test('every rule skips when it knows nothing', () => {
    for (const rule of RULES) assert.equal(rule.evaluate(buildContext(realKb(), {}, { asOf: AS_OF })), 'skip', rule.id);
  });
});

describe('each rule fires on its condition and stays quiet otherwise', () => {
  for (const [id, c] of Object.entries(CASES) as [RuleId, RuleCase][]) {
    test(id, () => {
      const fired = findingsOf(evaluate(id, guestWith(c.fires), c.options));
      assert.ok(fired.length > 0, `${id} did not fire`);
      for (const f of fired) {
        FindingSchema.parse(f);
        assert.equal(f.id, id);
        if (c.severity) assert.equal(f.severity, c.severity);
        if (c.says) assert.match(`${f.detail} ${f.fix ?? ''}`, c.says);
      }
      const quiet = evaluate(id, guestWith(c.quiet ?? {}), c.options);
      assert.equal(quiet, c.quietOutcome ?? 'pass', `${id} should stay quiet`);
    });
  }
});

describe('rule details', () => {
  test('EOL rules judge against the as-of date', () => {
    const facts = guestWith({ os: os('rhel', '7.9') });
    assert.equal(evaluate('SUPPORT_DISTRO_EOL', facts, { asOf: '2024-01-01' }), 'pass');
    assert.match(
      findingsOf(evaluate('SUPPORT_DISTRO_EOL', facts, { asOf: '2024-07-01' }))[0]?.detail ?? '',
      /2024-06-30.*as of 2024-07-01/,
    );
    const host = guestWith({ host: hostId('2016', 14393) });
    assert.equal(evaluate('SUPPORT_HOST_EOL', host, { asOf: '2026-12-31' }), 'pass');
    assert.equal(findingsOf(evaluate('SUPPORT_HOST_EOL', host, { asOf: '2027-02-01' })).length, 1);
  });

  test('a host given by the user wins over the upload and is named as the source', () => {
    const outcome = findingsOf(evaluate('HV_HOST_IDENTIFIED', healthyGuest(), { host: '2022' }));
    assert.match(outcome[0]?.detail ?? '', /Windows Server 2022.*you gave.*upload itself points to Windows Server 2019/);
  });

  test('KVP and VSS fixes follow the distribution and release', () => {
    const fix = (facts: GuestFacts, id: RuleId) => findingsOf(evaluate(id, facts))[0]?.fix ?? '';
    const missing = { daemons: { kvp: daemon({ installed: false, running: false }), vss: daemon({ installed: false, running: false }) } };
    assert.match(
      fix(guestWith({ ...missing, ...ubuntu('14.04', '3.13.0-170-generic', [3, 13, 0]) }), 'KVP_DAEMON_MISSING'),
      /hv-kvp-daemon-init.*linux-cloud-tools-generic/,
    );
    assert.match(
      fix(guestWith({ ...missing, ...ubuntu('12.04', '3.2.0-126-generic', [3, 2, 0]) }), 'KVP_DAEMON_MISSING'),
      /hv-kvp-daemon-init linux-tools-lts-trusty/,
    );
    assert.match(
      fix(guestWith({ ...missing, ...ubuntu('22.04', '5.15.0-113-generic', [5, 15, 0]) }), 'KVP_DAEMON_MISSING'),
      /linux-cloud-tools-virtual /,
    );
    assert.match(
      fix(guestWith({ ...missing, ...ubuntu('22.04', '6.5.0-44-generic', [6, 5, 0]) }), 'KVP_DAEMON_MISSING'),
      /linux-cloud-tools-virtual-hwe-22\.04/,
    );
    assert.match(fix(guestWith({ ...missing, os: os('rhel', '6.4') }), 'KVP_DAEMON_MISSING'), /yum install hypervkvpd/);
    assert.match(fix(guestWith({ ...missing, os: os('sles', '15 SP4') }), 'VSS_DAEMON_MISSING'), /zypper install hyper-v/);
    assert.match(fix(guestWith({ ...missing, os: os('debian', '10') }), 'KVP_DAEMON_MISSING'), /apt-get install hyperv-daemons/);
  });

  test('DM_BALLOON_ONLY waits for Dynamic Memory to be in use', () => {
    assert.equal(evaluate('DM_BALLOON_ONLY', guestWith({ ...rhel63lis35, balloon: obs({ driver: true, hotAddFailed: false }) })), 'skip');
    assert.equal(evaluate('DM_BALLOON_ONLY', guestWith({ ...rhel63lis35, userContext: obs({ dynamicMemory: false }) })), 'pass');
  });

  test('DM_SIZING_TIP names sizes that are not multiples of 128 MB', () => {
    const f = findingsOf(
      evaluate('DM_SIZING_TIP', guestWith({ userContext: obs({ dynamicMemory: true, dmStartupMb: 1000, dmMaxMb: 8192 }) })),
    );
    assert.match(f[0]?.detail ?? '', /Startup 1000 MB/);
    assert.doesNotMatch(f[0]?.detail ?? '', /Maximum/);
  });

  test('burst thresholds: one storage error is only informational', () => {
    assert.equal(
      findingsOf(evaluate('KI_STORVSC_ERRORS', guestWith({ logSignatures: [signature('storvsc-errors', 1)] })))[0]?.severity,
      'info',
    );
  });

  test('without Hyper-V drivers only the rules that explain it run', () => {
    const facts = guestWith({ ...noDrivers, os: os('rhel', '6.2'), lis: obs({ installed: false, packages: [] }) });
    const run = runRules(buildContext(realKb(), facts, { asOf: AS_OF }));
    assert.deepEqual(run.findings.map((f) => f.id).sort(), ['HV_NOT_DETECTED', 'LIS_REQUIRED_MISSING']);
    assert.equal(run.states.get('SUPPORT_DISTRO_EOL'), 'skip');
  });

  test('findings are sorted by severity, then catalogue order', () => {
    const run = runRules(
      buildContext(realKb(), guestWith({ ...rhel63lis35, initramfs: obs({ modules: [], unreadable: false }) }), { asOf: AS_OF }),
    );
    const order = { critical: 0, warning: 1, info: 2, tip: 3 };
    for (let i = 1; i < run.findings.length; i++) assert.ok(order[run.findings[i - 1]!.severity] <= order[run.findings[i]!.severity]);
    // Both critical: LIS_MODULES_NOT_LOADED (the healthy guest's modules are not LIS builds) comes first in the catalogue.
    assert.deepEqual(
      run.findings.filter((f) => f.severity === 'critical').map((f) => f.id),
      ['LIS_MODULES_NOT_LOADED', 'LIS_INITRD_MISSING_HV'],
    );
  });

  test('a KB tip that names the rule supplies the source', () => {
    const f = findingsOf(
      evaluate('BP_IO_SCHEDULER', guestWith({ ioSchedulers: obs([{ device: 'sda', active: 'cfq', available: [] }]) })),
    )[0];
    assert.match(f?.source ?? '', /KB tip io-scheduler-noop-none/);
  });
});
