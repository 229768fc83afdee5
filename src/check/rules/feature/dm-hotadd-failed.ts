import { evidenceOf, finding, logSignature } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const dmHotaddFailed = defineRule({
  id: 'DM_HOTADD_FAILED',
  category: 'feature',
  severity: 'warning',
  title: 'The host tried to add memory and the guest refused',
  needs: [['balloon', 'logSignatures']],
  evaluate(ctx) {
    const balloon = ctx.facts.balloon;
    const signature = logSignature(ctx, 'hot-add-failed')[0];
    if (!balloon?.value.hotAddFailed && !signature) return 'pass';
    return finding(ctx, {
      detail:
        'The host tried to hot-add memory and the guest refused. After a failure the host stops trying, so the VM stays at its current size.',
      fix: 'See whether the drivers support hot-add at all (balloon-only drivers) and whether new memory gets onlined; keep Startup, Minimum and Maximum in multiples of 128 MB.',
      evidence: evidenceOf(signature?.evidence, balloon),
    });
  },
});
