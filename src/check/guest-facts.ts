import * as z from 'zod';
import { HostId, LINUX_AND_BSD_DISTRO_IDS } from '../knowledge/schema/ids.ts';

/**
 * Typed facts about one guest, combined from a collector bundle, a paste, a sosreport or an
 * inventory row. Every fact is optional: `undefined` means "not known", never "no".
 * Each fact carries the upload lines it was read from, so rules can quote their evidence.
 */

export const GuestDistro = z.enum(LINUX_AND_BSD_DISTRO_IDS);
export type GuestDistro = z.infer<typeof GuestDistro>;

export const Evidence = z.strictObject({
  /** Canonical section name (see parse/section-names.ts), or 'inventory' for inventory rows. */
  section: z.string(),
  /** 1-based line number in the decoded upload (row number for inventories); 0 when synthesised. */
  line: z.number().int().nonnegative(),
  /** The line itself, shortened; untrusted text, escape before display. */
  text: z.string().max(240),
});
export type Evidence = z.infer<typeof Evidence>;

/** How strongly the evidence supports the value: combiners of weak signals say so. */
export const Confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof Confidence>;

export function observed<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, evidence: z.array(Evidence), confidence: Confidence.optional() });
}

export interface Observed<T> {
  value: T;
  evidence: Evidence[];
  confidence?: Confidence;
}

const TriState = z.boolean().optional();

export const CollectorInfo = z.strictObject({
  collector: z.string().optional(),
  version: z.string().optional(),
  format: z.number().int().optional(),
  dateUtc: z.string().optional(),
  uid: z.number().int().optional(),
  redacted: z.boolean().optional(),
  osType: z.string().optional(),
});

export const OsRelease = z.strictObject({
  distro: GuestDistro.optional(),
  /** The distribution's own id (os-release ID or a word from the release file), lowercased. */
  rawId: z.string(),
  /** Normalised as the knowledge base writes it: 6.4, 14.04, 11 SP3, 13.2. */
  version: z.string().optional(),
  /** Point release when the matrix version is coarser (Debian 10.13, CentOS 7.9.2009). */
  versionFull: z.string().optional(),
  prettyName: z.string().optional(),
  like: z.array(z.string()),
});

export const KernelInfo = z.strictObject({
  osType: z.enum(['Linux', 'FreeBSD']),
  release: z.string(),
  arch: z.string().optional(),
  /** uek / rhck (Oracle), generic, virtual, azure, aws, lowlatency (Ubuntu), default (SUSE), cloud-amd64 (Debian), PAE, xen, GENERIC (FreeBSD). */
  flavour: z.string().optional(),
  /** Upstream numbers, e.g. [2, 6, 32] or [5, 15, 0]; FreeBSD [13, 2]. */
  upstream: z.array(z.number().int().nonnegative()),
  /** Vendor build numbers after the first dash: 2.6.32-279.22.1.el6 gives [279, 22, 1]. */
  vendorBuild: z.array(z.number().int().nonnegative()),
  /** el5, el6, el7, el8_6, el9, uek..., or undefined. */
  distTag: z.string().optional(),
  pae: z.boolean(),
});

export const Virtualization = z.strictObject({
  /** 'hyperv' when any Hyper-V signal was seen; 'other' names another hypervisor in `detail`; 'none' for bare metal. */
  hypervisor: z.enum(['hyperv', 'other', 'none']),
  detail: z.string().optional(),
});

export const HostInfo = z.strictObject({
  build: z.number().int().nonnegative().optional(),
  /** Build text as printed, e.g. "9600-6.3-17-0.17039". */
  buildText: z.string().optional(),
  /** Windows Server release when the build maps to one; client builds map to their server twin. */
  hostId: HostId.optional(),
  /** Human name when hostId is not enough: "Windows Server 2008", "Windows 10 (build 19045)". */
  product: z.string().optional(),
  /** Kernel version of the host, e.g. "6.3" or "10.0". */
  osVersion: z.string().optional(),
  source: z.enum(['dmesg', 'kvp', 'freebsd-dmesg', 'inventory']),
});

export const VmbusInfo = z.strictObject({
  version: z.string(),
  /** Lower bound for the host: the protocol is the minimum of guest and host support. */
  hostAtLeast: HostId.optional(),
});

export const LisInfo = z.strictObject({
  /** True when Microsoft's downloadable LIS packages are installed. */
  installed: z.boolean(),
  version: z.string().optional(),
  packages: z.array(z.string()),
});

