import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';
import type { RuleContext } from '../types.ts';

function rebuild(ctx: RuleContext, missing: readonly string[]): string {
  const list = missing.join(' ');
  const { distro, major } = ctx.guest;
  if ((distro === 'rhel' || distro === 'centos' || distro === 'oracle-linux') && major === 5) {
    return `mkinitrd -f ${missing.map((m) => `--preload=${m}`).join(' ')} /boot/initrd-$(uname -r).img $(uname -r)`;
  }
  if (distro === 'ubuntu' || distro === 'debian') {
    return `add ${list} to /etc/initramfs-tools/modules (one per line), then run update-initramfs -u`;
  }
  return `dracut -f --add-drivers "${list}" /boot/initramfs-$(uname -r).img $(uname -r)`;
}

export const lisInitrdMissingHv = defineRule({
  id: 'LIS_INITRD_MISSING_HV',
  category: 'lis',
  severity: 'critical',
  title: 'Boot disk drivers are missing from the initramfs',
  needs: ['initramfs'],
  uses: ['hvModules'],
  evaluate(ctx) {
    const initramfs = fact(ctx, 'initramfs');
    if (initramfs.value.unreadable) return 'skip';
    const builtin = ctx.facts.hvModules?.value.builtin ?? [];
    const missing = ['hv_vmbus', 'hv_storvsc'].filter((m) => !builtin.includes(m) && !initramfs.value.modules.includes(m));
    if (missing.length === 0) return 'pass';
    return finding(ctx, {
      detail: `The initramfs of the running kernel lacks ${missing.join(' and ')}. A VM whose boot disk sits on synthetic storage (every Generation 2 VM, and disks on SCSI) will not find it after a rebuild, a kernel update or a move from another hypervisor.`,
      fix: `Rebuild the initramfs with the Hyper-V storage drivers: ${rebuild(ctx, missing)}.`,
      evidence: evidenceOf(initramfs),
    });
  },
});
