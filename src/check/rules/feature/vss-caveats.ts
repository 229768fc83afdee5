import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

const FC_CLASS = '2f9bcc4a-0069-4af3-b76b-6fd0be528cda';

export const vssCaveats = defineRule({
  id: 'VSS_CAVEATS',
  category: 'feature',
  severity: 'info',
  title: 'Disk setups that make live backup unreliable',
  needs: [['storage', 'mounts', 'iscsi']],
  uses: ['vmbusDevices'],
  evaluate(ctx) {
    const storage = ctx.facts.storage;
    const mounts = ctx.facts.mounts;
    if (!storage && !mounts) return 'skip';
    const backup = ctx.guest.features.get('live-backup');
    if (backup?.available === false) return 'pass';
    const reasons: string[] = [];
    const physical = (storage?.value.disks ?? []).filter((d) => /^(?:sd|da)/.test(d.name) && d.vendor && !/^msft$/i.test(d.vendor));
    if (physical.length > 0)
      reasons.push(
        `disk${physical.length > 1 ? 's' : ''} ${physical
          .slice(0, 3)
          .map((d) => token(d.name, 12))
          .join(', ')} ${physical.length > 1 ? 'are' : 'is'} not Hyper-V virtual disks (pass-through, iSCSI or SAN LUNs)`,
      );
    if (ctx.facts.vmbusDevices?.value.some((d) => d.classId === FC_CLASS)) reasons.push('the VM has virtual Fibre Channel adapters');
    const iscsi = ctx.facts.iscsi?.value;
    if (iscsi && iscsi.sessions > 0)
      reasons.push(
        `the guest logs into ${iscsi.sessions} iSCSI session${iscsi.sessions > 1 ? 's' : ''} itself (the host cannot snapshot those disks)`,
      );
    if (iscsi && iscsi.fcHosts > 0 && !reasons.some((r) => r.includes('Fibre Channel')))
      reasons.push('the guest has Fibre Channel host adapters');
    const twice = mounts?.value.duplicateDevices ?? [];
    if (twice.length > 0)
      reasons.push(
        `${twice
          .slice(0, 3)
          .map((d) => token(d, 40))
          .join(', ')} ${twice.length > 1 ? 'are' : 'is'} mounted more than once`,
      );
    if (reasons.length === 0) return 'pass';
    return finding(ctx, {
      detail: `Live backup may fail or be incomplete here: ${reasons.join('; ')}. Backups skip disks the host cannot snapshot and can fail silently; a partition mounted twice makes the freeze fail; a restored VHD may need fsck.`,
      evidence: evidenceOf(storage, mounts, ctx.facts.iscsi),
    });
  },
});
