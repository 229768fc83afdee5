import { evidenceOf, familyLabel, featureRuledOut, finding } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const gen2Unsupported: Rule = {
  id: 'GEN2_UNSUPPORTED',
  evaluate(ctx) {
    const generation = ctx.facts.generation?.value;
    if (generation === undefined) return 'skip';
    if (generation !== 2) return 'pass';
    const uefi = ctx.guest.features.get('uefi-boot');
    if (!uefi || uefi.available === undefined) return 'skip';
    if (uefi.available || !featureRuledOut(ctx, 'uefi-boot')) return 'pass';
    return finding(ctx, 'GEN2_UNSUPPORTED', {
      detail: `This is a Generation 2 VM, but the matrix does not list UEFI boot for ${familyLabel(ctx)}${ctx.guest.host?.family ? ` on ${ctx.guest.host.label}` : ''} (${uefi.why}).`,
      fix: 'Keep such guests on Generation 1, or use a newer host or distribution release that lists Generation 2 support.',
      evidence: evidenceOf(ctx.facts.generation),
      ...(uefi.column ? { source: uefi.column.snapshot.id } : {}),
    });
  },
};
