import { startDaemonFix } from '../daemon-fixes.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const vssDaemonNotRunning = defineRule({
  id: 'VSS_DAEMON_NOT_RUNNING',
  category: 'feature',
  severity: 'warning',
  title: 'The VSS daemon is installed but not running',
  needs: ['daemons'],
  evaluate(ctx) {
    const vss = ctx.facts.daemons?.vss;
    if (!vss) return 'skip';
    if (vss.value.installed === false) return 'pass';
    if (vss.value.running === undefined) return 'skip';
    if (vss.value.running) return 'pass';
    return finding(ctx, {
      detail:
        "A VSS daemon is installed but not running, so a live backup cannot freeze the guest's file systems: the host waits for it, then takes the backup in a saved state (offline) or fails.",
      fix: startDaemonFix(ctx, 'vss', vss.value.units),
      evidence: evidenceOf(vss),
      kbFix: false,
    });
  },
});
