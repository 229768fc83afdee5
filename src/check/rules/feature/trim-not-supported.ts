import { hostAtLeast } from '../context.ts';
import { evidenceOf, featureRuledOut, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const trimNotSupported = defineRule({
  id: 'TRIM_NOT_SUPPORTED',
  category: 'feature',
  severity: 'info',
  title: 'The guest cannot send TRIM to its virtual disks',
  needs: ['trim'],
  evaluate(ctx) {
    const trim = fact(ctx, 'trim').value;
    if (trim.devices.length === 0) return 'skip';
    const newHost = hostAtLeast(ctx, '2012 R2');
    if (newHost === undefined) return 'skip';
    if (!newHost || trim.devices.some((d) => d.discardMaxBytes > 0)) return 'pass';
    const column = ctx.guest.features.get('trim');
    if (!column) return 'skip';
    if (!featureRuledOut(ctx, 'trim')) return 'pass';
    return finding(ctx, {
      detail: `The guest cannot send TRIM to its virtual disks (discard is off on all of them) and the matrix does not list TRIM for it (${column.why}), so a dynamic VHDX never shrinks.`,
      fix: 'Move to a release whose drivers support TRIM, or compact the VHDX offline from the host now and then.',
      evidence: evidenceOf(ctx.facts.trim),
      ...(column.column ? { source: column.column.snapshot.id } : {}),
      kbFix: false,
    });
  },
});
