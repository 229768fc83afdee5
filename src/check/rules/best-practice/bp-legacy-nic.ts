import { evidenceOf, finding, token } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const bpLegacyNic: Rule = {
  id: 'BP_LEGACY_NIC',
  evaluate(ctx) {
    const network = ctx.facts.network?.value;
    if (!network) return 'skip';
    if (network.legacy.length === 0 || !network.synthetic) return 'pass';
    return finding(ctx, 'BP_LEGACY_NIC', {
      detail: `A legacy (emulated) network adapter (${network.legacy.map((l) => token(l, 12)).join(', ')}) sits next to the synthetic one. Mixing them gives random interface names such as _tmp12345 and slow networking on the legacy adapter.`,
      fix: 'Remove the legacy network adapter from the VM settings (keep it only for PXE boot of Generation 1 VMs, then remove it).',
      evidence: evidenceOf(ctx.facts.network),
    });
  },
};
