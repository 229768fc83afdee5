import { defineRule } from '../define.ts';
import { daemonNotRunning } from './daemon-not-running.ts';

export const kvpDaemonNotRunning = defineRule({
  id: 'KVP_DAEMON_NOT_RUNNING',
  category: 'feature',
  severity: 'warning',
  title: 'The KVP daemon is installed but not running',
  needs: ['daemons'],
  evaluate(ctx) {
    const ubuntuGap =
      ctx.facts.daemons?.ubuntuToolsForKernel?.value === false
        ? ' On Ubuntu this usually means the cloud tools for the running kernel are missing (see KVP_UBUNTU_TOOLS_MISMATCH).'
        : '';
    return daemonNotRunning(
      ctx,
      'kvp',
      `A KVP daemon is installed but not running, so the host gets no guest data and cannot inject IP settings.${ubuntuGap}`,
    );
  },
});
