import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const bpStaticIpInjectionNm = defineRule({
  id: 'BP_STATIC_IP_INJECTION_NM',
  category: 'best-practice',
  severity: 'tip',
  title: 'NetworkManager may block static IP injection',
  needs: ['userContext', 'nicConfig'],
  uses: ['network'],
  evaluate(ctx) {
    const clustered = ctx.facts.userContext?.value.clustered;
    const configs = fact(ctx, 'nicConfig').value;
    if (clustered === undefined) return 'skip';
    if (!clustered || ctx.facts.network?.value.networkManagerActive === false) return 'pass';
    const managed = configs.filter((c) => (c.bootproto === 'static' || c.bootproto === 'none') && c.nmControlled !== false);
    if (managed.length === 0) return 'pass';
    return finding(ctx, {
      detail: `This replicated or clustered VM has statically configured adapters managed by NetworkManager (${managed
        .slice(0, 3)
        .map((c) => token(c.device, 16))
        .join(', ')}): Hyper-V Replica's static IP injection may not apply on failover.`,
      fix: 'Set NM_CONTROLLED=no in the ifcfg file of each such synthetic adapter.',
      evidence: evidenceOf(ctx.facts.nicConfig, ctx.facts.userContext),
    });
  },
});