export const ModuleInfo = z.strictObject({
  name: z.string(),
  filename: z.string().optional(),
  version: z.string().optional(),
  vermagic: z.string().optional(),
  srcversion: z.string().optional(),
  notFound: z.boolean(),
  builtin: z.boolean(),
  /** The file comes from the LIS download (extra/ or weak-updates/microsoft-hyper-v). */
  fromLis: z.boolean(),
});

export const HvModules = z.strictObject({
  /** Hyper-V modules listed by lsmod/kldstat (dashes normalised to underscores). */
  loaded: z.array(z.string()),
  /** Modules compiled into the kernel (kernel config =y or modules.builtin). */
  builtin: z.array(z.string()),
  info: z.array(ModuleInfo),
  /** /sys/module/<name>/version of the loaded build. */
  loadedVersions: z.record(z.string(), z.string()),
});

export const DaemonState = z.strictObject({
  installed: TriState,
  running: TriState,
  enabled: TriState,
  packages: z.array(z.string()),
  units: z.array(z.string()),
  processes: z.array(z.string()),
});

export const Daemons = z.strictObject({
  kvp: observed(DaemonState).optional(),
  vss: observed(DaemonState).optional(),
  fcopy: observed(DaemonState).optional(),
  /** Ubuntu: the per-kernel linux-cloud-tools binaries exist for the running kernel. */
  ubuntuToolsForKernel: observed(z.boolean()).optional(),
});

export const IoScheduler = z.strictObject({ device: z.string(), active: z.string(), available: z.array(z.string()) });

export const Cmdline = z.strictObject({
  raw: z.string(),
  numaOff: z.boolean(),
  crashkernel: z.string().optional(),
  elevator: z.string().optional(),
  clocksource: z.string().optional(),
});

export const Numa = z.strictObject({ nodes: z.number().int().nonnegative().optional(), numaOff: z.boolean() });

export const MemoryInfo = z.strictObject({
  totalKb: z.number().int().nonnegative().optional(),
  blockSizeBytes: z.number().int().nonnegative().optional(),
  autoOnline: z.string().optional(),
  offlineBlocks: z.number().int().nonnegative().optional(),
  /** A udev rule onlines hot-added memory. */
  onlineRule: TriState,
  /** CONFIG_MEMORY_HOTPLUG: true =y, false "is not set". */
  hotplugConfig: TriState,
  hotplugDefaultOnline: TriState,
});

export const Balloon = z.strictObject({
  /** hv_balloon driver present (loaded, built in, or logging). */
  driver: TriState,
  /** The host offered Dynamic Memory (protocol negotiated or max size printed). */
  dmOffered: TriState,
  protocol: z.string().optional(),
  /** From "Max. dynamic memory size"; 'invalid' when the number is absurd. */
  maxMb: z.union([z.number().int().nonnegative(), z.literal('invalid')]).optional(),
  hotAddFailed: z.boolean(),
});

export const TimeSync = z.strictObject({
  clocksource: z.string().optional(),
  available: z.array(z.string()),
  ptpHyperv: TriState,
  chronyActive: TriState,
  chronyRefclockPtp: TriState,
  ntpdActive: TriState,
  timesyncdActive: TriState,
  /** "TimeSync IC version" from hv_utils: the host time service is bound. */
  hvTimesyncIc: z.string().optional(),
});

export const NetInterface = z.strictObject({
  name: z.string(),
  driver: z.string().optional(),
  /** First three octets of the MAC (kept by redaction); 00:15:5d is Hyper-V's pool. */
  macOui: z.string().optional(),
  mtu: z.number().int().nonnegative().optional(),
  queues: z.number().int().nonnegative().optional(),
});

export const Network = z.strictObject({
  interfaces: z.array(NetInterface),
  synthetic: z.boolean(),
  /** Emulated legacy adapters in use (tulip, de2104x, de4x5, FreeBSD de). */
  legacy: z.array(z.string()),
  /** SR-IOV virtual functions (mlx4/mlx5...). */
  sriov: z.array(z.string()),
  /** Config ties a name to a MAC (70-persistent-net ATTR{address}, HWADDR=, netplan macaddress). */
  macBound: TriState,
  networkManagerActive: TriState,
});

