import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const bpFreebsdDiskLabels = defineRule({
  id: 'BP_FREEBSD_DISK_LABELS',
  category: 'best-practice',
  severity: 'warning',
  title: 'FreeBSD fstab names raw disk devices',
  needs: ['os'],
  uses: ['fstab'],
  evaluate(ctx) {
    const distro = ctx.guest.distro;
    if (!distro) return 'skip';
    if (distro !== 'freebsd') return 'pass';
    const fstab = ctx.facts.fstab;
    if (!fstab) return 'skip';
    const raw = fstab.value.devicePaths.filter((p) => /^\/dev\/a?da\d/.test(p));
    if (raw.length === 0) return 'pass';
    return finding(ctx, {
      detail: `/etc/fstab names raw disk devices (${raw
        .slice(0, 3)
        .map((p) => token(p, 30))
        .join(
          ', ',
        )}). When device names change (another controller, the Hyper-V storage driver taking over from ATA) the boot stops at ROOT MOUNT ERROR.`,
      fix: 'Refer to file systems by GPT label or UUID (/dev/gpt/<label>, /dev/gptid/<uuid>; glabel for UFS labels) in /etc/fstab.',
      evidence: evidenceOf(fstab),
    });
  },
});
