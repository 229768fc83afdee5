import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const bpFreebsdDvdAta = defineRule({
  id: 'BP_FREEBSD_DVD_ATA',
  category: 'best-practice',
  severity: 'info',
  title: 'Old FreeBSD may not see the virtual DVD',
  needs: ['os'],
  uses: ['loaderConf'],
  evaluate(ctx) {
    const { distro, major } = ctx.guest;
    if (!distro) return 'skip';
    if (distro !== 'freebsd') return 'pass';
    if (major === undefined) return 'skip';
    if (major !== 8 && major !== 9) return 'pass';
    const loader = ctx.facts.loaderConf?.value;
    if (loader && loader['hw.ata.disk_enable'] === '1') return 'pass';
    return finding(ctx, {
      detail: `FreeBSD ${major}.x with the integration services: the virtual DVD drive may not be recognised${loader ? ' (hw.ata.disk_enable is not set in /boot/loader.conf)' : ''}.`,
      fix: 'Add hw.ata.disk_enable="1" to /boot/loader.conf and reboot.',
      evidence: evidenceOf(ctx.facts.os, ctx.facts.loaderConf),
    });
  },
});
