import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const hvAzureGuest = defineRule({
  id: 'HV_AZURE_GUEST',
  category: 'platform',
  severity: 'info',
  title: 'This VM runs in Azure; on-premises matrices do not apply',
  needs: ['azure'],
  evaluate(ctx) {
    const azure = fact(ctx, 'azure');
    if (!azure.value) return 'pass';
    return finding(ctx, {
      detail: `This looks like an Azure VM (${azure.confidence === 'high' ? 'Azure asset tag' : 'Azure agent present'}). The on-premises Hyper-V support matrices used here do not apply to Azure.`,
      fix: "Follow Azure's endorsed-distribution guidance and the distribution's Azure kernel (e.g. linux-azure) instead.",
      evidence: evidenceOf(azure),
    });
  },
});
