import { compareProtocol, HOST_MAX_VMBUS } from '../data/hosts.ts';
import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const lisVmbusCapped = defineRule({
  id: 'LIS_VMBUS_CAPPED',
  category: 'lis',
  severity: 'info',
  title: 'The guest negotiates an older VMBus protocol than the host offers',
  needs: [],
  uses: ['kernel', 'vmbus'],
  evaluate(ctx) {
    const vmbus = ctx.facts.vmbus?.value.version;
    const host = ctx.guest.host;
    if (!vmbus || !host?.family) return 'skip';
    const max = HOST_MAX_VMBUS[host.family];
    if (compareProtocol(vmbus, max) >= 0) return 'pass';
    const lis =
      ctx.guest.lis?.installed && ctx.guest.lis.version
        ? `LIS ${token(ctx.guest.lis.version, 12)}`
        : `kernel ${token(ctx.facts.kernel?.value.release, 60)}`;
    const kexec =
      compareProtocol(vmbus, '3.0') < 0 && compareProtocol(max, '3.0') >= 0
        ? ' For example kexec/kdump reconnecting on any CPU needs protocol 3.0.'
        : '';
    return finding(ctx, {
      detail: `The guest negotiated VMBus ${vmbus}, while ${host.label} offers up to ${max}: the guest's drivers (${lis}) set the cap. Not a fault, but driver behaviour tied to newer protocols stays off.${kexec} Do not read ${vmbus} as the host version.`,
      evidence: evidenceOf(ctx.facts.vmbus),
      kbFix: false,
    });
  },
});
