/** Inventory columns; the same keys are used in JSON lines. */
export const INVENTORY_COLUMNS = [
  'vm_id',
  'host_os',
  'host_build',
  'generation',
  'os_family',
  'os_version',
  'arch',
  'kernel',
  'lis_package',
  'kvp_daemon',
  'vss_daemon',
  'dynamic_memory',
  'dm_startup_mb',
  'dm_max_mb',
  'clustered',
  'mac_type',
  'io_scheduler',
  'notes',
] as const;
export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];

/** What each column holds, for `lisbot check --help` and the README. */
export const COLUMN_MEANINGS: Record<InventoryColumn, string> = {
  vm_id: 'the VM name or id (required)',
  host_os: 'Hyper-V host: 2012 R2, Windows Server 2019, …',
  host_build: 'host build number, e.g. 17763 (wins over host_os)',
  generation: '1 or 2',
  os_family: 'rhel, centos, oracle-linux, sles, opensuse, ubuntu, debian, freebsd',
  os_version: 'the distribution release, e.g. 7.9 or 22.04',
  arch: 'x86_64, i686, …',
  kernel: 'uname -r',
  lis_package: '"built-in" or the LIS download version, e.g. LIS 4.3',
  kvp_daemon: 'running, stopped, missing',
  vss_daemon: 'running, stopped, missing',
  dynamic_memory: 'yes or no',
  dm_startup_mb: 'Dynamic Memory startup MB',
  dm_max_mb: 'Dynamic Memory maximum MB',
  clustered: 'yes or no',
  mac_type: 'static or dynamic',
  io_scheduler: 'the active disk scheduler, e.g. none or noop',
  notes: 'free text',
};

/**
 * Other names people give the columns (export tools, hand-made sheets); matched after normalising case and separators.
 * Bare "name" and "id" are not among them: too many files that are no inventory start with such a header.
 */
export const COLUMN_ALIASES: Record<string, InventoryColumn> = {
  vm: 'vm_id',
  vm_name: 'vm_id',
  vmname: 'vm_id',
  vmid: 'vm_id',
  guest: 'vm_id',
  virtual_machine: 'vm_id',
  host: 'host_os',
  hyperv_host: 'host_os',
  hyper_v_host: 'host_os',
  host_version: 'host_os',
  hypervisor: 'host_os',
  host_os_version: 'host_os',
  build: 'host_build',
  host_os_build: 'host_build',
  gen: 'generation',
  vm_generation: 'generation',
  distro: 'os_family',
  distribution: 'os_family',
  os: 'os_family',
  family: 'os_family',
  os_name: 'os_family',
  guest_os: 'os_family',
  version: 'os_version',
  release: 'os_version',
  os_release: 'os_version',
  distro_version: 'os_version',
  distribution_version: 'os_version',
  architecture: 'arch',
  kernel_version: 'kernel',
  kernel_release: 'kernel',
  uname: 'kernel',
  uname_r: 'kernel',
  lis: 'lis_package',
  lis_version: 'lis_package',
  integration_services: 'lis_package',
  integration: 'lis_package',
  kvp: 'kvp_daemon',
  vss: 'vss_daemon',
  dm: 'dynamic_memory',
  dynamic_mem: 'dynamic_memory',
  startup_mb: 'dm_startup_mb',
  startup_memory_mb: 'dm_startup_mb',
  max_mb: 'dm_max_mb',
  maximum_memory_mb: 'dm_max_mb',
  cluster: 'clustered',
  mac: 'mac_type',
  mac_address_type: 'mac_type',
  scheduler: 'io_scheduler',
  elevator: 'io_scheduler',
  note: 'notes',
  comment: 'notes',
  comments: 'notes',
};

const KNOWN = new Set<string>(INVENTORY_COLUMNS);

/** "VM ID", "vm-id", "vm_id" and the aliases ("distro", "version", "host", …) name a column; anything else is unknown. */
export function normaliseColumn(header: string): InventoryColumn | undefined {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');
  if (KNOWN.has(key)) return key as InventoryColumn;
  return COLUMN_ALIASES[key] ?? COLUMN_ALIASES[key.replace(/_/g, '')];
}

/** The column list for help text: one line per column with its aliases. */
export function describeColumns(): string[] {
  const aliases = new Map<InventoryColumn, string[]>();
  for (const [alias, column] of Object.entries(COLUMN_ALIASES)) aliases.set(column, [...(aliases.get(column) ?? []), alias]);
  const width = Math.max(...INVENTORY_COLUMNS.map((c) => c.length));
  return INVENTORY_COLUMNS.map(
    (c) => `${c.padEnd(width)}  ${COLUMN_MEANINGS[c]}${aliases.get(c)?.length ? ` (also: ${aliases.get(c)!.slice(0, 4).join(', ')})` : ''}`,
  );
}

export type InventoryRow = Partial<Record<InventoryColumn, string>>;
