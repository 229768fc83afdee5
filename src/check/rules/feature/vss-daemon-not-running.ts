import { defineRule } from '../define.ts';
import { daemonNotRunning } from './daemon-not-running.ts';

export const vssDaemonNotRunning = defineRule({
  id: 'VSS_DAEMON_NOT_RUNNING',
  category: 'feature',
  severity: 'warning',
  title: 'The VSS daemon is installed but not running',
  needs: ['daemons'],
  evaluate: (ctx) =>
    daemonNotRunning(
      ctx,
      'vss',
      "A VSS daemon is installed but not running, so a live backup cannot freeze the guest's file systems: the host waits for it, then takes the backup in a saved state (offline) or fails.",
    ),
});
