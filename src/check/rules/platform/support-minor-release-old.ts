import { FINAL_MINOR } from '../data/lifecycle.ts';
import { evidenceOf, familyLabel, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const supportMinorReleaseOld = defineRule({
  id: 'SUPPORT_MINOR_RELEASE_OLD',
  category: 'platform',
  severity: 'info',
  title: 'An old minor release misses later Hyper-V fixes',
  needs: ['os'],
  evaluate(ctx) {
    const { distro, major, minor } = ctx.guest;
    if (!distro || major === undefined) return 'skip';
    const finals = FINAL_MINOR[distro];
    if (!finals) return 'pass';
    const last = finals[major];
    if (last === undefined || minor === undefined) return 'skip';
    if (minor >= last) return 'pass';
    return finding(ctx, {
      detail: `${familyLabel(ctx)} is an old minor release (the last ${major}.x is ${major}.${last}). Built-in Hyper-V driver fixes and features (vRSS, TRIM, memory hot-add, newer host support) arrive in later minor releases.`,
      fix: `Update to ${major}.${last} (or the newest minor release your vendor supports) unless an extended-update-support contract pins this one.`,
      evidence: evidenceOf(ctx.facts.os),
      kbFix: false,
    });
  },
});
