import { hostBelow } from '../context.ts';
import { evidenceOf, familyLabel, featureRuledOut, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const vhdxResizeLimited = defineRule({
  id: 'VHDX_RESIZE_LIMITED',
  category: 'feature',
  severity: 'info',
  title: 'Online virtual disk resize is not supported',
  needs: [],
  uses: ['host', 'os'],
  evaluate(ctx) {
    const resize = ctx.guest.features.get('vhdx-resize');
    const oldHost = hostBelow(ctx, '2012 R2');
    if (!resize && oldHost === undefined) return 'skip';
    const reasons: string[] = [];
    if (oldHost) reasons.push(`${ctx.guest.host?.label ?? 'the host'} cannot resize a running VM's disk`);
    else if (resize && featureRuledOut(ctx, 'vhdx-resize'))
      reasons.push(`the matrix does not list online resize for ${familyLabel(ctx)} (${resize.why})`);
    if (reasons.length === 0) return 'pass';
    return finding(ctx, {
      detail: `Online virtual disk resize is not supported here: ${reasons.join('; ')}.`,
      fix: 'Resize the disk with the VM off; afterwards repair the GPT backup header (parted or sgdisk -e on Linux, gpart recover on FreeBSD) before growing partitions and file systems.',
      evidence: evidenceOf(ctx.facts.os, ctx.facts.host),
      ...(resize?.column ? { source: resize.column.snapshot.id } : {}),
    });
  },
});
