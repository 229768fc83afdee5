import { defineRule, fact } from '../define.ts';
import { evidenceOf, finding } from '../helpers.ts';

export const hostLegacyAdapter = defineRule({
  id: 'HOST_LEGACY_ADAPTER',
  category: 'best-practice',
  severity: 'warning',
  title: 'The VM has a legacy network adapter',
  needs: ['vmSettings'],
  withoutHyperV: true,
  evaluate(ctx) {
    const { networkAdapters, legacyAdapters } = fact(ctx, 'vmSettings').value;
    if (legacyAdapters === undefined) return 'skip';
    if (legacyAdapters === 0) return 'pass';
    const only = networkAdapters === legacyAdapters;
    return finding(ctx, {
      detail: `${only ? 'The VM has only a legacy network adapter' : 'The VM has a legacy network adapter beside its synthetic one'}: it is an emulated 100 Mbit DEC 21140 (tulip in Linux, de in FreeBSD), slow and CPU-hungry${only ? '' : ', and mixing it with the synthetic adapter gives changing interface names'}.`,
      fix: 'Add a synthetic "Network Adapter" (Add-VMNetworkAdapter -VMName <vm> -SwitchName <switch>) and remove the legacy one (Remove-VMNetworkAdapter); keep a legacy adapter only to PXE-boot a Generation 1 VM.',
      evidence: evidenceOf(ctx.facts.vmSettings),
      kbFix: false,
    });
  },
});
