import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const hvNotDetected = defineRule({
  id: 'HV_NOT_DETECTED',
  category: 'platform',
  severity: 'info',
  title: 'No sign of Hyper-V (or its drivers are not loaded)',
  needs: [],
  uses: ['hvModules', 'virtualization'],
  withoutHyperV: true,
  evaluate(ctx) {
    const { hyperV } = ctx.guest;
    if (hyperV === 'yes') return 'pass';
    if (hyperV === 'unknown') return 'skip';
    const virt = ctx.facts.virtualization;
    if (hyperV === 'no') {
      const what =
        virt?.value.hypervisor === 'none' ? 'bare metal (no hypervisor)' : `another hypervisor (${token(virt?.value.detail, 30)})`;
      return finding(ctx, {
        detail: `The upload shows ${what}, not Hyper-V, so the Hyper-V checks were skipped.`,
        evidence: evidenceOf(virt),
        kbFix: false,
      });
    }
    return finding(ctx, {
      detail:
        'The VM runs on Hyper-V but no VMBus driver is loaded, so it uses the emulated IDE disk and legacy network adapter and has no integration services. The other checks were skipped.',
      fix: 'Get the Hyper-V drivers loaded: on releases with built-in drivers put hv_vmbus, hv_storvsc and hv_netvsc into the initramfs and reboot; on RHEL/CentOS 5.0-5.8 and 6.0-6.3 install the LIS download.',
      evidence: evidenceOf(virt, ctx.facts.hvModules),
    });
  },
});
