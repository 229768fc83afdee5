import { evidenceOf, finding } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const bpNoSyntheticNic: Rule = {
  id: 'BP_NO_SYNTHETIC_NIC',
  evaluate(ctx) {
    const network = ctx.facts.network?.value;
    if (!network) return 'skip';
    if (network.synthetic || network.legacy.length === 0) return 'pass';
    return finding(ctx, 'BP_NO_SYNTHETIC_NIC', {
      detail: 'Only the emulated 100 Mbit/s legacy adapter is in use: no synthetic (hv_netvsc) network adapter is active.',
      fix: 'Add a Hyper-V network adapter to the VM (its driver is hv_netvsc, built in or from LIS) and move the configuration to it.',
      evidence: evidenceOf(ctx.facts.network),
    });
  },
};
