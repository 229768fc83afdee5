import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

const GOOD_LINUX = new Set([
  'hyperv_clocksource_tsc_page',
  'lis_hyperv_clocksource_tsc_page',
  'hyperv_clocksource',
  'hyperv_clocksource_msr',
  'tsc',
]);
const GOOD_FREEBSD = new Set(['Hyper-V-TSC', 'Hyper-V', 'TSC-low']);

export const bpClocksource = defineRule({
  id: 'BP_CLOCKSOURCE',
  category: 'best-practice',
  severity: 'warning',
  title: 'The guest uses a slow or drifting clock source',
  needs: ['timeSync'],
  uses: ['cmdline', 'kernel'],
  evaluate(ctx) {
    const clock = ctx.facts.timeSync?.value.clocksource;
    const arch = ctx.facts.kernel?.value.arch;
    if (!clock) return 'skip';
    if (arch !== undefined && !/^(?:x86_64|amd64|i[3-6]86)$/.test(arch)) return 'pass';
    const good = ctx.guest.distro === 'freebsd' || ctx.facts.kernel?.value.osType === 'FreeBSD' ? GOOD_FREEBSD : GOOD_LINUX;
    if (good.has(clock)) return 'pass';
    const forced = ctx.facts.cmdline?.value.clocksource;
    const available = ctx.facts.timeSync?.value.available ?? [];
    const better = available.find((name) => good.has(name));
    const fix =
      good === GOOD_FREEBSD
        ? `Use the Hyper-V timecounter: sysctl kern.timecounter.hardware=${better ?? 'Hyper-V-TSC'}, and drop any other kern.timecounter.hardware line from /etc/sysctl.conf.`
        : `Remove any clocksource= option from the kernel command line so the kernel picks ${better ?? 'hyperv_clocksource_tsc_page'}${better ? ' (listed as available)' : ''}; on old kernels update to one with hyperv_clocksource.`;
    return finding(ctx, {
      detail: `The guest keeps time with ${token(clock, 40)}, a slow or drifting clock source on Hyper-V${forced ? `; the kernel command line forces clocksource=${token(forced, 40)}` : ''}.`,
      fix,
      evidence: evidenceOf(ctx.facts.timeSync, ctx.facts.cmdline),
    });
  },
});
