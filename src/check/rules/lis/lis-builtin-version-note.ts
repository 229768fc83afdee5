import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const lisBuiltinVersionNote = defineRule({
  id: 'LIS_BUILTIN_VERSION_NOTE',
  category: 'lis',
  severity: 'info',
  title: 'Built-in driver version 3.1 does not mean outdated',
  needs: [],
  uses: ['hvModules', 'lis'],
  evaluate(ctx) {
    const mods = ctx.facts.hvModules;
    if (ctx.facts.lis?.value.installed) return 'pass';
    if (!mods) return 'skip';
    const shown = mods.value.loadedVersions.hv_vmbus ?? mods.value.info.find((m) => m.name === 'hv_vmbus')?.version;
    if (shown === undefined) return mods.value.info.length > 0 ? 'pass' : 'skip';
    if (shown !== '3.1') return 'pass';
    return finding(ctx, {
      detail:
        'The built-in hv_vmbus reports version 3.1. That number is left over from when the drivers joined the upstream kernel; it does not mean the drivers are old, and it will never match a LIS download number. The kernel release is what counts.',
      evidence: evidenceOf(mods.evidence.filter((e) => e.section !== 'lsmod')),
      kbFix: false,
    });
  },
});