export const Storage = z.strictObject({
  /** SCSI host adapter drivers (storvsc, ata_piix...). */
  hostAdapters: z.array(z.string()),
  storvsc: z.boolean(),
  /** Disks served by the emulated IDE controller (ata_piix/pata) without storvsc. */
  emulatedIde: z.boolean(),
  disks: z.array(z.strictObject({ name: z.string(), vendor: z.string().optional(), model: z.string().optional() })),
});

export const Trim = z.strictObject({
  devices: z.array(z.strictObject({ device: z.string(), discardMaxBytes: z.number().nonnegative() })),
  fstrimTimer: z.string().optional(),
  cron: z.boolean(),
  discardMount: z.boolean(),
});

export const Fstab = z.strictObject({
  entries: z.number().int().nonnegative(),
  byUuid: z.number().int().nonnegative(),
  byLabel: z.number().int().nonnegative(),
  byMapper: z.number().int().nonnegative(),
  /** Entries naming a raw device (/dev/sdXN, /dev/hdX, FreeBSD daN/adaN). */
  devicePaths: z.array(z.string()),
});

export const Kdump = z.strictObject({
  crashkernel: z.string().optional(),
  reservedBytes: z.number().int().nonnegative().optional(),
  loaded: TriState,
  enabled: TriState,
});

/** Hyper-V drivers inside the initramfs of the running kernel (names only, dashes normalised). */
export const Initramfs = z.strictObject({
  modules: z.array(z.string()),
  /** The collector could not look inside the image (none found, unknown compression). */
  unreadable: z.boolean(),
});

/** KVP pool files as `ls -ln` lists them. */
export const KvpPools = z.strictObject({
  files: z.array(z.strictObject({ name: z.string(), mode: z.string(), size: z.number().int().nonnegative().optional() })),
  /** The pool directory does not exist (no KVP daemon ever ran). */
  missing: z.boolean(),
});

/** Kernel packages from the package list. */
export const KernelPackages = z.strictObject({
  /** Kernel releases installed (rpm kernel-VERSION-RELEASE, deb linux-image-RELEASE), as uname -r would print them when known. */
  installed: z.array(z.string()),
  /** Meta packages that choose a kernel or tools flavour (linux-generic, linux-virtual, linux-azure, *-hwe-*, linux-cloud-tools-virtual). */
  meta: z.array(z.string()),
});

export const Mounts = z.strictObject({
  filesystems: z.array(z.strictObject({ device: z.string(), mountPoint: z.string(), fsType: z.string() })),
  /** Block devices mounted at more than one place. */
  duplicateDevices: z.array(z.string()),
});

/** A NIC's configuration file (ifcfg): how it gets its address and whether NetworkManager manages it. */
export const NicConfig = z.strictObject({
  device: z.string(),
  bootproto: z.string().optional(),
  nmControlled: TriState,
});

export const Cpu = z.strictObject({
  count: z.number().int().nonnegative().optional(),
  hypervisorFlag: TriState,
  pae: TriState,
});

export const VmbusDevice = z.strictObject({
  id: z.string(),
  classId: z.string().optional(),
  /** Name of the device class, e.g. "Dynamic Memory", when the class id is known. */
  kind: z.string().optional(),
  driver: z.string().optional(),
  channels: z.number().int().nonnegative().optional(),
});

export const LOG_SIGNATURE_IDS = [
  'vmbus-connect-fail',
  'symbol-mismatch',
  'hot-add-failed',
  'kvp-protocol-mismatch',
  'kvp-register-flood',
  'vss-timeout',
  'vss-freeze-fail',
  'fcopy-channel-absent',
  'vss-channel-absent',
  'mtrr-lost-memory',
  'storvsc-errors',
  'netvsc-errors',
  'soft-lockup',
  'ubuntu-tools-missing',
] as const;
export const LogSignatureId = z.enum(LOG_SIGNATURE_IDS);
export type LogSignatureId = z.infer<typeof LogSignatureId>;

export const LogSignature = z.strictObject({ id: LogSignatureId, count: z.number().int().positive(), evidence: z.array(Evidence) });

/** What a user or inventory says about the VM's configuration (low trust). */
export const UserContext = z.strictObject({
  dynamicMemory: TriState,
  dmStartupMb: z.number().int().nonnegative().optional(),
  dmMaxMb: z.number().int().nonnegative().optional(),
  clustered: TriState,
  macType: z.enum(['static', 'dynamic']).optional(),
  notes: z.string().optional(),
});

/** One integration service as the host lists it (Get-VMIntegrationService): its switch and what the guest answers. */
export const HostIntegrationService = z.strictObject({
  name: z.string(),
  enabled: TriState,
  /** PrimaryStatusDescription: OK, No Contact, Lost Communication, Degraded… */
  status: z.string().optional(),
});

