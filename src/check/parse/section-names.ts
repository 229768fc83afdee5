/**
 * Section headers of collector format 1 (the contract with lis-collect.sh). A header is
 * known when it equals one of these names or starts with one of the prefixes; the
 * canonical name is what parsers and evidence use.
 */
export const SECTION = {
  meta: 'lischeck-meta',
  end: 'lischeck-end',
  truncated: 'lischeck-truncated',
  userContext: 'user-context',
  uname: 'uname -a',
  osRelease: 'cat /etc/os-release',
  redhatRelease: 'cat /etc/redhat-release',
  centosRelease: 'cat /etc/centos-release',
  oracleRelease: 'cat /etc/oracle-release',
  suseRelease: 'cat /etc/SuSE-release',
  lsbRelease: 'cat /etc/lsb-release',
  debianVersion: 'cat /etc/debian_version',
  detectVirt: 'systemd-detect-virt',
  virtWhat: 'virt-what',
  dmiId: 'dmi-id',
  dmidecode: 'dmidecode -t system -t bios -t chassis',
  cpuinfo: 'cpuinfo (summary)',
  cmdline: 'cat /proc/cmdline',
  meminfo: 'meminfo (summary)',
  uptime: 'uptime',
  lsmod: 'lsmod',
  modinfo: 'modinfo',
  sysModule: 'sys-module (hv)',
  sysModuleVmbus: 'cat /sys/module/hv_vmbus/version',
  kernelConfig: 'kernel config (Hyper-V)',
  vmbusDevices: 'vmbus-devices',
  lsvmbus: 'lsvmbus -vv',
  dmesg: 'dmesg (filtered)',
  kvpPool: 'kvp pool 3',
  hypervDir: 'ls -ln /var/lib/hyperv',
  vmbusDev: 'ls -l /dev/vmbus',
  packages: 'packages (filtered)',
  lisFiles: 'lis-files',
  initramfs: 'initramfs (hv drivers)',
  ps: 'ps (hv daemons)',
  services: 'services (hv daemons)',
  memHotplug: 'memory hotplug',
  numa: 'numa nodes',
  firmware: 'firmware',
  lspci: 'lspci -nn',
  schedulers: 'io schedulers',
  blockDevices: 'block devices',
  discard: 'discard',
  fstab: 'cat /etc/fstab (scrubbed)',
  mounts: 'mounts (filtered)',
  net: 'net interfaces',
  /** Not in the collector's output: a pasted "ethtool -i eth0" (driver: hv_netvsc). */
  ethtoolInfo: 'ethtool -i',
  persistentNet: 'cat /etc/udev/rules.d/70-persistent-net.rules',
  ifcfg: 'ifcfg (whitelisted keys)',
  interfaces: 'interfaces (whitelisted keys)',
  netplan: 'netplan (whitelisted keys)',
  networkManager: 'NetworkManager',
  tuned: 'tuned-adm active',
  clocksource: 'clocksource',
  kdump: 'kdump',
  logs: 'logs (filtered)',
  grubTimeout: 'grub timeout',
  iscsiSessions: 'iscsi sessions',
  updateServices: 'update services',
  cron: 'cron (fstrim)',
  bsdVersion: 'freebsd-version -ku',
  bsdVmGuest: 'sysctl kern.vm_guest',
  bsdKenv: 'kenv smbios',
  bsdHw: 'sysctl hw.ncpu hw.physmem',
  bsdBootmethod: 'sysctl machdep.bootmethod',
  bsdDmesg: 'dmesg.boot (filtered)',
  bsdKldstat: 'kldstat',
  bsdPkg: 'pkg info -x hyperv',
  bsdRcConf: 'rc.conf (filtered)',
  bsdLoaderConf: 'cat /boot/loader.conf',
  bsdKvpDir: 'ls -ln /var/db/hyperv/pool',
  bsdMount: 'mount -p',
  bsdCamcontrol: 'camcontrol devlist',
  bsdIfconfig: 'ifconfig -a',
  bsdSysctlNet: 'sysctl dev.hn hw.vmbus (filtered)',
  bsdTimecounter: 'sysctl kern.timecounter.hardware',
  /** Host-side PowerShell, pasted by hand (the collector runs in the guest and never prints these). */
  hostIntegrationServices: 'Get-VMIntegrationService',
  hostFirmware: 'Get-VMFirmware',
  hostNetworkAdapter: 'Get-VMNetworkAdapter',
  hostMemory: 'Get-VMMemory',
  hostVm: 'Get-VM',
} as const;

export type SectionName = (typeof SECTION)[keyof typeof SECTION];

const EXACT = new Set<string>(Object.values(SECTION));

/** Headers whose tail varies between collector versions (module list, pool path). */
const PREFIXES: readonly (readonly [string, SectionName])[] = [
  ['modinfo ', SECTION.modinfo],
  ["tr -s '\\000' '\\n' < /var/lib/hyperv/.kvp_pool_3", SECTION.kvpPool],
  ["tr -s '\\000' '\\n' < /var/db/hyperv/pool/.kvp_pool_3", SECTION.kvpPool],
];

/** Canonical section name for a header text (without "### "), or undefined when unknown. */
export function canonicalSection(header: string): SectionName | undefined {
  const h = header.trim();
  if (EXACT.has(h)) return h as SectionName;
  for (const [prefix, name] of PREFIXES) if (h.startsWith(prefix)) return name;
  return undefined;
}
