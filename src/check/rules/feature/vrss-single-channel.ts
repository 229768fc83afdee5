import { hostAtLeast } from '../context.ts';
import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const vrssSingleChannel = defineRule({
  id: 'VRSS_SINGLE_CHANNEL',
  category: 'feature',
  severity: 'info',
  title: 'Network interrupts land on one vCPU',
  needs: ['network', 'cpu'],
  evaluate(ctx) {
    const network = fact(ctx, 'network');
    const cpus = fact(ctx, 'cpu').value.count;
    if (cpus === undefined) return 'skip';
    const synthetic = network.value.interfaces.filter((i) => i.driver === 'hv_netvsc' || i.driver === 'hn');
    const known = synthetic.filter((i) => i.queues !== undefined && i.queues > 0);
    if (known.length === 0) return 'skip';
    const newHost = hostAtLeast(ctx, '2012 R2');
    if (newHost === undefined) return 'skip';
    if (!newHost || cpus <= 1) return 'pass';
    const single = known.filter((i) => i.queues === 1);
    if (single.length === 0) return 'pass';
    return finding(ctx, {
      detail: `${single.map((i) => token(i.name, 16)).join(', ')} use${single.length === 1 ? 's' : ''} one channel on a ${cpus}-vCPU VM: all network interrupts land on one vCPU. Virtual RSS spreads them, but needs drivers that support it (e.g. RHEL 6.6+/7.1+ built-in, or LIS 4.x).`,
      fix: 'Update to a kernel or LIS release with vRSS; then ethtool -l shows more than one combined channel.',
      evidence: evidenceOf(network, ctx.facts.cpu),
    });
  },
});
