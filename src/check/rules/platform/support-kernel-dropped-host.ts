import { compareTuples, evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

/** Upstream Linux 5.19 stopped speaking VMBus 0.13 and 1.1, the protocols of Windows Server 2008 and 2008 R2. */
const DROPPED_IN = [5, 19];

export const supportKernelDroppedHost = defineRule({
  id: 'SUPPORT_KERNEL_DROPPED_HOST',
  category: 'platform',
  severity: 'critical',
  title: 'The kernel no longer talks to this old host',
  needs: ['kernel'],
  uses: ['host', 'vmbus'],
  evaluate(ctx) {
    const kernel = fact(ctx, 'kernel').value;
    if (kernel.osType !== 'Linux') return 'pass';
    const family = ctx.guest.host?.family;
    const vmbus = ctx.facts.vmbus?.value.version;
    const oldHost =
      family !== undefined
        ? family === '2008' || family === '2008 R2'
        : vmbus !== undefined
          ? vmbus === '0.13' || vmbus === '1.1'
          : undefined;
    if (oldHost === undefined) return 'skip';
    if (!oldHost || compareTuples(kernel.upstream, DROPPED_IN) < 0) return 'pass';
    return finding(ctx, {
      detail: `Kernel ${kernel.upstream.join('.')} no longer speaks the VMBus protocol of ${ctx.guest.host?.label ?? 'this host'} (support for 2008 and 2008 R2 hosts left the kernel in 5.19): synthetic disks and network adapters do not attach, so the VM may not boot.`,
      fix: 'Boot the previous kernel (older than 5.19) and hold kernel updates, or move the VM to a 2012 R2 or newer host first.',
      evidence: evidenceOf(ctx.facts.kernel, ctx.facts.host, ctx.facts.vmbus),
    });
  },
});
