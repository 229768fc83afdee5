import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const bpNoSyntheticNic = defineRule({
  id: 'BP_NO_SYNTHETIC_NIC',
  category: 'best-practice',
  severity: 'warning',
  title: 'Only the emulated network adapter is in use',
  needs: ['network'],
  evaluate(ctx) {
    const network = fact(ctx, 'network').value;
    if (network.synthetic || network.legacy.length === 0) return 'pass';
    return finding(ctx, {
      detail: 'Only the emulated 100 Mbit/s legacy adapter is in use: no synthetic (hv_netvsc) network adapter is active.',
      fix: 'Add a Hyper-V network adapter to the VM (its driver is hv_netvsc, built in or from LIS) and move the configuration to it.',
      evidence: evidenceOf(ctx.facts.network),
    });
  },
});
