import { hostBelow } from '../context.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const dmHostNoLinuxDm = defineRule({
  id: 'DM_HOST_NO_LINUX_DM',
  category: 'feature',
  severity: 'info',
  title: 'The host is too old for Linux Dynamic Memory',
  needs: [],
  uses: ['host'],
  evaluate(ctx) {
    const old = hostBelow(ctx, '2012');
    if (old === undefined) return 'skip';
    if (!old) return 'pass';
    return finding(ctx, {
      detail: `${ctx.guest.host?.label ?? 'This host'} cannot give Linux guests Dynamic Memory: for Linux it only works from Windows Server 2012 on.`,
      fix: 'Give the VM static memory, or move it to a 2012 R2 or newer host.',
      evidence: evidenceOf(ctx.facts.host),
      kbFix: false,
    });
  },
});
