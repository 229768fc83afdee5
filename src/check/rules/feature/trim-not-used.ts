import { hostAtLeast } from '../context.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const trimNotUsed = defineRule({
  id: 'TRIM_NOT_USED',
  category: 'feature',
  severity: 'tip',
  title: 'Freed blocks are not returned to the dynamic VHDX',
  needs: ['trim'],
  evaluate(ctx) {
    const trim = fact(ctx, 'trim').value;
    if (trim.devices.length === 0) return 'skip';
    const newHost = hostAtLeast(ctx, '2012 R2');
    const capable = trim.devices.filter((d) => d.discardMaxBytes > 0);
    // A disk that takes discards shows a host that passes them on (2012 R2 and later), whether or not the host is known.
    if (capable.length === 0) return newHost === undefined ? 'skip' : 'pass';
    if (newHost === false) return 'pass';
    const timerOn = trim.fstrimTimer !== undefined && /^(?:enabled|static)/.test(trim.fstrimTimer);
    if (trim.discardMount || timerOn || trim.cron) return 'pass';
    return finding(ctx, {
      detail:
        'The virtual disks accept TRIM, but nothing sends it (no discard mount option, no fstrim timer or cron job): space freed inside the guest is never returned to a dynamic VHDX.',
      fix: 'Enable periodic TRIM: systemctl enable --now fstrim.timer (or a weekly cron job running fstrim -a).',
      evidence: evidenceOf(ctx.facts.trim),
    });
  },
});
