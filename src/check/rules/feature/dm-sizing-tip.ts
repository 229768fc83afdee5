import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

const BLOCK_MB = 128;

export const dmSizingTip = defineRule({
  id: 'DM_SIZING_TIP',
  category: 'feature',
  severity: 'tip',
  title: 'Dynamic Memory sizing advice',
  needs: [],
  uses: ['balloon', 'userContext', 'vmSettings'],
  evaluate(ctx) {
    const inUse = ctx.guest.dmInUse;
    if (inUse === undefined) return 'skip';
    if (!inUse) return 'pass';
    const user = ctx.facts.userContext?.value;
    const host = ctx.facts.vmSettings?.value;
    const odd = [
      ['Minimum', host?.minimumMb],
      ['Startup', host?.startupMb ?? user?.dmStartupMb],
      ['Maximum', host?.maximumMb ?? user?.dmMaxMb],
    ]
      .filter((pair): pair is [string, number] => typeof pair[1] === 'number' && pair[1] % BLOCK_MB !== 0)
      .map(([name, mb]) => `${name} ${mb} MB`);
    return finding(ctx, {
      detail:
        odd.length > 0
          ? `Dynamic Memory sizes that are not multiples of 128 MB make hot-add fail: ${odd.join(', ')}.`
          : "Dynamic Memory is in use: size Startup, Minimum and Maximum in multiples of 128 MB, keep Startup and Minimum at or above the vendor's minimum, and cap memory-hungry applications at about 80% of RAM.",
      evidence: evidenceOf(ctx.facts.balloon, ctx.facts.userContext, ctx.facts.vmSettings),
    });
  },
});
