import { parseLinuxRelease } from '../../parse/facts/kernel.ts';
import { compareTuples, evidenceOf, finding, token } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

function order(release: string): number[] {
  const p = parseLinuxRelease(release);
  return [...p.upstream, ...p.vendorBuild];
}

export const lisKernelUpdateRisk = defineRule({
  id: 'LIS_KERNEL_UPDATE_RISK',
  category: 'lis',
  severity: 'warning',
  title: 'A kernel update may boot without matching LIS modules',
  needs: ['lis'],
  uses: ['autoUpdates', 'kernel', 'kernelPackages'],
  evaluate(ctx) {
    const lis = fact(ctx, 'lis');
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
    return finding(ctx, {
      detail: `With the LIS download installed, ${parts.join(' and ')}: the next reboot may start a kernel without matching LIS modules.`,
      fix: 'Before the next kernel update: stop automatic updates; then uninstall LIS, install the new kernel and boot it, install the LIS build that matches it, and boot once more.',
      evidence: evidenceOf(packages, auto, lis),
    });
  },
});
