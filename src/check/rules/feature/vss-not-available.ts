import { hostBelow } from '../context.ts';
import { evidenceOf, familyLabel, featureRuledOut, finding, versionBetween } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const vssNotAvailable = defineRule({
  id: 'VSS_NOT_AVAILABLE',
  category: 'feature',
  severity: 'info',
  title: 'Live backup is not available for this combination',
  needs: [],
  uses: ['host', 'os'],
  evaluate(ctx) {
    const oldHost = hostBelow(ctx, '2012 R2');
    const { distro, version, major, rhelLike } = ctx.guest;
    const backup = ctx.guest.features.get('live-backup');
    const reasons: string[] = [];
    if (oldHost) reasons.push(`${ctx.guest.host?.label ?? 'the host'} predates live backup for Linux (it needs 2012 R2)`);
    if (rhelLike && versionBetween(version, '5.2', '5.4')) reasons.push(`${familyLabel(ctx)} cannot freeze file systems`);
    if (distro === 'freebsd' && major !== undefined && major < 11) reasons.push('FreeBSD before 11 has no VSS support');
    if (reasons.length === 0 && backup && featureRuledOut(ctx, 'live-backup'))
      reasons.push(`the matrix does not list live backup here (${backup.why})`);
    if (reasons.length > 0) {
      return finding(ctx, {
        detail: `Live backup is not available for this combination: ${reasons.join('; ')}. Backups of this VM use saved state or are crash-consistent.`,
        evidence: evidenceOf(ctx.facts.host, ctx.facts.os),
        ...(backup?.column ? { source: backup.column.snapshot.id } : {}),
      });
    }
    return oldHost === undefined && !backup && !distro ? 'skip' : 'pass';
  },
});
