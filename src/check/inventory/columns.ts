/** Inventory columns; the same keys are used in JSON lines. */
export const INVENTORY_COLUMNS = [
  'vm_id', 'host_os', 'host_build', 'generation', 'os_family', 'os_version', 'arch', 'kernel', 'lis_package',
  'kvp_daemon', 'vss_daemon', 'dynamic_memory', 'dm_startup_mb', 'dm_max_mb', 'clustered', 'mac_type', 'io_scheduler', 'notes',
] as const;
export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];

const KNOWN = new Set<string>(INVENTORY_COLUMNS);

/** "VM ID", "vm-id" and "vm_id" all name the vm_id column. */
export function normaliseColumn(header: string): InventoryColumn | undefined {
  const key = header.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return KNOWN.has(key) ? (key as InventoryColumn) : undefined;
}

export type InventoryRow = Partial<Record<InventoryColumn, string>>;
