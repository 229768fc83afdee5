import { hostBelow } from '../context.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

const SMALL_RESERVATION = 160 * 1024 * 1024;

export const bpKdumpMemory = defineRule({
  id: 'BP_KDUMP_MEMORY',
  category: 'best-practice',
  severity: 'tip',
  title: 'Reserve enough crash kernel memory',
  needs: ['kdump'],
  evaluate(ctx) {
    const kdump = fact(ctx, 'kdump').value;
    if (kdump.enabled === false || (kdump.enabled === undefined && !kdump.crashkernel)) return 'pass';
    const reasons: string[] = [];
    const reserved = kdump.reservedBytes;
    if (reserved === 0)
      reasons.push(
        `kdump is ${kdump.enabled ? 'enabled' : 'configured'} but no crash kernel memory is reserved${kdump.crashkernel === 'auto' ? ' (crashkernel=auto reserves nothing on small VMs)' : ''}`,
      );
    else if (reserved !== undefined && reserved < SMALL_RESERVATION)
      reasons.push(`only ${Math.round(reserved / 1024 / 1024)} MB is reserved for the crash kernel`);
    if (hostBelow(ctx, '2012 R2'))
      reasons.push(
        `${ctx.guest.host?.label ?? 'this host'} is older than 2012 R2, where the crash kernel cannot reconnect to VMBus devices`,
      );
    if (reasons.length === 0) return 'pass';
    return finding(ctx, {
      detail: `A crash dump may not be captured: ${reasons.join('; ')}.`,
      fix: 'Reserve more memory for the crash kernel, e.g. crashkernel=384M-:256M on the kernel command line (then reboot), and test with a deliberate crash in a maintenance window.',
      evidence: evidenceOf(ctx.facts.kdump),
    });
  },
});
