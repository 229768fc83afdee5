import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const bpLegacyNic = defineRule({
  id: 'BP_LEGACY_NIC',
  category: 'best-practice',
  severity: 'warning',
  title: 'Remove legacy network adapters',
  needs: ['network'],
  evaluate(ctx) {
    const network = fact(ctx, 'network').value;
    if (network.legacy.length === 0 || !network.synthetic) return 'pass';
    return finding(ctx, {
      detail: `A legacy (emulated) network adapter (${network.legacy.map((l) => token(l, 12)).join(', ')}) sits next to the synthetic one. Mixing them gives random interface names such as _tmp12345 and slow networking on the legacy adapter.`,
      fix: 'Remove the legacy network adapter from the VM settings (keep it only for PXE boot of Generation 1 VMs, then remove it).',
      evidence: evidenceOf(ctx.facts.network),
    });
  },
});
