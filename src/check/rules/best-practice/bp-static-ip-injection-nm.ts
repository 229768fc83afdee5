import { evidenceOf, finding, token } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const bpStaticIpInjectionNm: Rule = {
  id: 'BP_STATIC_IP_INJECTION_NM',
  evaluate(ctx) {
    const clustered = ctx.facts.userContext?.value.clustered;
    const configs = ctx.facts.nicConfig?.value;
    if (clustered === undefined || !configs) return 'skip';
    if (!clustered || ctx.facts.network?.value.networkManagerActive === false) return 'pass';
    const managed = configs.filter((c) => (c.bootproto === 'static' || c.bootproto === 'none') && c.nmControlled !== false);
    if (managed.length === 0) return 'pass';
    return finding(ctx, 'BP_STATIC_IP_INJECTION_NM', {
      detail: `This replicated or clustered VM has statically configured adapters managed by NetworkManager (${managed.slice(0, 3).map((c) => token(c.device, 16)).join(', ')}): Hyper-V Replica's static IP injection may not apply on failover.`,
      fix: 'Set NM_CONTROLLED=no in the ifcfg file of each such synthetic adapter.',
      evidence: evidenceOf(ctx.facts.nicConfig, ctx.facts.userContext),
    });
  },
};
