import type { FeatureId } from '../../../knowledge/schema/index.ts';
import { familyLabel, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

/** The features the summary names, in the order admins ask about them. */
export const HEADLINE_FEATURES: readonly FeatureId[] = [
  'dm-hot-add',
  'dm-ballooning',
  'live-backup',
  'kvp',
  'file-copy',
  'trim',
  'vhdx-resize',
  'fibre-channel',
  'uefi-boot',
  'secure-boot',
  'vrss',
  'sr-iov',
  'accurate-time',
];

export const featureTable = defineRule({
  id: 'FEATURE_TABLE',
  category: 'feature',
  severity: 'info',
  title: 'Which Hyper-V features this guest can use on this host',
  needs: ['os'],
  evaluate(ctx) {
    const features = ctx.guest.features;
    if (features.size === 0) return 'skip';
    const name = (id: FeatureId) => ctx.kb.featureName(id);
    const yes = HEADLINE_FEATURES.filter((f) => features.get(f)?.available === true).map(name);
    const no = HEADLINE_FEATURES.filter((f) => features.get(f)?.available === false).map(name);
    if (yes.length === 0 && no.length === 0) return 'skip';
    const host =
      ctx.guest.host?.family && ctx.guest.host.family !== '2008' ? ` on ${ctx.guest.host.label}` : ' (host unknown: any listed host)';
    const column = [...features.values()].find((f) => f.column)?.column;
    return finding(ctx, {
      detail: `${familyLabel(ctx)}${host}. Available: ${yes.join(', ') || 'none of the main features'}. Not available: ${no.join(', ') || 'none'}.`,
      evidence: [],
      ...(column ? { source: column.snapshot.id } : {}),
      kbFix: false,
    });
  },
});
