import { hostAtLeast } from '../context.ts';
import { installDaemonFix, startDaemonFix } from '../daemon-fixes.ts';
import { deviceEvidence, evidenceOf, featureRuledOut, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';
import { CLASS, channelOffered } from './kvp-channel.ts';

export const vssDaemonMissing = defineRule({
  id: 'VSS_DAEMON_MISSING',
  category: 'feature',
  severity: 'warning',
  title: 'Live backup is unavailable: no VSS daemon',
  needs: ['daemons'],
  uses: ['hvModules', 'kernel', 'vmbusDevices'],
  evaluate(ctx) {
    const vss = ctx.facts.daemons?.vss;
    if (!vss) return 'skip';
    if (vss.value.running === true) return 'pass';
    const newHost = hostAtLeast(ctx, '2012 R2');
    if (newHost === undefined) return 'skip';
    if (!newHost) return 'pass';
    const offered = channelOffered(ctx, 'vss');
    if (offered === false) return 'pass';
    if (featureRuledOut(ctx, 'live-backup')) return 'pass';
    const notInstalled = vss.value.installed === false;
    if (!notInstalled && vss.value.running === undefined) return 'skip';
    return finding(ctx, {
      detail: `${notInstalled ? 'No VSS (backup) daemon is installed' : 'The VSS (backup) daemon is installed but not running'}, so live backup is not available: Hyper-V falls back to saved-state or crash-consistent checkpoints for this VM.`,
      fix: notInstalled ? installDaemonFix(ctx, 'vss') : startDaemonFix(ctx, 'vss', vss.value.units),
      evidence: evidenceOf(vss, deviceEvidence(ctx, CLASS.vss)),
    });
  },
});
