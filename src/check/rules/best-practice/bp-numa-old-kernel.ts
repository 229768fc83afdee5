import { compareTuples, evidenceOf, finding, token } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

const LARGE_VCPUS = 8;
const LARGE_RAM_KB = 32 * 1024 * 1024;

export const bpNumaOldKernel = defineRule({
  id: 'BP_NUMA_OLD_KERNEL',
  category: 'best-practice',
  severity: 'warning',
  title: 'Old kernels need numa=off on large VMs',
  needs: ['kernel'],
  uses: ['cmdline', 'cpu', 'memory', 'numa'],
  evaluate(ctx) {
    const kernel = fact(ctx, 'kernel').value;
    if (kernel.osType !== 'Linux') return 'pass';
    const rhelKernel = kernel.distTag !== undefined && /^el[56]/.test(kernel.distTag);
    const old = rhelKernel
      ? compareTuples(kernel.upstream, [2, 6, 32]) < 0 ||
        (compareTuples(kernel.upstream, [2, 6, 32]) === 0 && (kernel.vendorBuild[0] ?? 0) < 504)
      : compareTuples(kernel.upstream, [2, 6, 37]) < 0;
    if (!old) return 'pass';
    const numa = ctx.facts.numa?.value;
    const cmdline = ctx.facts.cmdline?.value;
    if (numa?.numaOff || cmdline?.numaOff) return 'pass';
    const nodes = numa?.nodes;
    const cpus = ctx.facts.cpu?.value.count;
    const ram = ctx.facts.memory?.value.totalKb;
    if (nodes === undefined && cpus === undefined && ram === undefined) return 'skip';
    const large = (nodes ?? 1) > 1 || (cpus ?? 0) >= LARGE_VCPUS || (ram ?? 0) >= LARGE_RAM_KB;
    if (!large) return 'pass';
    return finding(ctx, {
      detail: `Kernel ${token(kernel.release, 60)} predates NUMA support for Hyper-V VMs (upstream 2.6.37, RHEL 6.6's 2.6.32-504), and this VM is large (${[nodes !== undefined ? `${nodes} NUMA nodes` : '', cpus !== undefined ? `${cpus} vCPUs` : '', ram !== undefined ? `${Math.round(ram / 1024 / 1024)} GB RAM` : ''].filter(Boolean).join(', ')}).`,
      fix: 'Add numa=off to the kernel command line, or update to a kernel with NUMA support.',
      evidence: evidenceOf(ctx.facts.kernel, ctx.facts.numa, ctx.facts.cpu),
    });
  },
});
