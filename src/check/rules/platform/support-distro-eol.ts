import { guestLifecycle, LIFECYCLE_SOURCE } from '../data/lifecycle.ts';
import { evidenceOf, familyLabel, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const supportDistroEol = defineRule({
  id: 'SUPPORT_DISTRO_EOL',
  category: 'platform',
  severity: 'warning',
  title: 'The distribution release is past its end of support',
  needs: ['os'],
  evaluate(ctx) {
    const { distro, version } = ctx.guest;
    if (!distro || !version) return 'skip';
    const entry = guestLifecycle(distro, version);
    if (!entry) return 'skip';
    if (ctx.asOf <= entry.ends) return 'pass';
    const what = distro === 'debian' ? 'long-term support' : 'standard support';
    return finding(ctx, {
      detail: `${familyLabel(ctx)} reached the end of ${what} on ${entry.ends} (judged as of ${ctx.asOf}; ${entry.confidence} confidence${entry.note ? `, ${entry.note}` : ''}). It gets no more security fixes from the vendor, and Microsoft no longer tests it on Hyper-V.`,
      fix: "Move the workload to a supported release of the distribution, or cover it with the vendor's paid extended support.",
      evidence: evidenceOf(ctx.facts.os),
      source: LIFECYCLE_SOURCE,
      kbFix: false,
    });
  },
});
