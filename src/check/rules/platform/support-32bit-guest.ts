import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const support32bitGuest = defineRule({
  id: 'SUPPORT_32BIT_GUEST',
  category: 'platform',
  severity: 'info',
  title: '32-bit guest limits',
  needs: ['kernel'],
  evaluate(ctx) {
    const is32 = ctx.guest.is32bit;
    if (is32 === undefined) return 'skip';
    if (!is32) return 'pass';
    return finding(ctx, {
      detail: `This is a 32-bit guest (${token(ctx.facts.kernel?.value.arch, 10)}): Dynamic Memory does not work, newer distribution releases ship no 32-bit builds, and more than 4 GB of memory needs a PAE kernel.`,
      fix: 'Plan a move to a 64-bit installation of the distribution.',
      evidence: evidenceOf(ctx.facts.kernel),
      kbFix: false,
    });
  },
});
