import { evidenceOf, familyLabel, featureRuledOut, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const gen2Unsupported = defineRule({
  id: 'GEN2_UNSUPPORTED',
  category: 'feature',
  severity: 'warning',
  title: 'Generation 2 is not supported for this guest and host',
  needs: ['generation'],
  evaluate(ctx) {
    const generation = fact(ctx, 'generation').value;
    if (generation !== 2) return 'pass';
    const uefi = ctx.guest.features.get('uefi-boot');
    if (!uefi || uefi.available === undefined) return 'skip';
    if (uefi.available || !featureRuledOut(ctx, 'uefi-boot')) return 'pass';
    return finding(ctx, {
      detail: `This is a Generation 2 VM, but the matrix does not list UEFI boot for ${familyLabel(ctx)}${ctx.guest.host?.family ? ` on ${ctx.guest.host.label}` : ''} (${uefi.why}).`,
      fix: 'Keep such guests on Generation 1, or use a newer host or distribution release that lists Generation 2 support.',
      evidence: evidenceOf(ctx.facts.generation),
      ...(uefi.column ? { source: uefi.column.snapshot.id } : {}),
    });
  },
});
