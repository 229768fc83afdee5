import { evidenceOf, familyLabel, finding, versionBetween } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const lisRequiredMissing = defineRule({
  id: 'LIS_REQUIRED_MISSING',
  category: 'lis',
  severity: 'critical',
  title: 'This release has no built-in drivers and LIS is not installed',
  needs: ['os'],
  uses: ['hvModules', 'lis'],
  withoutHyperV: true,
  evaluate(ctx) {
    const { distro, version, rhelLike, hyperV } = ctx.guest;
    if (!distro) return 'skip';
    if (!rhelLike || hyperV === 'no') return 'pass';
    if (!version) return 'skip';
    const noBuiltIn = versionBetween(version, '5.0', '5.8') || versionBetween(version, '6.0', '6.3');
    if (!noBuiltIn) return 'pass';
    const lis = ctx.facts.lis;
    const mods = ctx.facts.hvModules?.value;
    const vmbusLoaded = mods ? mods.loaded.includes('hv_vmbus') || mods.builtin.includes('hv_vmbus') : undefined;
    if (lis?.value.installed || vmbusLoaded || hyperV === 'yes') return 'pass';
    if (lis === undefined && vmbusLoaded === undefined && hyperV !== 'no-drivers') return 'skip';
    return finding(ctx, {
      detail: `${familyLabel(ctx)} has no built-in Hyper-V drivers and the LIS download is not installed: the VM runs on the slow emulated IDE disk and legacy network adapter, with no integration services.`,
      fix: 'Install the LIS download for this release (LIS 4.3 lists RHEL/CentOS 5.2-5.11 and 6.0-6.10), or upgrade to 6.4 or later, which has the drivers built in.',
      evidence: evidenceOf(ctx.facts.os, lis, ctx.facts.hvModules),
      kbFix: false,
    });
  },
});
