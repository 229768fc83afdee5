import { evidenceOf, finding } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const hvAzureGuest: Rule = {
  id: 'HV_AZURE_GUEST',
  evaluate(ctx) {
    const azure = ctx.facts.azure;
    if (!azure) return 'skip';
    if (!azure.value) return 'pass';
    return finding(ctx, 'HV_AZURE_GUEST', {
      detail: `This looks like an Azure VM (${azure.confidence === 'high' ? 'Azure asset tag' : 'Azure agent present'}). The on-premises Hyper-V support matrices used here do not apply to Azure.`,
      fix: "Follow Azure's endorsed-distribution guidance and the distribution's Azure kernel (e.g. linux-azure) instead.",
      evidence: evidenceOf(azure),
    });
  },
};
