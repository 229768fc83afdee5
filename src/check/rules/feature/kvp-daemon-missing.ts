import { installDaemonFix } from '../daemon-fixes.ts';
import { deviceEvidence, evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';
import { CLASS, channelOffered } from './kvp-channel.ts';

export const kvpDaemonMissing = defineRule({
  id: 'KVP_DAEMON_MISSING',
  category: 'feature',
  severity: 'warning',
  title: 'The KVP (data exchange) daemon is not installed',
  needs: ['daemons'],
  uses: ['hvModules', 'kernel', 'vmbusDevices'],
  evaluate(ctx) {
    const kvp = ctx.facts.daemons?.kvp;
    if (!kvp || kvp.value.installed === undefined) return 'skip';
    if (kvp.value.installed) return 'pass';
    const offered = channelOffered(ctx, 'kvp');
    if (offered === undefined) return 'skip';
    if (!offered) return 'pass';
    return finding(ctx, {
      detail:
        'The host offers the KVP (data exchange) channel but no KVP daemon is installed: Hyper-V Manager shows no IP address or OS details for this VM, key/value exchange with the host does not work, and a Replica failover cannot inject static IP settings.',
      fix: installDaemonFix(ctx, 'kvp'),
      evidence: evidenceOf(kvp, deviceEvidence(ctx, CLASS.kvp)),
    });
  },
});
