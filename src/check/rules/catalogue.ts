import type { FactKey } from '../guest-facts.ts';
import type { DiagnosticCode } from '../parse/diagnostics.ts';

export type RuleCategory = 'platform' | 'lis' | 'feature' | 'best-practice' | 'known-issue' | 'input';
export type RuleSeverity = 'critical' | 'warning' | 'info' | 'tip' | 'pass';

export interface RuleEntry {
  /** Stable id used by report templates. */
  readonly id: string;
  readonly category: RuleCategory;
  /** Highest severity the rule raises. */
  readonly severity: RuleSeverity;
  /** Used instead when a deciding fact (HA, Dynamic Memory use) is unknown. */
  readonly severityWhenUnsure?: RuleSeverity;
  readonly title: string;
  /** Facts the rule reads; when one is missing the rule reports "not evaluated". */
  readonly needsFacts: readonly FactKey[];
}

/** Rule ids from the guest-check design (section 4). Logic lives elsewhere; this is the list. */
export const RULE_CATALOGUE = [
  // Platform and support status
  { id: 'HV_NOT_DETECTED', category: 'platform', severity: 'info', title: 'No sign of Hyper-V (or its drivers are not loaded)', needsFacts: ['virtualization'] },
  { id: 'HV_AZURE_GUEST', category: 'platform', severity: 'info', title: 'This VM runs in Azure; on-premises matrices do not apply', needsFacts: ['azure'] },
  { id: 'HV_HOST_IDENTIFIED', category: 'platform', severity: 'info', title: 'Which Hyper-V host the VM runs on, and how we know', needsFacts: ['host'] },
  { id: 'HV_DEVICE_NO_DRIVER', category: 'platform', severity: 'info', title: 'A VMBus device has no driver bound', needsFacts: ['vmbusDevices'] },
  { id: 'SUPPORT_DISTRO_EOL', category: 'platform', severity: 'warning', title: 'The distribution release is past its end of support', needsFacts: ['os'] },
  { id: 'SUPPORT_NOT_IN_MATRIX', category: 'platform', severity: 'warning', title: 'Guest release and host are not a listed combination', needsFacts: ['os', 'host'] },
  { id: 'SUPPORT_HOST_EOL', category: 'platform', severity: 'warning', title: 'The Hyper-V host release is out of support', needsFacts: ['host'] },
  { id: 'SUPPORT_KERNEL_DROPPED_HOST', category: 'platform', severity: 'critical', title: 'The kernel no longer talks to this old host', needsFacts: ['kernel', 'vmbus'] },
  { id: 'SUPPORT_MINOR_RELEASE_OLD', category: 'platform', severity: 'info', title: 'An old minor release misses later Hyper-V fixes', needsFacts: ['os'] },
  { id: 'SUPPORT_32BIT_GUEST', category: 'platform', severity: 'info', title: '32-bit guest limits', needsFacts: ['kernel'] },
  // LIS packaging
  { id: 'LIS_REQUIRED_MISSING', category: 'lis', severity: 'critical', title: 'This release has no built-in drivers and LIS is not installed', needsFacts: ['os', 'hvModules', 'lis'] },
  { id: 'LIS_NOT_NEEDED_BUILTIN', category: 'lis', severity: 'info', title: 'LIS is installed on a release that has certified built-in drivers', needsFacts: ['os', 'lis'] },
  { id: 'LIS_OUTDATED', category: 'lis', severity: 'warning', title: 'The installed LIS release is superseded', needsFacts: ['os', 'lis'] },
  { id: 'LIS_MODULES_NOT_LOADED', category: 'lis', severity: 'critical', title: 'LIS is installed but its modules are not the ones loaded', needsFacts: ['lis', 'hvModules'] },
  { id: 'LIS_KERNEL_UNSUPPORTED', category: 'lis', severity: 'warning', title: 'The running kernel is newer than this LIS build supports', needsFacts: ['lis', 'kernel', 'hvModules'] },
  { id: 'LIS_KERNEL_UPDATE_RISK', category: 'lis', severity: 'warning', title: 'A kernel update may boot without matching LIS modules', needsFacts: ['lis', 'kernel'] },
  { id: 'LIS_DAEMON_CONFLICT', category: 'lis', severity: 'warning', title: 'Two KVP daemons compete for the channel', needsFacts: ['lis', 'daemons'] },
  { id: 'LIS_BUILTIN_VERSION_NOTE', category: 'lis', severity: 'info', title: 'Built-in driver version 3.1 does not mean outdated', needsFacts: ['hvModules'] },
  { id: 'LIS_VMBUS_CAPPED', category: 'lis', severity: 'info', title: 'The guest negotiates an older VMBus protocol than the host offers', needsFacts: ['vmbus', 'host'] },
  { id: 'LIS_INITRD_MISSING_HV', category: 'lis', severity: 'critical', title: 'Boot disk drivers are missing from the initramfs', needsFacts: ['hvModules'] },
  // Feature availability
  { id: 'FEATURE_TABLE', category: 'feature', severity: 'info', title: 'Which Hyper-V features this guest can use on this host', needsFacts: ['os', 'host'] },
  { id: 'DM_32BIT', category: 'feature', severity: 'warning', severityWhenUnsure: 'info', title: 'Dynamic Memory on a 32-bit guest', needsFacts: ['kernel', 'balloon'] },
  { id: 'DM_HOST_NO_LINUX_DM', category: 'feature', severity: 'info', title: 'The host is too old for Linux Dynamic Memory', needsFacts: ['host'] },
  { id: 'DM_BALLOON_ONLY', category: 'feature', severity: 'warning', title: 'Dynamic Memory can shrink this VM but never grow it', needsFacts: ['balloon', 'lis', 'os'] },
  { id: 'DM_HOTADD_NOT_ONLINED', category: 'feature', severity: 'warning', title: 'Hot-added memory stays offline', needsFacts: ['balloon', 'memory'] },
  { id: 'DM_HOTADD_FAILED', category: 'feature', severity: 'warning', title: 'The host tried to add memory and the guest refused', needsFacts: ['balloon'] },
  { id: 'DM_SIZING_TIP', category: 'feature', severity: 'tip', title: 'Dynamic Memory sizing advice', needsFacts: ['balloon'] },
  { id: 'KVP_DAEMON_MISSING', category: 'feature', severity: 'warning', title: 'The KVP (data exchange) daemon is not installed', needsFacts: ['daemons', 'os'] },
  { id: 'KVP_DAEMON_NOT_RUNNING', category: 'feature', severity: 'warning', title: 'The KVP daemon is installed but not running', needsFacts: ['daemons'] },
  { id: 'KVP_UBUNTU_TOOLS_MISMATCH', category: 'feature', severity: 'warning', title: 'Ubuntu cloud tools do not match the running kernel', needsFacts: ['daemons', 'kernel'] },
  { id: 'KVP_PROTOCOL_MISMATCH', category: 'feature', severity: 'warning', title: 'The KVP daemon is older than the kernel driver', needsFacts: ['logSignatures'] },
  { id: 'KVP_POOL_PERMS', category: 'feature', severity: 'info', title: 'KVP pool files look unhealthy', needsFacts: ['kvpHost'] },
  { id: 'VSS_DAEMON_MISSING', category: 'feature', severity: 'warning', title: 'Live backup is unavailable: no VSS daemon', needsFacts: ['daemons', 'host'] },
  { id: 'VSS_NOT_AVAILABLE', category: 'feature', severity: 'info', title: 'Live backup is not available for this combination', needsFacts: ['os', 'host'] },
  { id: 'VSS_CAVEATS', category: 'feature', severity: 'info', title: 'Disk setups that make live backup unreliable', needsFacts: ['fstab', 'storage'] },
  { id: 'VSS_TIMEOUTS', category: 'feature', severity: 'warning', title: 'Backups fail while freezing or thawing file systems', needsFacts: ['logSignatures'] },
  { id: 'FCOPY_NOT_AVAILABLE', category: 'feature', severity: 'info', title: 'Copy-VMFile (guest services) is not available', needsFacts: ['daemons'] },
  { id: 'TRIM_NOT_USED', category: 'feature', severity: 'tip', title: 'Freed blocks are not returned to the dynamic VHDX', needsFacts: ['trim', 'host'] },
  { id: 'TRIM_NOT_SUPPORTED', category: 'feature', severity: 'info', title: 'The guest cannot send TRIM to its virtual disks', needsFacts: ['trim', 'os', 'host'] },
  { id: 'VRSS_SINGLE_CHANNEL', category: 'feature', severity: 'info', title: 'Network interrupts land on one vCPU', needsFacts: ['network', 'cpu', 'host'] },
  { id: 'GEN2_UNSUPPORTED', category: 'feature', severity: 'warning', title: 'Generation 2 is not supported for this guest and host', needsFacts: ['generation', 'os', 'host'] },
  { id: 'GEN2_SECURE_BOOT', category: 'feature', severity: 'warning', severityWhenUnsure: 'info', title: 'Secure Boot template needed for Linux on Generation 2', needsFacts: ['generation', 'host'] },
  { id: 'VHDX_RESIZE_LIMITED', category: 'feature', severity: 'info', title: 'Online virtual disk resize is not supported', needsFacts: ['os', 'host'] },
  { id: 'FC_LUN0', category: 'feature', severity: 'tip', title: 'Virtual Fibre Channel needs LUN 0', needsFacts: ['vmbusDevices'] },
  // Best practices
  { id: 'BP_IO_SCHEDULER', category: 'best-practice', severity: 'tip', title: 'Let the host schedule disk I/O (noop or none)', needsFacts: ['ioSchedulers'] },
  { id: 'BP_LEGACY_NIC', category: 'best-practice', severity: 'warning', title: 'Remove legacy network adapters', needsFacts: ['network'] },
  { id: 'BP_NO_SYNTHETIC_NIC', category: 'best-practice', severity: 'warning', title: 'Only the emulated network adapter is in use', needsFacts: ['network'] },
  { id: 'BP_STATIC_MAC_HA', category: 'best-practice', severity: 'warning', severityWhenUnsure: 'info', title: 'Network config bound to a MAC that changes on failover', needsFacts: ['network'] },
  { id: 'BP_STATIC_IP_INJECTION_NM', category: 'best-practice', severity: 'tip', title: 'NetworkManager may block static IP injection', needsFacts: ['network', 'userContext'] },
  { id: 'BP_NUMA_OLD_KERNEL', category: 'best-practice', severity: 'warning', title: 'Old kernels need numa=off on large VMs', needsFacts: ['kernel', 'numa'] },
  { id: 'BP_KDUMP_MEMORY', category: 'best-practice', severity: 'tip', title: 'Reserve enough crash kernel memory', needsFacts: ['kdump'] },
  { id: 'BP_GEN2_GRUB_TIMEOUT', category: 'best-practice', severity: 'tip', title: 'GRUB countdown runs too fast on Generation 2', needsFacts: ['generation', 'os'] },
  { id: 'BP_CLOCKSOURCE', category: 'best-practice', severity: 'warning', title: 'The guest uses a slow or drifting clock source', needsFacts: ['timeSync', 'kernel'] },
  { id: 'BP_FREEBSD_DISK_LABELS', category: 'best-practice', severity: 'warning', title: 'FreeBSD fstab names raw disk devices', needsFacts: ['os', 'fstab'] },
  { id: 'BP_FREEBSD_DVD_ATA', category: 'best-practice', severity: 'info', title: 'Old FreeBSD may not see the virtual DVD', needsFacts: ['os'] },
  { id: 'BP_FREEBSD_MTU', category: 'best-practice', severity: 'info', title: 'MTU above the supported maximum', needsFacts: ['os', 'network'] },
  { id: 'BP_UBUNTU_KERNEL_FLAVOUR', category: 'best-practice', severity: 'tip', title: 'Use a kernel flavour that tracks Hyper-V fixes', needsFacts: ['os', 'kernel'] },
  { id: 'BP_DYNAMIC_VHDX_FS', category: 'best-practice', severity: 'tip', title: 'File system choice for dynamic VHDX', needsFacts: ['fstab'] },
  // Known issues
  { id: 'KI_VMBUS_CONNECT_FAIL', category: 'known-issue', severity: 'critical', title: 'Guest and host cannot agree on a VMBus version', needsFacts: ['logSignatures'] },
  { id: 'KI_LIS_SYMBOL_MISMATCH', category: 'known-issue', severity: 'critical', title: 'Hyper-V modules rejected for symbol version mismatch', needsFacts: ['logSignatures'] },
  { id: 'KI_KVP_LOG_FLOOD', category: 'known-issue', severity: 'warning', title: 'KVP daemon restart loop floods the log', needsFacts: ['logSignatures'] },
  { id: 'KI_CENTOS68_MTRR', category: 'known-issue', severity: 'warning', title: 'Large VMs lose memory to an MTRR bug', needsFacts: ['logSignatures', 'os'] },
  { id: 'KI_STORVSC_ERRORS', category: 'known-issue', severity: 'warning', title: 'Storage driver errors in the log', needsFacts: ['logSignatures'] },
  { id: 'KI_NETVSC_ERRORS', category: 'known-issue', severity: 'warning', title: 'Network driver errors in the log', needsFacts: ['logSignatures'] },
  { id: 'KI_SOFT_LOCKUP', category: 'known-issue', severity: 'info', title: 'Soft lockups or hung tasks in the log', needsFacts: ['logSignatures'] },
] as const satisfies readonly RuleEntry[];

/** Input diagnostics (section 4.6) reported next to findings; they explain skipped rules. */
export const INPUT_DIAGNOSTIC_RULES = [
  { id: 'INPUT_TRUNCATED', title: 'The upload is incomplete' },
  { id: 'INPUT_SECTION_MISSING', title: 'An expected section is missing' },
  { id: 'INPUT_DUPLICATE_SECTION', title: 'A section appears twice' },
  { id: 'INPUT_BINARY_DATA', title: 'The upload contains binary data' },
  { id: 'INPUT_LINE_TOO_LONG', title: 'Over-long lines were shortened' },
  { id: 'INPUT_UNKNOWN_FORMAT', title: 'Parts of the upload were not recognised' },
  { id: 'INPUT_NOT_ROOT', title: 'The collector ran without root rights' },
  { id: 'INPUT_CSV_FORMULA', title: 'An inventory cell looks like a formula' },
  { id: 'INPUT_CONTEXT_IN_UPLOAD', title: 'A user-context block inside the upload was ignored' },
  { id: 'INPUT_REDACTION_APPLIED', title: 'Names and addresses were redacted' },
] as const satisfies readonly { id: DiagnosticCode; title: string }[];

export type RuleId = (typeof RULE_CATALOGUE)[number]['id'];
