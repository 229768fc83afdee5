import { installDaemonFix } from '../daemon-fixes.ts';
import { compareTuples, deviceEvidence, evidenceOf, finding, logSignature } from '../helpers.ts';
import { defineRule } from '../define.ts';
import { CLASS, channelOffered } from './kvp-channel.ts';

export const fcopyNotAvailable = defineRule({
  id: 'FCOPY_NOT_AVAILABLE',
  category: 'feature',
  severity: 'info',
  title: 'Copy-VMFile (guest services) is not available',
  needs: [],
  uses: ['daemons', 'hvModules', 'kernel', 'logSignatures', 'vmbusDevices'],
  evaluate(ctx) {
    const fcopy = ctx.facts.daemons?.fcopy;
    const offered = channelOffered(ctx, 'fcopy');
    const absent = logSignature(ctx, 'fcopy-channel-absent')[0];
    if (!fcopy && offered === undefined && !absent) return 'skip';
    const uio =
      compareTuples(ctx.facts.kernel?.value.upstream ?? [], [6, 10]) >= 0
        ? ' Kernels 6.10 and later use hv_fcopy_uio_daemon instead of hv_fcopy_daemon.'
        : '';
    if (offered === false || absent) {
      return finding(ctx, {
        detail: `The host does not offer the guest services channel, so Copy-VMFile cannot reach this VM. The Guest Service Interface is off by default on the host.${uio}`,
        fix: 'If you need Copy-VMFile, enable it on the host: Enable-VMIntegrationService -VMName <vm> -Name "Guest Service Interface", and make sure the file-copy daemon is installed.',
        evidence: evidenceOf(absent?.evidence, fcopy),
      });
    }
    if (offered && fcopy?.value.installed === false) {
      return finding(ctx, {
        detail: `The host offers the guest services channel, but no file-copy daemon is installed, so Copy-VMFile fails.${uio}`,
        fix: installDaemonFix(ctx, 'fcopy'),
        evidence: evidenceOf(fcopy, deviceEvidence(ctx, CLASS.fcopy)),
      });
    }
    return 'pass';
  },
});
