import { evidenceOf, finding, logSignature } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const kvpProtocolMismatch = defineRule({
  id: 'KVP_PROTOCOL_MISMATCH',
  category: 'feature',
  severity: 'warning',
  title: 'The KVP daemon is older than the kernel driver',
  needs: ['logSignatures'],
  evaluate(ctx) {
    const hit = logSignature(ctx, 'kvp-protocol-mismatch')[0];
    if (!hit) return 'pass';
    return finding(ctx, {
      detail:
        'The kernel says the KVP daemon is older than its driver: basic KVP works, but IP injection and IP queries from the host fail.',
      fix: 'Update the daemon package (hyperv-daemons, hyper-v or linux-cloud-tools) to match the kernel, or the LIS package as a whole.',
      evidence: evidenceOf(hit.evidence),
    });
  },
});
