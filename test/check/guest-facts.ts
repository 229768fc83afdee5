import type { Evidence, GuestFacts, Observed } from '../../src/check/guest-facts.ts';

/** A fact with one line of made-up evidence. */
export function obs<T>(value: T, text = 'test evidence', section = 'test'): Observed<T> {
  return { value, evidence: [{ section, line: 1, text }] satisfies Evidence[] };
}

const KVP = 'a9a0f4e7-5a45-4d96-b827-8a841e8c03e6';
const VSS = '35fa2e29-ea23-4236-96ae-3a6ebacba440';
const FCOPY = '34d14be3-dee4-41c8-9ae7-6b174977c192';
const DM = '525074dc-8985-46e2-8057-a307dc18a502';
const NET = 'f8615163-df3e-46c5-913f-f2d2f965ed0e';
const SCSI = 'ba6163d9-04a1-4d29-b605-72e2ffb1dc7f';
export const FC_CLASS = '2f9bcc4a-0069-4af3-b76b-6fd0be528cda';

const running = (pkg: string, unit: string) =>
  obs({ installed: true, running: true, enabled: true, packages: [pkg], units: [unit], processes: [unit.replace('.service', '')] });

/**
 * A healthy, well-configured guest: RHEL 8.10 with built-in drivers and the daemons on a
 * Windows Server 2019 host, Generation 2 with Secure Boot. Nearly every rule passes on it;
 * each rule test changes the few facts that make its rule fire.
 */
