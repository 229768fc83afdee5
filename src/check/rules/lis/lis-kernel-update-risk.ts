import { parseLinuxRelease } from '../../parse/facts/kernel.ts';
import { compareTuples, evidenceOf, finding, token } from '../helpers.ts';
import type { Rule } from '../types.ts';

function order(release: string): number[] {
  const p = parseLinuxRelease(release);
  return [...p.upstream, ...p.vendorBuild];
}

export const lisKernelUpdateRisk: Rule = {
  id: 'LIS_KERNEL_UPDATE_RISK',
  evaluate(ctx) {
    const lis = ctx.facts.lis;
    if (!lis) return 'skip';
    if (!lis.value.installed) return 'pass';
    const packages = ctx.facts.kernelPackages;
    const auto = ctx.facts.autoUpdates;
    const running = ctx.facts.kernel?.value.release;
    if (!running || (!packages && !auto)) return 'skip';
    const newer = (packages?.value.installed ?? []).filter((r) => compareTuples(order(r), order(running)) > 0);
    const updaters = auto?.value ?? [];
    if (newer.length === 0 && updaters.length === 0) return 'pass';
    const parts: string[] = [];
    if (newer.length > 0) parts.push(`a newer kernel is installed but not running (${newer.slice(0, 3).map((r) => token(r, 60)).join(', ')})`);
    if (updaters.length > 0) parts.push(`automatic updates are on (${updaters.map((u) => token(u, 30)).join(', ')})`);
    return finding(ctx, 'LIS_KERNEL_UPDATE_RISK', {
      detail: `With the LIS download installed, ${parts.join(' and ')}: the next reboot may start a kernel without matching LIS modules.`,
      fix: 'Before the next kernel update: stop automatic updates; then uninstall LIS, install the new kernel and boot it, install the LIS build that matches it, and boot once more.',
      evidence: evidenceOf(packages, auto, lis),
    });
  },
};
