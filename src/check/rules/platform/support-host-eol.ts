import { HOST_LIFECYCLE, LIFECYCLE_SOURCE } from '../data/lifecycle.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const supportHostEol = defineRule({
  id: 'SUPPORT_HOST_EOL',
  category: 'platform',
  severity: 'warning',
  title: 'The Hyper-V host release is out of support',
  needs: [],
  uses: ['host'],
  evaluate(ctx) {
    const host = ctx.guest.host;
    if (!host?.family) return 'skip';
    const entry = HOST_LIFECYCLE.find((e) => e.host === host.family);
    if (!entry) return 'skip';
    if (ctx.asOf <= entry.ends) return 'pass';
    return finding(ctx, {
      detail: `${host.label} left extended support on ${entry.ends} (judged as of ${ctx.asOf}; ${entry.confidence} confidence). The host gets no security fixes, and newer guest releases are not tested on it.`,
      fix: 'Plan to move the VM to a supported Hyper-V host; check first that the guest release is listed for the new host.',
      evidence: evidenceOf(ctx.facts.host),
      source: LIFECYCLE_SOURCE,
      kbFix: false,
    });
  },
});
