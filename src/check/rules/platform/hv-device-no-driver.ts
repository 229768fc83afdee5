import { finding, evidenceOf } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

/** Why an unbound channel matters, per device kind. */
const CONSEQUENCE: Record<string, string> = {
  'Dynamic Memory': 'without hv_balloon Dynamic Memory cannot add or reclaim memory',
  'Backup (volume checkpoint)': 'without the VSS driver and daemon there is no live backup',
  'Data Exchange': 'without the KVP driver the host sees no guest data (IP, OS)',
  'Guest services': 'Copy-VMFile cannot reach this guest',
  'Synthetic keyboard': 'the VM console keyboard falls back to emulation (LIS 3.5 had no synthetic keyboard driver)',
  'Synthetic mouse': 'the VM console mouse falls back to emulation',
  'Synthetic network adapter': 'this network adapter is unusable',
  'Synthetic SCSI controller': 'disks on this SCSI controller are invisible',
  'Synthetic framebuffer': 'the console uses the slow emulated VGA',
  'PCI Express pass-through': 'the assigned device (SR-IOV VF or DDA) is unusable',
};
const SERIOUS = new Set(['Dynamic Memory', 'Synthetic network adapter', 'Synthetic SCSI controller']);

export const hvDeviceNoDriver = defineRule({
  id: 'HV_DEVICE_NO_DRIVER',
  category: 'platform',
  severity: 'info',
  title: 'A VMBus device has no driver bound',
  needs: ['vmbusDevices'],
  evaluate(ctx) {
    const devices = fact(ctx, 'vmbusDevices');
    const unbound = devices.value.filter((d) => d.kind !== undefined && CONSEQUENCE[d.kind] !== undefined && !d.driver);
    if (unbound.length === 0) return 'pass';
    const kinds = [...new Set(unbound.map((d) => d.kind ?? ''))];
    const serious = kinds.some((k) => SERIOUS.has(k) && (k !== 'Dynamic Memory' || ctx.guest.dmInUse !== false));
    const classes = new Set(unbound.map((d) => d.classId ?? ''));
    const lines = devices.evidence.filter((e) => [...classes].some((c) => c && e.text.toLowerCase().includes(c)));
    return finding(ctx, {
      severity: serious ? 'warning' : 'info',
      detail: `The host offers ${kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1] ?? ''}` : (kinds[0] ?? '')} but no driver is bound: ${kinds.map((k) => CONSEQUENCE[k]).join('; ')}.`,
      fix: 'Check that the matching Hyper-V module loads (lsmod, dmesg); after a kernel or LIS update, reinstall the drivers for the running kernel.',
      evidence: evidenceOf(lines.length > 0 ? lines : devices),
    });
  },
});
