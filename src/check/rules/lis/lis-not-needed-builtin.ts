import { decideVerdict } from '../../../knowledge/query/verdict.ts';
import { evidenceOf, familyLabel, finding, versionBetween } from '../helpers.ts';
import { cached } from '../kb-cache.ts';
import { defineRule, fact } from '../define.ts';

export const lisNotNeededBuiltin = defineRule({
  id: 'LIS_NOT_NEEDED_BUILTIN',
  category: 'lis',
  severity: 'info',
  title: 'LIS is installed on a release that has certified built-in drivers',
  needs: ['lis', 'os'],
  evaluate(ctx) {
    const lis = fact(ctx, 'lis');
    const { distro, version, rhelLike } = ctx.guest;
    if (!distro) return 'skip';
    if (!lis.value.installed) return 'pass';
    const evidence = evidenceOf(lis, ctx.facts.os);
    if (!rhelLike) {
      return finding(ctx, {
        detail: `The Microsoft LIS download is installed, but it is only built for RHEL, CentOS and Oracle Linux with the Red Hat kernel; ${ctx.kb.familyName(distro)} carries its own Hyper-V drivers.`,
        fix: 'Remove the microsoft-hyper-v packages and use the distribution kernel and its Hyper-V daemon package.',
        evidence,
      });
    }
    if (!version) return 'skip';
    const builtIn = cached(
      ctx.kb,
      'built-in-listed',
      `${distro}|${version}`,
      () =>
        decideVerdict(ctx.kb, { family: distro, version, integration: 'built-in' })
          .eras.find((e) => e.columns.length > 0)
          ?.columns.some((c) => c.column.integration.kind === 'built-in') ?? false,
    );
    if (!builtIn) return 'pass';
    const lisOnly = versionBetween(version, '7.0', '7.2')
      ? ' On 7.0-7.2 the download still adds a few features the built-in drivers lack there (such as vRSS and TRIM); keep it only if you need one of them.'
      : '';
    return finding(ctx, {
      detail: `${familyLabel(ctx)} has Hyper-V drivers built in, which the vendor certifies; the LIS download on top of them may limit vendor support and breaks on kernel updates.${lisOnly}`,
      evidence,
    });
  },
});
