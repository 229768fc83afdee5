import { evidenceOf, familyLabel, finding, token } from '../helpers.ts';
import { compareLis, latestLis, lisRelease } from '../lis-releases.ts';
import { defineRule, fact } from '../define.ts';

export const lisOutdated = defineRule({
  id: 'LIS_OUTDATED',
  category: 'lis',
  severity: 'warning',
  title: 'The installed LIS release is superseded',
  needs: ['lis'],
  evaluate(ctx) {
    const lis = fact(ctx, 'lis');
    const { distro, version } = ctx.guest;
    if (!lis.value.installed) return 'pass';
    const installed = lis.value.version;
    if (!installed || !distro || !version) return 'skip';
    const latest = latestLis(ctx.kb, distro, version);
    if (!latest) return 'skip';
    const newest = latest.newest.version;
    // "LIS 4.3" from an inventory names the series, not a build: do not call it outdated within its series.
    const sameSeries = installed.split('.').length === 2 && installed === latest.download.version;
    if (sameSeries || compareLis(installed, newest) >= 0) return 'pass';
    const mine = lisRelease(ctx.kb, installed);
    const when = mine?.released ? ` (${mine.released.slice(0, 4)})` : '';
    const build = [newest !== latest.download.version ? `last build ${newest}` : '', latest.newest.released ?? '']
      .filter(Boolean)
      .join(', ');
    return finding(ctx, {
      detail: `LIS ${token(installed, 12)}${when} is superseded: the newest LIS release that lists ${familyLabel(ctx)} is LIS ${latest.download.version}${build ? ` (${build})` : ''}. Later releases fix driver bugs and add features such as memory hot-add.`,
      fix: `Upgrade to LIS ${latest.download.version} (remove the old packages first), or better, upgrade the guest to a release whose kernel carries the drivers (RHEL/CentOS 6.4 or later, 7.x) and remove LIS.`,
      evidence: evidenceOf(lis),
      source: [`KB LIS releases ${mine?.id ?? 'lis-' + token(installed, 12)}, ${latest.newest.id}`],
      kbFix: false,
    });
  },
});
