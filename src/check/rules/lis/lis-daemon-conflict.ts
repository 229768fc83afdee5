import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const lisDaemonConflict = defineRule({
  id: 'LIS_DAEMON_CONFLICT',
  category: 'lis',
  severity: 'warning',
  title: 'Two KVP daemons compete for the channel',
  needs: ['lis'],
  uses: ['daemons'],
  evaluate(ctx) {
    const lis = fact(ctx, 'lis');
    if (!lis.value.installed) return 'pass';
    const kvp = ctx.facts.daemons?.kvp;
    if (!kvp) return 'skip';
    const distroPackages = kvp.value.packages.filter((p) => /^(?:hyperv-daemons|hypervkvpd)\b/.test(p));
    const processes = kvp.value.processes;
    const twoRunning = processes.some((p) => /hypervkvpd/.test(p)) && processes.some((p) => /hv_kvp_daemon/.test(p));
    if (distroPackages.length === 0 && !twoRunning) return 'pass';
    return finding(ctx, {
      detail: `The distribution's Hyper-V daemons${distroPackages.length > 0 ? ' package' : ''} and the LIS download are both present${twoRunning ? ', and two KVP daemons are running' : ''}: both want the KVP channel and get in each other's way. Installing LIS is supposed to take hyperv-daemons out.`,
      fix: 'Keep one set: with LIS, remove hyperv-daemons/hypervkvpd; with built-in drivers, remove the LIS packages.',
      evidence: evidenceOf(kvp, lis),
    });
  },
});
