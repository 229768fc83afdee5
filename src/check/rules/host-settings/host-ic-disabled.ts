import { defineRule, fact } from '../define.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { listNames } from './integration-services.ts';

/** What a guest loses with each service switched off at the host. */
const LOSS: Record<string, string> = {
  'Key-Value Pair Exchange': 'the host sees no IP address or OS details for the VM and cannot inject a static IP',
  VSS: 'backups cannot freeze the guest and are taken offline (saved state)',
  'Time Synchronization': 'the guest no longer takes the host clock at boot and after a restore or resume',
  Heartbeat: 'the host cannot tell whether the guest is responsive',
  Shutdown: 'the host cannot shut the guest down cleanly',
  'Guest Service Interface': 'Copy-VMFile cannot copy files into the VM (this service is off by default)',
};

export const hostIcDisabled = defineRule({
  id: 'HOST_IC_DISABLED',
  category: 'feature',
  severity: 'warning',
  title: 'An integration service is switched off at the host',
  needs: ['vmSettings'],
  withoutHyperV: true,
  evaluate(ctx) {
    const services = fact(ctx, 'vmSettings').value.integrationServices;
    const off = services.filter((s) => s.enabled === false);
    if (off.length === 0) return services.length === 0 ? 'skip' : 'pass';
    const onlyGuestServices = off.every((s) => s.name === 'Guest Service Interface');
    const names = off.map((s) => s.name);
    return finding(ctx, {
      severity: onlyGuestServices ? 'info' : 'warning',
      detail: `Switched off at the host: ${listNames(names)}. ${off.map((s) => `Without ${s.name}, ${LOSS[s.name] ?? 'the guest loses that service'}.`).join(' ')}`,
      fix: `Turn it on where you need it: ${names.map((name) => `Enable-VMIntegrationService -VMName <vm> -Name "${name}"`).join('; ')}.`,
      evidence: evidenceOf(ctx.facts.vmSettings),
      kbFix: false,
    });
  },
});
