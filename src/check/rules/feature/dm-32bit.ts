import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const dm32bit = defineRule({
  id: 'DM_32BIT',
  category: 'feature',
  severity: 'warning',
  severityWhenUnsure: 'info',
  title: 'Dynamic Memory on a 32-bit guest',
  needs: ['kernel'],
  uses: ['balloon', 'userContext'],
  evaluate(ctx) {
    const { is32bit, dmInUse } = ctx.guest;
    if (is32bit === undefined) return 'skip';
    if (!is32bit || dmInUse === false) return 'pass';
    return finding(ctx, {
      severity: dmInUse ? 'warning' : 'info',
      detail: dmInUse
        ? 'Dynamic Memory is enabled for this 32-bit guest, but Linux supports Dynamic Memory only in 64-bit guests.'
        : 'If Dynamic Memory is enabled for this VM, it will not work: Linux supports it only in 64-bit guests.',
      fix: 'Turn Dynamic Memory off for this VM (static memory), or move to a 64-bit kernel.',
      evidence: evidenceOf(ctx.facts.kernel, ctx.facts.balloon, ctx.facts.userContext),
    });
  },
});