export function healthyGuest(): GuestFacts {
  return {
    os: obs({ distro: 'rhel', rawId: 'rhel', version: '8.10', like: [] }, 'Red Hat Enterprise Linux release 8.10 (Ootpa)'),
    kernel: obs({
      osType: 'Linux',
      release: '4.18.0-553.el8_10.x86_64',
      arch: 'x86_64',
      upstream: [4, 18, 0],
      vendorBuild: [553],
      distTag: 'el8_10',
      pae: false,
    }),
    virtualization: obs({ hypervisor: 'hyperv', detail: 'microsoft' }),
    azure: obs(false),
    generation: obs(2),
    secureBoot: obs('enabled'),
    host: obs(
      { build: 17763, hostId: '2019', product: 'Windows Server 2019', osVersion: '10.0', source: 'dmesg' },
      'Hyper-V Host Build:17763-10.0-1-0.1457',
    ),
    vmbus: obs({ version: '5.2', hostAtLeast: '2019' }),
    vmbusDevices: obs([
      { id: 'd1', classId: KVP, kind: 'Data Exchange', driver: 'hv_utils' },
      { id: 'd2', classId: VSS, kind: 'Backup (volume checkpoint)', driver: 'hv_utils' },
      { id: 'd3', classId: FCOPY, kind: 'Guest services', driver: 'hv_utils' },
      { id: 'd4', classId: DM, kind: 'Dynamic Memory', driver: 'hv_balloon' },
      { id: 'd5', classId: NET, kind: 'Synthetic network adapter', driver: 'hv_netvsc' },
      { id: 'd6', classId: SCSI, kind: 'Synthetic SCSI controller', driver: 'hv_storvsc' },
    ]),
    lis: obs({ installed: false, packages: [] }),
    hvModules: obs({
      loaded: ['hv_balloon', 'hv_netvsc', 'hv_storvsc', 'hv_utils', 'hv_vmbus'],
      builtin: [],
      info: [
        {
          name: 'hv_vmbus',
          filename: '/lib/modules/4.18.0-553.el8_10.x86_64/kernel/drivers/hv/hv_vmbus.ko.xz',
          notFound: false,
          builtin: false,
          fromLis: false,
        },
      ],
      loadedVersions: {},
    }),
    daemons: {
      kvp: running('hyperv-daemons-0-0.33.el8.x86_64', 'hypervkvpd.service'),
      vss: running('hyperv-daemons-0-0.33.el8.x86_64', 'hypervvssd.service'),
      fcopy: running('hyperv-daemons-0-0.33.el8.x86_64', 'hypervfcopyd.service'),
    },
    cpu: obs({ count: 4, hypervisorFlag: true, pae: true }),
    cmdline: obs({ raw: 'ro quiet', numaOff: false }),
    numa: obs({ nodes: 1, numaOff: false }),
    memory: obs({
      totalKb: 8 * 1024 * 1024,
      blockSizeBytes: 134217728,
      autoOnline: 'online',
      offlineBlocks: 0,
      onlineRule: true,
      hotplugConfig: true,
      hotplugDefaultOnline: true,
    }),
    balloon: obs({ driver: true, dmOffered: true, protocol: '2.0', hotAddFailed: false }),
    ioSchedulers: obs([{ device: 'sda', active: 'none', available: ['none', 'mq-deadline'] }]),
    storage: obs({
      hostAdapters: ['storvsc'],
      storvsc: true,
      emulatedIde: false,
      disks: [{ name: 'sda', vendor: 'Msft', model: 'Virtual Disk' }],
    }),
    trim: obs({ devices: [{ device: 'sda', discardMaxBytes: 4294966784 }], fstrimTimer: 'enabled', cron: false, discardMount: false }),
    fstab: obs({ entries: 3, byUuid: 2, byLabel: 0, byMapper: 1, devicePaths: [] }),
    network: obs({
      interfaces: [{ name: 'eth0', driver: 'hv_netvsc', macOui: '00:15:5d', mtu: 1500, queues: 4 }],
      synthetic: true,
      legacy: [],
      sriov: [],
      macBound: false,
      networkManagerActive: true,
    }),
    timeSync: obs({ clocksource: 'hyperv_clocksource_tsc_page', available: ['hyperv_clocksource_tsc_page', 'acpi_pm'] }),
    kdump: obs({ crashkernel: 'auto', reservedBytes: 268435456, loaded: true, enabled: true }),
    logSignatures: [],
    initramfs: obs({ modules: ['hv_storvsc', 'hv_vmbus'], unreadable: false }),
    kvpPools: obs({ files: [{ name: '.kvp_pool_3', mode: '644', size: 28160 }], missing: false }),
    kernelPackages: obs({ installed: ['4.18.0-553.el8_10'], meta: [] }),
    mounts: obs({ filesystems: [{ device: '/dev/mapper/rhel-root', mountPoint: '/', fsType: 'xfs' }], duplicateDevices: [] }),
    nicConfig: obs([{ device: 'eth0', bootproto: 'dhcp' }]),
  };
}

/** The healthy guest with some facts replaced (undefined removes a fact). */
export function guestWith(changes: Partial<Record<keyof GuestFacts, unknown>>): GuestFacts {
  const facts: Record<string, unknown> = { ...healthyGuest() };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete facts[key];
    else facts[key] = value;
  }
  return facts;
}

export const os = (distro: string, version: string) => obs({ distro, rawId: distro, version, like: [] });
export const kernel = (release: string, upstream: number[], extra: Record<string, unknown> = {}) =>
  obs({ osType: 'Linux', release, arch: 'x86_64', upstream, vendorBuild: [], pae: false, ...extra });
export const hostId = (id: string, build: number) => obs({ build, hostId: id, product: `Windows Server ${id}`, source: 'dmesg' });
export const signature = (id: string, count = 1, text = 'log line') => ({
  id,
  count,
  evidence: [{ section: 'dmesg (filtered)', line: 7, text }],
});
export const daemon = (
  state: { installed?: boolean; running?: boolean; enabled?: boolean },
  extra: { packages?: string[]; units?: string[]; processes?: string[] } = {},
) => obs({ packages: [], units: [], processes: [], ...state, ...extra });
export const lisFacts = (version: string) => obs({ installed: true, version, packages: [`microsoft-hyper-v-${version}-20180227.x86_64`] });