/** The VM's settings as host-side PowerShell printed them (Get-VMIntegrationService, Get-VMFirmware, Get-VMNetworkAdapter, Get-VMMemory, Get-VM). */
export const VmSettings = z.strictObject({
  integrationServices: z.array(HostIntegrationService),
  secureBoot: z.enum(['on', 'off']).optional(),
  secureBootTemplate: z.string().optional(),
  /** From Get-VM, or 2 when Get-VMFirmware answered (only Generation 2 VMs have UEFI firmware settings). */
  generation: z.union([z.literal(1), z.literal(2)]).optional(),
  /** An adapter takes a dynamic MAC address (DynamicMacAddressEnabled True). */
  dynamicMac: TriState,
  /** Network adapters the VM has, and how many of them are legacy (emulated); undefined when not listed. */
  networkAdapters: z.number().int().nonnegative().optional(),
  legacyAdapters: z.number().int().nonnegative().optional(),
  dynamicMemory: TriState,
  minimumMb: z.number().int().nonnegative().optional(),
  startupMb: z.number().int().nonnegative().optional(),
  maximumMb: z.number().int().nonnegative().optional(),
});

export const GuestFacts = z.strictObject({
  collector: observed(CollectorInfo).optional(),
  os: observed(OsRelease).optional(),
  kernel: observed(KernelInfo).optional(),
  virtualization: observed(Virtualization).optional(),
  azure: observed(z.boolean()).optional(),
  generation: observed(z.union([z.literal(1), z.literal(2)])).optional(),
  secureBoot: observed(z.enum(['enabled', 'disabled'])).optional(),
  host: observed(HostInfo).optional(),
  vmbus: observed(VmbusInfo).optional(),
  vmbusDevices: observed(z.array(VmbusDevice)).optional(),
  /** Selected keys of KVP pool 3 (host-provided); redacted values stay "<redacted>". */
  kvpHost: observed(z.record(z.string(), z.string())).optional(),
  lis: observed(LisInfo).optional(),
  hvModules: observed(HvModules).optional(),
  daemons: Daemons.optional(),
  cpu: observed(Cpu).optional(),
  cmdline: observed(Cmdline).optional(),
  numa: observed(Numa).optional(),
  memory: observed(MemoryInfo).optional(),
  balloon: observed(Balloon).optional(),
  ioSchedulers: observed(z.array(IoScheduler)).optional(),
  storage: observed(Storage).optional(),
  trim: observed(Trim).optional(),
  fstab: observed(Fstab).optional(),
  network: observed(Network).optional(),
  timeSync: observed(TimeSync).optional(),
  kdump: observed(Kdump).optional(),
  initramfs: observed(Initramfs).optional(),
  kvpPools: observed(KvpPools).optional(),
  kernelPackages: observed(KernelPackages).optional(),
  mounts: observed(Mounts).optional(),
  /** FreeBSD /boot/loader.conf settings (key to value, values shortened). */
  loaderConf: observed(z.record(z.string(), z.string())).optional(),
  nicConfig: observed(z.array(NicConfig)).optional(),
  /** The GRUB menu timeout in seconds (the smallest one configured: /etc/default/grub or grub.cfg). */
  grubTimeout: observed(z.number().int().nonnegative()).optional(),
  /** iSCSI sessions and Fibre Channel hosts the guest itself logs into (backups cannot snapshot those disks). */
  iscsi: observed(z.strictObject({ sessions: z.number().int().nonnegative(), fcHosts: z.number().int().nonnegative() })).optional(),
  /** Kernels the Microsoft LIS kernel modules were built for (vermagic of the extra/ or weak-updates/ modules). */
  lisBuildTargets: observed(z.array(z.string())).optional(),
  /** Automatic update services seen enabled (yum-cron, dnf-automatic, unattended-upgrades); undefined when not listed. */
  autoUpdates: observed(z.array(z.string())).optional(),
  /** Known log lines; undefined when no kernel log or syslog was collected. */
  logSignatures: z.array(LogSignature).optional(),
  userContext: observed(UserContext).optional(),
  /** Host-side PowerShell output pasted beside or instead of the guest's. */
  vmSettings: observed(VmSettings).optional(),
});
export type GuestFacts = z.infer<typeof GuestFacts>;
export type FactKey = keyof GuestFacts;
