import { evidenceOf, finding, logSignature } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const vssTimeouts = defineRule({
  id: 'VSS_TIMEOUTS',
  category: 'feature',
  severity: 'warning',
  title: 'Backups fail while freezing or thawing file systems',
  needs: ['logSignatures'],
  evaluate(ctx) {
    const hits = logSignature(ctx, 'vss-timeout', 'vss-freeze-fail');
    if (hits.length === 0) return 'pass';
    const count = hits.reduce((n, h) => n + h.count, 0);
    return finding(ctx, {
      detail: `Backups fail while freezing or thawing file systems (${count} log line${count === 1 ? '' : 's'}).`,
      fix: 'Look for hung or slow file systems, NFS or FUSE mounts that cannot freeze, and check that the VSS daemon is healthy (restart it, read its log).',
      evidence: evidenceOf(...hits.map((h) => h.evidence)),
    });
  },
});
