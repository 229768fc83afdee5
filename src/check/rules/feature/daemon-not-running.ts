import { startDaemonFix } from '../daemon-fixes.ts';
import { evidenceOf, finding } from '../helpers.ts';
import type { RuleContext, RuleOutcome } from '../types.ts';

/** A Hyper-V daemon the guest has installed but is not running: the finding, with how to start it as it was seen. */
export function daemonNotRunning(ctx: RuleContext, kind: 'kvp' | 'vss', detail: string): RuleOutcome {
  const daemon = ctx.facts.daemons?.[kind];
  if (!daemon) return 'skip';
  if (daemon.value.installed === false) return 'pass';
  if (daemon.value.running === undefined) return 'skip';
  if (daemon.value.running) return 'pass';
  return finding(ctx, { detail, fix: startDaemonFix(ctx, kind, daemon.value.units), evidence: evidenceOf(daemon), kbFix: false });
}
