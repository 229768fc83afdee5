import { startDaemonFix } from '../daemon-fixes.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const kvpDaemonNotRunning = defineRule({
  id: 'KVP_DAEMON_NOT_RUNNING',
  category: 'feature',
  severity: 'warning',
  title: 'The KVP daemon is installed but not running',
  needs: ['daemons'],
  evaluate(ctx) {
    const kvp = ctx.facts.daemons?.kvp;
    if (!kvp) return 'skip';
    if (kvp.value.installed === false) return 'pass';
    if (kvp.value.running === undefined) return 'skip';
    if (kvp.value.running) return 'pass';
    const ubuntuGap =
      ctx.facts.daemons?.ubuntuToolsForKernel?.value === false
        ? ' On Ubuntu this usually means the cloud tools for the running kernel are missing (see KVP_UBUNTU_TOOLS_MISMATCH).'
        : '';
    return finding(ctx, {
      detail: `A KVP daemon is installed but not running, so the host gets no guest data and cannot inject IP settings.${ubuntuGap}`,
      fix: startDaemonFix(ctx, 'kvp', kvp.value.units),
      evidence: evidenceOf(kvp),
      kbFix: false,
    });
  },
});
