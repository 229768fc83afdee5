import { kernelWithoutArch } from '../../parse/facts/lis.ts';
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
  uses: ['autoUpdates', 'kernel', 'kernelPackages', 'lisBuildTargets'],
  evaluate(ctx) {
    const lis = fact(ctx, 'lis');
    if (!lis.value.installed) return 'pass';
    const packages = ctx.facts.kernelPackages;
    const auto = ctx.facts.autoUpdates;
    const targets = ctx.facts.lisBuildTargets;
    const running = ctx.facts.kernel?.value.release;
    if (!running || (!packages && !auto && !targets)) return 'skip';
    const runningKernel = kernelWithoutArch(running);
    const installed = (packages?.value.installed ?? []).map(kernelWithoutArch);
    const newest = [...installed, runningKernel].sort((a, b) => compareTuples(order(b), order(a)))[0] ?? runningKernel;
    const newer = installed.filter((r) => compareTuples(order(r), order(runningKernel)) > 0);
    const updaters = auto?.value ?? [];
    // The kmods are built for one kernel; on any other (running via weak-updates, or the newest one to boot next) they may not load.
    const builtFor = targets?.value ?? [];
    const offTarget = builtFor.length > 0 && (!builtFor.includes(runningKernel) || !builtFor.includes(newest));
    if (newer.length === 0 && updaters.length === 0 && !offTarget) return 'pass';
    const parts: string[] = [];
    if (offTarget)
      parts.push(
        `the LIS kernel modules were built for ${builtFor
          .slice(0, 2)
          .map((r) => token(r, 60))
          .join(
            ', ',
          )}, but the running kernel is ${token(runningKernel, 60)}${newest !== runningKernel ? ` and the newest installed is ${token(newest, 60)}` : ''}`,
      );
    if (newer.length > 0)
      parts.push(
        `a newer kernel is installed but not running (${newer
          .slice(0, 3)
          .map((r) => token(r, 60))
          .join(', ')})`,
      );
    if (updaters.length > 0) parts.push(`automatic updates are on (${updaters.map((u) => token(u, 30)).join(', ')})`);
    return finding(ctx, {
      detail: `With the LIS download installed, ${parts.join('; ')}: the next reboot may start a kernel without matching LIS modules.`,
      fix: 'Before the next kernel update: stop automatic updates; then uninstall LIS, install the new kernel and boot it, install the LIS build that matches it, and boot once more.',
      evidence: evidenceOf(targets, packages, auto, lis),
    });
  },
});
