import { uekLabel } from '../../../knowledge/query/uek.ts';
import { describeVersionItems } from '../../../knowledge/version.ts';
import { evidenceOf, familyLabel, finding, hostBeyondListedHosts, newerThanListed } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const supportNotInMatrix = defineRule({
  id: 'SUPPORT_NOT_IN_MATRIX',
  category: 'platform',
  severity: 'warning',
  title: 'Guest release and host are not a listed combination',
  needs: ['os'],
  uses: ['host'],
  evaluate(ctx) {
    const support = ctx.support;
    const version = ctx.guest.version;
    if (!support || !version) return 'skip';
    // The verdict engine held the guest to its UEK release: name it, since another UEK of the release may be listed.
    const uek = support.verdict.query.uek;
    const label = uek ? `${familyLabel(ctx)} with ${uekLabel(uek)}` : familyLabel(ctx);
    const evidence = evidenceOf(ctx.facts.os, ctx.facts.host);
    switch (support.status) {
      case 'no-data':
        return 'skip';
      case 'does-not-run':
      case 'emulated-only':
        return finding(ctx, { detail: `${label}: ${support.otherOs?.reason ?? 'not a supported Hyper-V guest.'}`, evidence, kbFix: false });
      case 'not-listed': {
        const newer = newerThanListed(ctx);
        const nearest = support.nearest[0];
        const near = nearest
          ? ` The closest listed release is ${describeVersionItems(nearest.column.versions)} (${nearest.snapshot.id}).`
          : '';
        return finding(ctx, {
          severity: newer ? 'info' : 'warning',
          detail: newer
            ? `${label} is newer than anything the Microsoft support matrix lists for it yet.${near} Expect it to behave like the newest listed release, but it is not a tested combination.`
            : `${label} is not listed in the Microsoft support matrix pages the KB holds.${near}`,
          fix: newer ? undefined : 'Use a release the matrix lists for your host, or check with the distribution vendor.',
          evidence,
          source: support.current?.id,
          kbFix: false,
        });
      }
      case 'listed':
      case 'listed-earlier': {
        const core = ctx.guest.features.get('core');
        const host = ctx.guest.host;
        if (host?.family && core?.kbStatus === 'not-on-host') {
          return finding(ctx, {
            detail: `${label} on ${host.label} is not a listed combination: the matrix lists it only for ${core.hosts.join(', ') || 'other hosts'}.`,
            fix: 'Move the VM to a host the matrix lists, or the guest to a release listed for this host.',
            evidence,
            source: core.column?.snapshot.id,
          });
        }
        // The engine reads every page for the host: a host older than every page that lists the release.
        if (host?.family && support.verdict.verdict === 'no' && support.verdict.reason === 'host-older-than-pages') {
          return finding(ctx, {
            detail: `${label} on ${host.label} is not a listed combination: ${support.verdict.why ?? 'the pages that list it name only later hosts'}.`,
            fix: 'Move the VM to a host the matrix lists, or the guest to a release listed for this host.',
            evidence,
            source: support.verdict.decidingEra?.id,
          });
        }
        if (host?.family && hostBeyondListedHosts(ctx)) {
          return finding(ctx, {
            detail: `${label} on ${host.label} is not a listed combination: the pages that list it name only older hosts, so they neither include nor exclude ${host.label}.`,
            fix: 'Move the VM to a host the matrix lists for this release, or the guest to a release listed for this host.',
            evidence,
            kbFix: false,
          });
        }
        if (support.status === 'listed-earlier') {
          const was = support.matches[0]?.snapshot.id;
          return finding(ctx, {
            severity: 'info',
            detail: `${label} was listed in ${was ?? 'an earlier version of the matrix'}, but the current page${support.droppedIn ? ` (${support.droppedIn.id})` : ''} no longer lists it.`,
            evidence,
            ...(was ? { source: was } : {}),
            kbFix: false,
          });
        }
        return 'pass';
      }
    }
  },
});
